"""The Celery application. Its configuration, beat schedule included, lives in settings."""

from pathlib import Path

from celery import Celery
from celery.signals import after_setup_logger

from .environment import select_settings_module

select_settings_module()

app = Celery("nlc")
# The current app is per thread in Celery; every thread (the dev server's, a test's live server,
# gunicorn's threads) must send through this one, configured app.
app.set_default()
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def ensure_embedded_folders(conf) -> None:
    """The filesystem broker and result backend need their folders before the first message."""
    if str(conf.broker_url).startswith("filesystem://"):
        options = conf.broker_transport_options or {}
        for key in ("data_folder_in", "data_folder_out", "processed_folder", "control_folder"):
            if options.get(key):
                Path(options[key]).mkdir(parents=True, exist_ok=True)
    if str(conf.result_backend or "").startswith("file://"):
        Path(conf.result_backend.removeprefix("file://")).mkdir(parents=True, exist_ok=True)


@app.on_after_configure.connect
def _prepare_broker(sender, **kwargs):
    ensure_embedded_folders(sender.conf)


@after_setup_logger.connect
def _quiet_kombu_polling(logger, **kwargs):
    import logging

    logging.getLogger("kombu").setLevel(logging.WARNING)
