from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "networks.funding"
    label = "funding"
    verbose_name = "Funding and spending plans"
