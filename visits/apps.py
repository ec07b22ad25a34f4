from django.apps import AppConfig


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Study visits"

    def ready(self):
        # The registry needs the models, which are ready only now.
        from search.registry import register

        from . import pagecache
        from .search import VisitOfferDocument

        pagecache.register()

        register(VisitOfferDocument)
