"""Collections the broker curates, and what it features on the home page.

A collection is an ordered list of items, each pointing at one thing a network published (an
artefact or a study-visit offer) with the broker's note on why it is there.
An item points at exactly one thing: `ITEM_TARGETS` names the target fields, and the check
constraint is built from it, so a new kind of item is a nullable foreign key added here and to
the list (with its migration), and a selector for it in broker.selectors.collections.

What a reader sees of a collection is never stored: the items are filtered through the target
app's own visibility rule every time, so an artefact that becomes private (or an offer that
becomes members only) simply stops showing (and counting) for those who may not read it.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

# The fields an item (or a home-page feature) may point at. Exactly one is set.
ITEM_TARGETS = ("artefact", "visit_offer")
FEATURE_TARGETS = ("collection", "artefact", "visit_offer")

INTRODUCTION_MAX_LENGTH = 3000
NOTE_MAX_LENGTH = 1000


def exactly_one_of(fields) -> Q:
    """A condition true when exactly one of `fields` is set (for a check constraint)."""
    condition = Q()
    for chosen in fields:
        branch = Q(**{f"{chosen}__isnull": False})
        for other in fields:
            if other != chosen:
                branch &= Q(**{f"{other}__isnull": True})
        condition |= branch
    return condition


class CollectionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Collection(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    theme = models.ForeignKey(
        "networks.Theme",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="collections",
    )
    introduction = models.TextField(
        max_length=INTRODUCTION_MAX_LENGTH,
        validators=[MaxLengthValidator(INTRODUCTION_MAX_LENGTH)],
        help_text="What the collection is for and how to use it, for a teacher arriving cold.",
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cover_description = models.CharField(
        max_length=200,
        blank=True,
        help_text="What the cover shows, for people who cannot see it.",
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Empty while it is a draft only brokers see."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CollectionQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["published_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("broker:collection", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    note = models.TextField(
        "why it is here",
        max_length=NOTE_MAX_LENGTH,
        validators=[MaxLengthValidator(NOTE_MAX_LENGTH)],
        help_text="The broker's note: what a reader will get from it.",
    )
    artefact = models.ForeignKey(
        "artefacts.ArtefactPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="collection_items",
    )
    visit_offer = models.ForeignKey(
        "visits.VisitOffer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="collection_items",
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["collection", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(ITEM_TARGETS), name="collection_item_has_one_target"
            ),
            models.UniqueConstraint(
                fields=["collection", "artefact"],
                condition=Q(artefact__isnull=False),
                name="one_item_per_collection_artefact",
            ),
            models.UniqueConstraint(
                fields=["collection", "visit_offer"],
                condition=Q(visit_offer__isnull=False),
                name="one_item_per_collection_visit_offer",
            ),
        ]

    def __str__(self):
        return f"Item {self.position} of {self.collection}"

    @property
    def target(self):
        return getattr(self, self.kind)

    @property
    def kind(self) -> str:
        """The target field that is set: the name templates and open data use for the item."""
        return next(name for name in ITEM_TARGETS if getattr(self, f"{name}_id"))


class Feature(models.Model):
    """Something the broker features on the home page, in the broker's order."""

    position = models.PositiveIntegerField()
    collection = models.OneToOneField(
        Collection, on_delete=models.CASCADE, null=True, blank=True, related_name="feature"
    )
    artefact = models.OneToOneField(
        "artefacts.ArtefactPage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="home_feature",
    )
    visit_offer = models.OneToOneField(
        "visits.VisitOffer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="home_feature",
    )
    featured_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    featured_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of(FEATURE_TARGETS), name="feature_has_one_target"
            ),
        ]

    def __str__(self):
        return f"Featured: {self.collection or self.artefact or self.visit_offer}"
