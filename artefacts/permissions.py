"""Who may do what with an artefact. Views, templates, services and the Wagtail admin ask here.

Reading a published artefact depends on its visibility:

* public – anyone;
* members – current members of any network (whatever their role), not every signed-in account:
  anyone may register, so "signed in" alone says nothing about them;
* network – current members of the artefact's network (co-leaders, members and critical friends).

National brokers and admins may read every published artefact. Drafts (and every revision) are
seen only by the artefact's authors, the network's co-leaders (who review them) and admins.

Writing:

* Current co-leaders and members of a network may start artefacts in it. Critical friends may not:
  they come from outside the schools to challenge the network's work, not to publish it; they can
  be credited as contributors, and read everything the network shares with its members.
* The authors (the person who started it and every contributor with an account) edit it while they
  are current members of the network; the network's co-leaders may edit it too, to help.
* Only an author submits it for review.
* A current co-leader of the artefact's own network who is not one of its authors (nor the person
  who submitted it) approves it or asks for changes. When every co-leader is an author, the network
  appoints another co-leader (or removes the co-leader from the contributors) first.
* Nothing changes in a closed network: its published artefacts stay readable.

Spreading (artefacts.services.record_trial and adapt_artefact):

* Anyone signed in who may read a published artefact, except its authors, may say “we tried this”
  (and change what they said). Authors' own use is the artefact itself, not evidence of spread.
* A reader may adapt a published artefact whose licence allows it (not “all rights reserved”)
  into a network where they may start artefacts. An artefact shared with its network only is
  adapted in that network only: the adaptation starts as a copy of its words.

Moderating “we tried this” responses (services.withdraw_trial and hide_trial):

* The person who wrote a response may withdraw it (it is deleted), unless it was hidden.
* A response that breaks the community's norms is hidden, with a reason, by a current co-leader
  of the artefact's (open) network who is not one of its authors (authors do not judge what is
  said about their own work, as they do not approve it), the national brokers or an admin. Nobody
  hides their own response: they withdraw it. A hidden response stays on record, and the same
  people may show it again (a mistake, or the matter resolved).

Each rule is one `why_not_*` function: None when the person may, otherwise the message they
read, on the site's pages, in the Wagtail admin and in the services' refusals (NotAllowed). Its
`can_*` predicate is defined from it and answers with a bool. The `*_or_404` accessors fetch
and authorise in one call, with the same 404 for "does not exist" and "not yours".
"""

from django.core.cache import cache
from django.http import Http404

from wagtail.models import Revision

from core.roles import is_admin, is_broker, is_signed_in
from networks.models import Membership, NetworkStatus, Role
from networks.permissions import belongs_to_a_network, current_role

from .models import ArtefactPage, ModerationStatus, Visibility
from .selectors import moderation_of, networks_to_adapt_into

REVISION_CONTRIBUTORS_SECONDS = 24 * 60 * 60

CREATING_ROLES = (Role.CO_LEADER, Role.MEMBER)

NOT_FOUND = "No artefact found."
NO_FILE = "No file found."
ONLY_WRITERS = "Only current co-leaders and members of the network can write its artefacts."
CANNOT_EDIT = "You cannot edit this artefact."
ONLY_AUTHORS_SUBMIT = "Only its authors can submit a draft artefact for review."
ONLY_REVIEWERS_APPROVE = (
    "Only a co-leader of the network who is not one of its authors can approve it."
)
ONLY_REVIEWERS_REVIEW = (
    "Only a co-leader of the network who is not one of its authors can review it."
)
ONLY_ADMINS_PUBLISH = "Only admins publish artefacts in the Wagtail admin: co-leaders approve them."
CANNOT_ADAPT = "You cannot adapt this artefact in that network."
ONLY_READERS_TRY = "Only readers who are not its authors can say they tried an artefact."
TRIAL_HIDDEN_NO_CHANGE = "A moderator hid your response, so it can no longer be changed."
TRIAL_NOT_YOURS = "That response was not found, or it is not yours to withdraw."
TRIAL_HIDDEN_NO_WITHDRAW = (
    "A moderator hid your response: it is kept on record, so it cannot be withdrawn."
)
TRIAL_NOT_YOURS_TO_HIDE = "That response was not found, or you cannot hide it."
TRIAL_ALREADY_HIDDEN = "That response is already hidden."
TRIAL_OWN_HIDE = "You cannot hide your own response: withdraw it instead."
TRIAL_NOT_YOURS_TO_RESTORE = "That response was not found, or you cannot show it again."
TRIAL_NOT_HIDDEN = "That response is not hidden."
TRIAL_OWN_RESTORE = "You cannot moderate your own response."
NOT_A_MODERATOR = (
    "Only co-leaders of open networks, the national brokers and admins moderate responses."
)


