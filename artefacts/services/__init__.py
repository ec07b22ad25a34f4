"""Writing, moderating, adapting and trying artefacts. Views, forms, tasks and demo data call
these (`from artefacts import services; services.submit_artefact(...)`).

Each service checks artefacts.permissions again inside its transaction (raising NotAllowed with
the rule's own message), writes to Wagtail's audit log, and tells the people concerned in the app
and by e-mail (after commit). One module per activity:

* drafting: create_artefact, save_draft (every version checked against the artefact's rules);
* files: store_upload, the resources of a draft, and files kept when its form has errors;
* moderation: submit_artefact, request_changes, approve_artefact, publish_due_artefacts;
* adaptation: adapt_artefact and telling the original's authors;
* trials: record_trial, withdraw_trial, hide_trial, restore_trial.
"""

from .adaptation import ADAPTATION_COPIES, adapt_artefact, tell_about_published_adaptation
from .common import (
    ACTION_LABELS,
    APPROVED,
    CHANGES_REQUESTED,
    SCHEDULED,
    SUBMITTED,
    TRIAL_HIDDEN,
    TRIAL_RESTORED,
    WITHDRAWN,
    co_leader_users,
    workspace_path,
)
from .drafting import (
    Contributor,
    create_artefact,
    credits,
    default_contributors,
    save_draft,
    unique_slug,
)
from .files import (
    ResourceChanges,
    discard_pending_uploads,
    keep_pending_upload,
    purge_abandoned_uploads,
    store_upload,
)
from .moderation import approve_artefact, publish_due_artefacts, request_changes, submit_artefact
from .trials import hide_trial, record_trial, restore_trial, withdraw_trial

__all__ = [
    "ACTION_LABELS",
    "ADAPTATION_COPIES",
    "APPROVED",
    "CHANGES_REQUESTED",
    "SCHEDULED",
    "SUBMITTED",
    "TRIAL_HIDDEN",
    "TRIAL_RESTORED",
    "WITHDRAWN",
    "Contributor",
    "ResourceChanges",
    "adapt_artefact",
    "approve_artefact",
    "co_leader_users",
    "create_artefact",
    "purge_abandoned_uploads",
    "credits",
    "default_contributors",
    "discard_pending_uploads",
    "keep_pending_upload",
    "hide_trial",
    "publish_due_artefacts",
    "record_trial",
    "request_changes",
    "restore_trial",
    "save_draft",
    "store_upload",
    "submit_artefact",
    "tell_about_published_adaptation",
    "unique_slug",
    "withdraw_trial",
    "workspace_path",
]
