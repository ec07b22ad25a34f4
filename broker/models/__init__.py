from .collections import (
    FEATURE_TARGETS,
    ITEM_TARGETS,
    Collection,
    CollectionItem,
    Feature,
)

__all__ = [
    "FEATURE_TARGETS",
    "ITEM_TARGETS",
    "Collection",
    "CollectionItem",
    "Feature",
]
