from .collections import (
    FEATURE_TARGETS,
    ITEM_TARGETS,
    Collection,
    CollectionItem,
    Feature,
)
from .spread import SpreadSnapshot
from .syntheses import Synthesis, SynthesisCitation

__all__ = [
    "FEATURE_TARGETS",
    "ITEM_TARGETS",
    "Collection",
    "CollectionItem",
    "Feature",
    "SpreadSnapshot",
    "Synthesis",
    "SynthesisCitation",
]
