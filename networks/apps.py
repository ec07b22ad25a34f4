from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "networks"

    def ready(self):
        # Page models and their documents can be imported only once the app registry is ready.
        from search.registry import register
        from search.searchers import register_searcher_networks

        from . import pagecache
        from .search import NetworkDocument, searcher_network_ids

        pagecache.register()

        register(NetworkDocument)
        register_searcher_networks(searcher_network_ids)
