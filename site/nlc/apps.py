from django.apps import AppConfig


class NlcConfig(AppConfig):
    name = "nlc"
    verbose_name = "Platform"
