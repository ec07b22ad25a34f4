from .collections import (
    FEATURE_TARGETS,
    ITEM_TARGETS,
    Collection,
    CollectionItem,
    Feature,
)
from .introductions import Introduction
from .spread import SpreadSnapshot
from .syntheses import Synthesis, SynthesisCitation

__all__ = [
    "FEATURE_TARGETS",
    "ITEM_TARGETS",
    "Collection",
    "CollectionItem",
    "Feature",
    "Introduction",
    "SpreadSnapshot",
    "Synthesis",
    "SynthesisCitation",
]