def _role(user, network) -> str | None:
    if network is None:
        return None
    return current_role(user, network)


def _is_open(network) -> bool:
    return network is not None and network.status != NetworkStatus.CLOSED


# --- Authors ---------------------------------------------------------------------------------


def _revision_contributor_ids(content: dict) -> set[int]:
    return {int(row["user"]) for row in (content or {}).get("contributors", []) if row.get("user")}


def _contributor_ids_in_revision(revision_id: int) -> set[int]:
    """A saved revision never changes, so its contributors are kept by its id (ids are never
    reused) rather than read, with the whole content, on every page a member opens."""
    key = f"artefacts:revision-contributors:{revision_id}"
    ids = cache.get(key)
    if ids is None:
        content = Revision.objects.filter(pk=revision_id).values_list("content", flat=True)
        ids = _revision_contributor_ids(content.first())
        cache.set(key, ids, REVISION_CONTRIBUTORS_SECONDS)
    return ids


def author_ids(artefact) -> set[int]:
    """The person who started it and every contributor with an account, in its latest version.

    Cached on the instance; at most one query (the latest revision's contributors, kept).
    """
    cached = artefact.__dict__.get("_author_ids")
    if cached is not None:
        return cached
    ids = {artefact.owner_id} if artefact.owner_id else set()
    if artefact.latest_revision_id:
        ids |= _contributor_ids_in_revision(artefact.latest_revision_id)
    else:
        ids |= {row.user_id for row in artefact.contributors.all() if row.user_id}
    artefact.__dict__["_author_ids"] = ids
    return ids


def is_author(user, artefact) -> bool:
    return is_signed_in(user) and user.pk in author_ids(artefact)


# --- Reading ---------------------------------------------------------------------------------


def visibility_allows(user, *, visibility: str, network) -> bool:
    """The visibility rule for one published artefact. artefacts_visible_to and the search
    audience ask it with network=None: may this person read members-only artefacts, and
    network-only ones of networks they do not belong to?"""
    if visibility == Visibility.PUBLIC:
        return True
    if not is_signed_in(user):
        return False
    if is_broker(user) or is_admin(user):
        return True
    if visibility == Visibility.MEMBERS:
        return belongs_to_a_network(user)
    if visibility == Visibility.NETWORK:
        return _role(user, network) is not None
    return False


def is_readable_by_anyone(artefact) -> bool:
    """Published and public: anyone on the web may read it (and caches may keep it)."""
    return bool(artefact.live) and artefact.is_public


def why_not_read_live_artefact(user, artefact) -> str | None:
    """The published version: live, and its visibility allows this person."""
    if artefact.live and visibility_allows(
        user, visibility=artefact.visibility, network=artefact.network
    ):
        return None
    return NOT_FOUND


def can_read_live_artefact(user, artefact) -> bool:
    return why_not_read_live_artefact(user, artefact) is None


def invites_sign_in(user, artefact) -> bool:
    """Someone signed out who opens a published artefact shared with members or with its
    network is invited to sign in (and told nothing about it), since signing in may let them
    read it. Drafts and what does not exist stay a 404 for them, as for everyone."""
    return (
        not is_signed_in(user)
        and bool(artefact.live)
        and artefact.network_id is not None
        and not artefact.is_public
    )


