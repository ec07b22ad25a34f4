from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from . import pagecache
        from .sites import align_after_migrate

        pagecache.register()

        post_migrate.connect(align_after_migrate, sender=self)
