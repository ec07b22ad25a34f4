from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "networks.engagement"
    label = "engagement"
    verbose_name = "Engagement"