def why_not_view_draft(user, artefact) -> str | None:
    """Drafts and revisions: its authors, the network's co-leaders (its reviewers) and admins."""
    if not is_signed_in(user):
        return NOT_FOUND
    if is_admin(user):
        return None
    if _role(user, artefact.network) == Role.CO_LEADER or is_author(user, artefact):
        return None
    return NOT_FOUND


def can_view_draft(user, artefact) -> bool:
    return why_not_view_draft(user, artefact) is None


def why_not_view_artefact(user, artefact) -> str | None:
    """Any version of it: the published one or, for the people working on it, the drafts."""
    if can_read_live_artefact(user, artefact) or can_view_draft(user, artefact):
        return None
    return NOT_FOUND


def can_view_artefact(user, artefact) -> bool:
    return why_not_view_artefact(user, artefact) is None


def why_not_view_revisions(user, artefact) -> str | None:
    return why_not_view_draft(user, artefact)


def can_view_revisions(user, artefact) -> bool:
    return why_not_view_revisions(user, artefact) is None


def why_not_download(user, artefact, *, kind: str, file_id: int) -> str | None:
    """A document ("document") or image ("image") of the artefact.

    People who may see its drafts get every file it holds; readers get the files of the
    published version only.
    """
    if can_view_draft(user, artefact):
        return None
    if can_read_live_artefact(user, artefact) and file_id in artefact.resource_ids(kind):
        return None
    return "No document found." if kind == "document" else "No image found."


def can_download(user, artefact, *, kind: str, file_id: int) -> bool:
    return why_not_download(user, artefact, kind=kind, file_id=file_id) is None


def why_not_download_unattached(user, *, uploaded_by_id) -> str | None:
    """A document or image that belongs to no artefact (uploaded in the Wagtail admin and not
    chosen for one yet): the person who uploaded it and admins."""
    if is_admin(user) or (is_signed_in(user) and user.pk == uploaded_by_id):
        return None
    return NO_FILE


def can_download_unattached(user, *, uploaded_by_id) -> bool:
    return why_not_download_unattached(user, uploaded_by_id=uploaded_by_id) is None


def why_not_download_stored(user, stored) -> str | None:
    """A stored file (selectors.StoredFile), wherever it is asked for: the readers of a version
    of an artefact that holds it (why_not_download), asked now, at every request; a file in no
    artefact, as why_not_download_unattached says."""
    if not stored.links:
        return why_not_download_unattached(user, uploaded_by_id=stored.uploaded_by_id)
    for link in stored.links:
        if can_download(user, link.artefact, kind=stored.kind, file_id=stored.file_id):
            return None
    return NO_FILE


def can_download_stored(user, stored) -> bool:
    return why_not_download_stored(user, stored) is None


# --- Writing ---------------------------------------------------------------------------------


def why_not_create_artefact(user, network) -> str | None:
    """Current co-leaders and members (not critical friends) of an open network."""
    if is_signed_in(user) and _is_open(network) and _role(user, network) in CREATING_ROLES:
        return None
    return ONLY_WRITERS


def can_create_artefact(user, network) -> bool:
    return why_not_create_artefact(user, network) is None


def why_not_edit_artefact(user, artefact) -> str | None:
    """Its authors while they are current members, the network's co-leaders and admins; nobody
    in a closed network."""
    if not is_signed_in(user) or not _is_open(artefact.network):
        return CANNOT_EDIT
    if is_admin(user):
        return None
    role = _role(user, artefact.network)
    if role == Role.CO_LEADER or (role is not None and is_author(user, artefact)):
        return None
    return CANNOT_EDIT


def can_edit_artefact(user, artefact) -> bool:
    return why_not_edit_artefact(user, artefact) is None


