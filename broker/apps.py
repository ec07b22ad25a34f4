from django.apps import AppConfig


class BrokerConfig(AppConfig):
    """The national broker's work: collections, syntheses, the spread of learning, introductions
    between networks, follows and digests, and open data. The top floor: no app imports it."""

    name = "broker"
    verbose_name = "National broker"

    def ready(self):
        from . import pagecache, signals

        signals.connect()
        pagecache.register()
