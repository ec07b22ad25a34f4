from .choices import (
    ADAPTABLE_LICENCES,
    EVIDENCE_STRENGTH_GUIDANCE,
    ArtefactType,
    EvidenceKind,
    EvidenceStrength,
    Licence,
    ModerationStatus,
    TrialOutcome,
    Visibility,
)
from .files import ArtefactFile, PendingUpload
from .lineage import AdaptationNotice
from .moderation import ArtefactModeration
from .pages import (
    PAGE_CONTEXT_HOOK,
    PERMISSION_TESTER_HOOK,
    RESERVED_SLUGS,
    RICH_TEXT_FEATURES,
    SECTIONS,
    ArtefactContributor,
    ArtefactPage,
    ArtefactTag,
    Missing,
)
from .trials import ArtefactTrial
from .vocabulary import Phase, Subject

__all__ = [
    "Missing",
    "PendingUpload",
    "ADAPTABLE_LICENCES",
    "EVIDENCE_STRENGTH_GUIDANCE",
    "PAGE_CONTEXT_HOOK",
    "PERMISSION_TESTER_HOOK",
    "RESERVED_SLUGS",
    "RICH_TEXT_FEATURES",
    "SECTIONS",
    "AdaptationNotice",
    "ArtefactContributor",
    "ArtefactFile",
    "ArtefactModeration",
    "ArtefactPage",
    "ArtefactTag",
    "ArtefactTrial",
    "ArtefactType",
    "EvidenceKind",
    "EvidenceStrength",
    "Licence",
    "ModerationStatus",
    "Phase",
    "Subject",
    "TrialOutcome",
    "Visibility",
]
