"""The site's artefact forms. Each form's `service_arguments()` returns what artefacts.services
take; what a form offers comes from the selectors, passed in by the view."""

from ..models.submission import WHAT_DID_NOT_WORK_REQUIRED
from .moderation import ApproveForm, CompareForm, RequestChangesForm
from .spreading import AdaptForm, HideTrialForm, TrialForm
from .writing import WHAT_WE_CHANGED_REQUIRED, ArtefactForm

__all__ = [
    "WHAT_DID_NOT_WORK_REQUIRED",
    "WHAT_WE_CHANGED_REQUIRED",
    "AdaptForm",
    "ApproveForm",
    "ArtefactForm",
    "CompareForm",
    "HideTrialForm",
    "RequestChangesForm",
    "TrialForm",
]
