from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "networks"

    def ready(self):
        # Page models and their documents can be imported only once the app registry is ready.
        from search.registry import register

        from . import pagecache
        from .search import NetworkDocument

        pagecache.register()

        register(NetworkDocument)
