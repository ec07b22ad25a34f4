from django.apps import AppConfig


class SchoolsConfig(AppConfig):
    name = "networks.schools"
    label = "schools"
    verbose_name = "Schools register"
