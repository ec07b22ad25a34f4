from django.apps import AppConfig


class NlcConfig(AppConfig):
    name = "nlc"
    verbose_name = "Platform"

    def ready(self):
        # Imports Wagtail's admin widgets, which need the app registry.
        from .csp import start_choosers_without_inline_scripts

        start_choosers_without_inline_scripts()
