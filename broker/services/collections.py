"""Curating collections and the home page's featured items."""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from wagtail.images import get_image_model

from artefacts.permissions import can_read_live_artefact
from core.errors import ActionRefused, field_problems, refuse_invalid_fields, refuse_unless
from core.queue import enqueue_after_commit
from core.visibility import Visibility

from ..models import Collection, CollectionItem, Feature
from ..permissions import can_curate, why_not_add_visit_offer, why_not_curate


def _require_curator(by) -> None:
    refuse_unless(can_curate(by), why_not_curate(by) or "")


def _unique_slug(title: str, *, exclude_pk=None) -> str:
    base = slugify(title)[:90] or "collection"
    taken = set(
        Collection.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _clean_text(fields: dict) -> dict:
    title = " ".join((fields.get("title") or "").split())
    errors = field_problems(
        Collection,
        title=title,
        introduction=(fields.get("introduction") or "").strip(),
        cover_description=(fields.get("cover_description") or "").strip(),
    )
    if not title:
        errors["title"] = "Give the collection a title."
    if not (fields.get("introduction") or "").strip():
        errors["introduction"] = "Say what the collection is for: readers arrive here cold."
    if fields.get("cover") is not None and not (fields.get("cover_description") or "").strip():
        errors["cover_description"] = "Describe the cover for people who cannot see it."
    if errors:
        raise ActionRefused(field_errors=errors)
    return {**fields, "title": title}


def _store_cover(upload, *, title: str, by):
    image = get_image_model()(title=title[:255], file=upload, uploaded_by_user=by)
    image.save()
    return image


@transaction.atomic
def create_collection(
    *, by, title: str, introduction: str, theme=None, cover=None, cover_description: str = ""
) -> Collection:
    """Start a draft collection (only brokers see it until it is published)."""
    _require_curator(by)
    fields = _clean_text(
        {
            "title": title,
            "introduction": introduction,
            "cover": cover,
            "cover_description": cover_description,
        }
    )
    collection = Collection(
        title=fields["title"],
        slug=_unique_slug(fields["title"]),
        introduction=fields["introduction"].strip(),
        theme=theme,
        cover_description=fields["cover_description"].strip(),
        created_by=by,
    )
    if cover is not None:
        collection.cover = _store_cover(cover, title=collection.title, by=by)
    collection.save()
    return collection


@transaction.atomic
def update_collection(
    *,
    collection,
    by,
    title: str,
    introduction: str,
    theme=None,
    cover=None,
    cover_description: str = "",
    remove_cover: bool = False,
) -> Collection:
    """Change what the collection says about itself. Its address stays the same."""
    _require_curator(by)
    keeps_cover = collection.cover_id and not remove_cover
    fields = _clean_text(
        {
            "title": title,
            "introduction": introduction,
            "cover": cover if cover is not None else (True if keeps_cover else None),
            "cover_description": cover_description,
        }
    )
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    collection.title = fields["title"]
    collection.introduction = fields["introduction"].strip()
    collection.theme = theme
    collection.cover_description = fields["cover_description"].strip()
    if cover is not None:
        collection.cover = _store_cover(cover, title=collection.title, by=by)
    elif remove_cover:
        collection.cover = None
        collection.cover_description = ""
    collection.save()
    return collection


@transaction.atomic
def publish_collection(*, collection, by) -> Collection:
    """Make the collection public. Followers of its theme are told."""
    _require_curator(by)
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    if collection.is_published:
        return collection
    collection.published_at = timezone.now()
    collection.save(update_fields=["published_at", "updated_at"])
    enqueue_after_commit("broker.tasks.tell_followers_about_collection_task", collection.pk)
    return collection


@transaction.atomic
def unpublish_collection(*, collection, by) -> Collection:
    """Take the collection back to a draft (and off the home page)."""
    _require_curator(by)
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    collection.published_at = None
    collection.save(update_fields=["published_at", "updated_at"])
    Feature.objects.filter(collection=collection).delete()
    return collection


# --- Items -----------------------------------------------------------------------------------


def _next_position(queryset) -> int:
    return (queryset.aggregate(last=Max("position"))["last"] or 0) + 1


@transaction.atomic
def add_artefact(*, collection, by, artefact, note: str) -> CollectionItem:
    """Add a published artefact at the end of the collection, with the broker's note."""
    _require_curator(by)
    note = note.strip()
    if artefact is None or not artefact.live or not can_read_live_artefact(by, artefact):
        raise ActionRefused(field_errors={"artefact": "Give the address of a published artefact."})
    if not note:
        raise ActionRefused(field_errors={"note": "Say why it is in the collection."})
    refuse_invalid_fields(CollectionItem, note=note)
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    if collection.items.filter(artefact=artefact).exists():
        raise ActionRefused(
            field_errors={"artefact": f"“{artefact.title}” is in this collection already."}
        )
    item = CollectionItem.objects.create(
        collection=collection,
        position=_next_position(collection.items.all()),
        note=note,
        artefact=artefact,
    )
    if collection.is_published:
        enqueue_after_commit("broker.tasks.tell_followers_about_item_task", item.pk)
    return item


@transaction.atomic
def add_visit_offer(*, collection, by, offer, note: str) -> CollectionItem:
    """Add a study-visit offer listed on /visits/ at the end of the collection, with the
    broker's note. A private visit (a peer review's) can never be added."""
    _require_curator(by)
    reason = why_not_add_visit_offer(by, offer)
    if reason:
        raise ActionRefused(field_errors={"visit_offer": reason})
    note = note.strip()
    if not note:
        raise ActionRefused(field_errors={"note": "Say why it is in the collection."})
    collection = Collection.objects.select_for_update().get(pk=collection.pk)
    if collection.items.filter(visit_offer=offer).exists():
        raise ActionRefused(
            field_errors={"visit_offer": f"“{offer.title}” is in this collection already."}
        )
    item = CollectionItem.objects.create(
        collection=collection,
        position=_next_position(collection.items.all()),
        note=note,
        visit_offer=offer,
    )
    if collection.is_published:
        enqueue_after_commit("broker.tasks.tell_followers_about_item_task", item.pk)
    return item


@transaction.atomic
def change_note(*, item, by, note: str) -> CollectionItem:
    _require_curator(by)
    note = note.strip()
    if not note:
        raise ActionRefused(field_errors={"note": "Say why it is in the collection."})
    refuse_invalid_fields(CollectionItem, note=note)
    CollectionItem.objects.filter(pk=item.pk).update(note=note)
    item.note = note
    return item


def _swap(model, item, *, direction: str, siblings) -> None:
    if direction not in ("up", "down"):
        raise ActionRefused("Move it up or down.")
    neighbours = (
        siblings.filter(position__lt=item.position).order_by("-position", "-pk")
        if direction == "up"
        else siblings.filter(position__gt=item.position).order_by("position", "pk")
    )
    neighbour = neighbours.select_for_update().first()
    if neighbour is None:
        return
    model.objects.filter(pk=item.pk).update(position=neighbour.position)
    model.objects.filter(pk=neighbour.pk).update(position=item.position)


@transaction.atomic
def move_item(*, item, by, direction: str) -> None:
    """Swap the item with the one before ("up") or after ("down") it."""
    _require_curator(by)
    item = CollectionItem.objects.select_for_update().get(pk=item.pk)
    _swap(
        CollectionItem,
        item,
        direction=direction,
        siblings=CollectionItem.objects.filter(collection_id=item.collection_id),
    )


@transaction.atomic
def remove_item(*, item, by) -> None:
    _require_curator(by)
    CollectionItem.objects.filter(pk=item.pk).delete()


# --- The home page ---------------------------------------------------------------------------


@transaction.atomic
def feature(*, by, collection=None, artefact=None, visit_offer=None) -> Feature:
    """Put a published collection, a public artefact or a public study-visit offer open to
    booking on the home page (at the end)."""
    _require_curator(by)
    chosen = {
        name: target
        for name, target in (
            ("collection", collection),
            ("artefact", artefact),
            ("visit_offer", visit_offer),
        )
        if target is not None
    }
    if len(chosen) != 1:
        raise ActionRefused("Feature one collection, one artefact or one study-visit offer.")
    if collection is not None:
        collection = chosen["collection"] = Collection.objects.get(pk=collection.pk)  # as now
    if collection is not None and not collection.is_published:
        raise ActionRefused("Publish the collection before featuring it.")
    if artefact is not None and not (artefact.live and artefact.visibility == "public"):
        raise ActionRefused("Only a published, public artefact can be featured on the home page.")
    if visit_offer is not None and not (
        visit_offer.is_listed and visit_offer.visibility == Visibility.PUBLIC
    ):
        raise ActionRefused(
            "Only a public study-visit offer open to booking can be featured on the home page."
        )
    existing = Feature.objects.filter(**chosen).first()
    if existing is not None:
        return existing
    Feature.objects.select_for_update().all().exists()  # one curator orders the list at a time
    return Feature.objects.create(
        position=_next_position(Feature.objects.all()), featured_by=by, **chosen
    )


@transaction.atomic
def unfeature(*, feature_id: int, by) -> None:
    _require_curator(by)
    Feature.objects.filter(pk=feature_id).delete()


@transaction.atomic
def move_feature(*, feature_id: int, by, direction: str) -> None:
    _require_curator(by)
    item = Feature.objects.select_for_update().filter(pk=feature_id).first()
    if item is None:
        raise ActionRefused("That is no longer on the home page.")
    _swap(Feature, item, direction=direction, siblings=Feature.objects.all())
