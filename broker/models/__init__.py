from .collections import (
    FEATURE_TARGETS,
    ITEM_TARGETS,
    Collection,
    CollectionItem,
    Feature,
)
from .follows import FOLLOW_TARGETS, DigestPreference, DigestSent, Follow, FollowNotice
from .introductions import Introduction
from .spread import SpreadSnapshot
from .syntheses import Synthesis, SynthesisCitation

__all__ = [
    "FOLLOW_TARGETS",
    "DigestPreference",
    "DigestSent",
    "Follow",
    "FollowNotice",
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
