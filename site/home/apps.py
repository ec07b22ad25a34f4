from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from .sites import align_after_migrate

        post_migrate.connect(align_after_migrate, sender=self)
