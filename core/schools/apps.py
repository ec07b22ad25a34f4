from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "core.schools"
    label = "schools"
    verbose_name = "Schools register"
