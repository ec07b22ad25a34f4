from django.apps import AppConfig


class ArtefactsConfig(AppConfig):
    name = "artefacts"
    verbose_name = "Learning artefacts"

    def ready(self):
        from . import signals

        signals.connect()
