"""Keys of documents that are not pages.

The index is keyed by an integer: a page's id, or, for any other registered object, minus the id
of its `SearchObject` row (one per content type and primary key), so a study-visit offer's
document never takes the place of a page's.
"""

from django.contrib.contenttypes.models import ContentType

from .models import SearchObject


def key_of(obj, *, create: bool = True) -> int | None:
    """The object's key (made on first use), or None when it has none and `create` is False."""
    content_type = ContentType.objects.get_for_model(type(obj), for_concrete_model=False)
    if create:
        row, _ = SearchObject.objects.get_or_create(content_type=content_type, object_id=obj.pk)
    else:
        row = SearchObject.objects.filter(content_type=content_type, object_id=obj.pk).first()
    return -row.pk if row is not None else None


def object_reference(key: int) -> tuple[type, int] | None:
    """(model, primary key) of an object's key, or None for a page id or an unknown key."""
    if key >= 0:
        return None
    row = SearchObject.objects.select_related("content_type").filter(pk=-key).first()
    if row is None or row.content_type.model_class() is None:
        return None
    return row.content_type.model_class(), row.object_id
