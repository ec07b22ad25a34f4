from .collections import (
    FEATURE_TARGETS,
    ITEM_TARGETS,
    Collection,
    CollectionItem,
    Feature,
)
from .syntheses import Synthesis, SynthesisCitation

__all__ = [
    "FEATURE_TARGETS",
    "ITEM_TARGETS",
    "Collection",
    "CollectionItem",
    "Feature",
    "Synthesis",
    "SynthesisCitation",
]
