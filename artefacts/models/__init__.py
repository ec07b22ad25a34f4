from .choices import (
    EVIDENCE_STRENGTH_GUIDANCE,
    ArtefactType,
    EvidenceKind,
    EvidenceStrength,
    Licence,
    ModerationStatus,
    Visibility,
)
from .files import ArtefactFile
from .moderation import ArtefactModeration
from .pages import (
    RESERVED_SLUGS,
    RICH_TEXT_FEATURES,
    SECTIONS,
    ArtefactContributor,
    ArtefactPage,
    ArtefactTag,
)
from .vocabulary import Phase, Subject

__all__ = [
    "EVIDENCE_STRENGTH_GUIDANCE",
    "RESERVED_SLUGS",
    "RICH_TEXT_FEATURES",
    "SECTIONS",
    "ArtefactContributor",
    "ArtefactFile",
    "ArtefactModeration",
    "ArtefactPage",
    "ArtefactTag",
    "ArtefactType",
    "EvidenceKind",
    "EvidenceStrength",
    "Licence",
    "ModerationStatus",
    "Phase",
    "Subject",
    "Visibility",
]
