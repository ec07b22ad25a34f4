from django.apps import AppConfig


class ArtefactsConfig(AppConfig):
    name = "artefacts"
