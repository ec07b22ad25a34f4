from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        # Receivers and tasks need the models; the tasks are imported so that enqueueing them by
        # name (core.queue) finds them registered in every process, not only in the worker.
        from . import signals, tasks  # noqa: F401

        signals.connect()