def why_not_submit(user, artefact, moderation=None) -> str | None:
    """An author sends a draft (or a revised draft) to the network's co-leaders."""
    if moderation is None:
        moderation = moderation_of(artefact)
    if (
        moderation.status in (ModerationStatus.DRAFT, ModerationStatus.CHANGES_REQUESTED)
        and is_author(user, artefact)
        and can_edit_artefact(user, artefact)
    ):
        return None
    return ONLY_AUTHORS_SUBMIT


def can_submit(user, artefact, moderation=None) -> bool:
    return why_not_submit(user, artefact, moderation) is None


def _may_review(user, artefact, moderation) -> bool:
    """A co-leader of the artefact's network who is not one of its authors nor its submitter."""
    if moderation is None:
        moderation = moderation_of(artefact)
    if moderation.status != ModerationStatus.SUBMITTED or not _is_open(artefact.network):
        return False
    if not is_signed_in(user) or _role(user, artefact.network) != Role.CO_LEADER:
        return False
    if user.pk == moderation.submitted_by_id or user.pk == artefact.owner_id:
        return False
    if is_author(user, artefact):
        return False
    revision = moderation.submitted_revision
    return revision is None or user.pk not in _revision_contributor_ids(revision.content)


def why_not_approve(user, artefact, moderation=None) -> str | None:
    return None if _may_review(user, artefact, moderation) else ONLY_REVIEWERS_APPROVE


def can_approve(user, artefact, moderation=None) -> bool:
    return why_not_approve(user, artefact, moderation) is None


def why_not_request_changes(user, artefact, moderation=None) -> str | None:
    return None if _may_review(user, artefact, moderation) else ONLY_REVIEWERS_REVIEW


def can_request_changes(user, artefact, moderation=None) -> bool:
    return why_not_request_changes(user, artefact, moderation) is None


def why_not_publish_in_admin(user, artefact) -> str | None:
    """Publishing in the Wagtail admin skips moderation: admins only (for support)."""
    return None if is_admin(user) else ONLY_ADMINS_PUBLISH


def can_publish_in_admin(user, artefact) -> bool:
    return why_not_publish_in_admin(user, artefact) is None


# --- Spreading: trying and adapting ---------------------------------------------------------


def why_not_record_trial(user, artefact, *, existing=None) -> str | None:
    """Say “we tried this” about a published artefact, or change `existing`, one's response:
    not once a moderator has hidden it."""
    if (
        not is_signed_in(user)
        or not can_read_live_artefact(user, artefact)
        or is_author(user, artefact)
    ):
        return ONLY_READERS_TRY
    if existing is not None and existing.is_hidden:
        return TRIAL_HIDDEN_NO_CHANGE
    return None


def can_record_trial(user, artefact, *, existing=None) -> bool:
    return why_not_record_trial(user, artefact, existing=existing) is None


def _may_adapt(user, artefact) -> bool:
    return is_signed_in(user) and can_read_live_artefact(user, artefact) and artefact.may_be_adapted


def why_not_adapt_into(user, artefact, network) -> str | None:
    """Start an adaptation of the published artefact in `network`. An artefact shared with its
    network only is adapted in that network only."""
    if not (_may_adapt(user, artefact) and can_create_artefact(user, network)):
        return CANNOT_ADAPT
    if artefact.is_network_only and network.pk != artefact.network_id:
        return CANNOT_ADAPT
    return None


def can_adapt_into(user, artefact, network) -> bool:
    return why_not_adapt_into(user, artefact, network) is None


def why_not_adapt_artefact(user, artefact, *, networks=None) -> str | None:
    """Start an adaptation of the published artefact in at least one network.

    `networks`: the result of selectors.networks_to_adapt_into(user, artefact), when the caller
    has it already (otherwise it costs a query).
    """
    if not _may_adapt(user, artefact):
        return CANNOT_ADAPT
    if networks is None:
        networks = networks_to_adapt_into(user, artefact)
    if any(can_adapt_into(user, artefact, network) for network in networks):
        return None
    return CANNOT_ADAPT


