from django.apps import AppConfig


class ArtefactsConfig(AppConfig):
    name = "artefacts"
    verbose_name = "Learning artefacts"

    def ready(self):
        # Page models and their documents can be imported only once the app registry is ready.
        from search.audience import register_audience
        from search.registry import register

        from . import pagecache, search, signals

        signals.connect()
        pagecache.register()
        register(search.ArtefactDocument)
        register_audience(search.reader_audience)
