"""Factories for the broker's work, for tests and the demo data. They write rows directly; the
site goes through broker.services."""

import factory

from django.utils import timezone
from django.utils.text import slugify

from core.accounts.factories import BrokerFactory

from .models import Collection, CollectionItem, Feature


class CollectionFactory(factory.django.DjangoModelFactory):
    """A published collection (`published_at=None` for a draft)."""

    class Meta:
        model = Collection

    title = factory.Sequence(lambda n: f"Feedback that moves learning on {n}")
    slug = factory.LazyAttribute(lambda collection: slugify(collection.title)[:100])
    introduction = "What networks learned about feedback, and where to start."
    published_at = factory.LazyFunction(timezone.now)
    created_by = factory.SubFactory(BrokerFactory)


class CollectionItemFactory(factory.django.DjangoModelFactory):
    """An item at the end of a collection (give `artefact` or `visit_offer`)."""

    class Meta:
        model = CollectionItem

    collection = factory.SubFactory(CollectionFactory)
    position = factory.Sequence(lambda n: n + 1)
    note = "Start here: the clearest account of what did not work."


class FeatureFactory(factory.django.DjangoModelFactory):
    """Something on the home page (give `collection` or `artefact`)."""

    class Meta:
        model = Feature

    position = factory.Sequence(lambda n: n + 1)