def can_adapt_artefact(user, artefact, *, networks=None) -> bool:
    return why_not_adapt_artefact(user, artefact, networks=networks) is None


# --- Moderating “we tried this” responses ----------------------------------------------------


def why_not_withdraw_trial(user, trial) -> str | None:
    """The person who wrote the response takes it back (a hidden one stays on record).
    `trial` None: there is no such response."""
    if trial is None or not is_signed_in(user) or trial.user_id != user.pk:
        return TRIAL_NOT_YOURS
    if trial.is_hidden:
        return TRIAL_HIDDEN_NO_WITHDRAW
    return None


def can_withdraw_trial(user, trial) -> bool:
    return why_not_withdraw_trial(user, trial) is None


def why_not_moderate_trials(user, artefact) -> str | None:
    """Hide responses to the artefact: the national brokers, admins, and the current co-leaders
    of its open network who are not its authors."""
    if not is_signed_in(user):
        return NOT_A_MODERATOR
    if is_admin(user) or is_broker(user):
        return None
    if (
        _is_open(artefact.network)
        and _role(user, artefact.network) == Role.CO_LEADER
        and not is_author(user, artefact)
    ):
        return None
    return NOT_A_MODERATOR


def can_moderate_trials(user, artefact) -> bool:
    return why_not_moderate_trials(user, artefact) is None


def why_not_hide_trial(user, trial) -> str | None:
    """Hide a response still shown, written by someone else. `trial.artefact` is read: load it
    with the trial (with its network) or set it, to save a query per response. `trial` None:
    there is no such response."""
    if trial is None or not can_moderate_trials(user, trial.artefact):
        return TRIAL_NOT_YOURS_TO_HIDE
    if trial.is_hidden:
        return TRIAL_ALREADY_HIDDEN
    if trial.user_id == getattr(user, "pk", None):
        return TRIAL_OWN_HIDE
    return None


def can_hide_trial(user, trial) -> bool:
    return why_not_hide_trial(user, trial) is None


def why_not_restore_trial(user, trial) -> str | None:
    """Show a hidden response again: the people who may hide it. `trial.artefact` is read, as
    for why_not_hide_trial."""
    if trial is None or not can_moderate_trials(user, trial.artefact):
        return TRIAL_NOT_YOURS_TO_RESTORE
    if not trial.is_hidden:
        return TRIAL_NOT_HIDDEN
    if trial.user_id == getattr(user, "pk", None):
        return TRIAL_OWN_RESTORE
    return None


def can_restore_trial(user, trial) -> bool:
    return why_not_restore_trial(user, trial) is None


def why_not_moderate_any_trials(user) -> str | None:
    """May moderate responses somewhere: for the Wagtail admin's list. At most one query,
    cached on the user (the admin asks for every row)."""
    if not is_signed_in(user):
        return NOT_A_MODERATOR
    if is_admin(user) or is_broker(user):
        return None
    cached = user.__dict__.get("_moderates_trials")
    if cached is None:
        cached = user.__dict__["_moderates_trials"] = (
            Membership.objects.co_leaders()
            .filter(user=user)
            .exclude(network__status=NetworkStatus.CLOSED)
            .exists()
        )
    return None if cached else NOT_A_MODERATOR


def can_moderate_any_trials(user) -> bool:
    return why_not_moderate_any_trials(user) is None


# --- Accessors -------------------------------------------------------------------------------


def artefact_or_404(user, artefact_id, *, allowed=can_view_artefact) -> ArtefactPage:
    """The artefact if `allowed(user, artefact)`; the same 404 when it does not exist."""
    artefact = (
        ArtefactPage.objects.select_related("network", "owner", "latest_revision")
        .filter(pk=artefact_id)
        .first()
    )
    if artefact is None or artefact.network is None or not allowed(user, artefact):
        raise Http404(NOT_FOUND)
    return artefact
