from django.apps import AppConfig


class BaseliningConfig(AppConfig):
    name = "networks.baselining"
    label = "baselining"
    verbose_name = "Baselining"
