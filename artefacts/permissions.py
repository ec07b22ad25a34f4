"""Who may do what with an artefact. Views, templates, services and the Wagtail admin ask here.

Reading a published artefact depends on its visibility:

* public – anyone;
* members – anyone signed in;
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

Every answer is a bool; the `*_or_404` accessors fetch and authorise in one call, with the same
404 for "does not exist" and "not yours".
"""

from django.http import Http404

from core.roles import is_admin, is_broker
from networks.models import Membership, NetworkStatus, Role
from networks.permissions import current_role

from .models import ArtefactPage, ModerationStatus, Visibility

CREATING_ROLES = (Role.CO_LEADER, Role.MEMBER)


def _signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def _role(user, network) -> str | None:
    if network is None:
        return None
    return current_role(user, network)


def _is_open(network) -> bool:
    return network is not None and network.status != NetworkStatus.CLOSED


# --- Authors ---------------------------------------------------------------------------------


def _revision_contributor_ids(content: dict) -> set[int]:
    return {int(row["user"]) for row in (content or {}).get("contributors", []) if row.get("user")}


def author_ids(artefact) -> set[int]:
    """The person who started it and every contributor with an account, in its latest version.

    Cached on the instance; at most one query (the latest revision).
    """
    cached = artefact.__dict__.get("_author_ids")
    if cached is not None:
        return cached
    ids = {artefact.owner_id} if artefact.owner_id else set()
    revision = artefact.latest_revision if artefact.latest_revision_id else None
    if revision is not None:
        ids |= _revision_contributor_ids(revision.content)
    else:
        ids |= {row.user_id for row in artefact.contributors.all() if row.user_id}
    artefact.__dict__["_author_ids"] = ids
    return ids


def is_author(user, artefact) -> bool:
    return _signed_in(user) and user.pk in author_ids(artefact)


# --- Reading ---------------------------------------------------------------------------------


def visibility_allows(user, *, visibility: str, network) -> bool:
    """The visibility rule for one published artefact (artefacts_visible_to applies it in SQL)."""
    if visibility == Visibility.PUBLIC:
        return True
    if not _signed_in(user):
        return False
    if is_broker(user) or is_admin(user):
        return True
    if visibility == Visibility.MEMBERS:
        return True
    if visibility == Visibility.NETWORK:
        return _role(user, network) is not None
    return False


def can_read_live_artefact(user, artefact) -> bool:
    """The published version: live, and its visibility allows this person."""
    return bool(artefact.live) and visibility_allows(
        user, visibility=artefact.visibility, network=artefact.network
    )


def can_view_draft(user, artefact) -> bool:
    """Drafts and revisions: its authors, the network's co-leaders (its reviewers) and admins."""
    if not _signed_in(user):
        return False
    if is_admin(user):
        return True
    return _role(user, artefact.network) == Role.CO_LEADER or is_author(user, artefact)


def can_view_artefact(user, artefact) -> bool:
    """Any version of it: the published one or, for the people working on it, the drafts."""
    return can_read_live_artefact(user, artefact) or can_view_draft(user, artefact)


def can_view_revisions(user, artefact) -> bool:
    return can_view_draft(user, artefact)


def can_download(user, artefact, *, kind: str, file_id: int) -> bool:
    """A document ("document") or image ("image") of the artefact.

    People who may see its drafts get every file it holds; readers get the files of the
    published version only.
    """
    if can_view_draft(user, artefact):
        return True
    return can_read_live_artefact(user, artefact) and file_id in artefact.resource_ids(kind)


# --- Writing ---------------------------------------------------------------------------------


def can_create_artefact(user, network) -> bool:
    """Current co-leaders and members (not critical friends) of an open network."""
    return _signed_in(user) and _is_open(network) and _role(user, network) in CREATING_ROLES


def can_edit_artefact(user, artefact) -> bool:
    if not _signed_in(user) or not _is_open(artefact.network):
        return False
    if is_admin(user):
        return True
    role = _role(user, artefact.network)
    if role == Role.CO_LEADER:
        return True
    return role is not None and is_author(user, artefact)


def _moderation_of(artefact, moderation):
    if moderation is not None:
        return moderation
    from .selectors import moderation_of

    return moderation_of(artefact)


def can_submit(user, artefact, moderation=None) -> bool:
    """An author sends a draft (or a revised draft) to the network's co-leaders."""
    moderation = _moderation_of(artefact, moderation)
    return (
        moderation.status in (ModerationStatus.DRAFT, ModerationStatus.CHANGES_REQUESTED)
        and is_author(user, artefact)
        and can_edit_artefact(user, artefact)
    )


def can_approve(user, artefact, moderation=None) -> bool:
    """A co-leader of the artefact's network who is not one of its authors nor its submitter."""
    moderation = _moderation_of(artefact, moderation)
    if moderation.status != ModerationStatus.SUBMITTED or not _is_open(artefact.network):
        return False
    if not _signed_in(user) or _role(user, artefact.network) != Role.CO_LEADER:
        return False
    if user.pk == moderation.submitted_by_id or user.pk == artefact.owner_id:
        return False
    if is_author(user, artefact):
        return False
    revision = moderation.submitted_revision
    return revision is None or user.pk not in _revision_contributor_ids(revision.content)


def can_request_changes(user, artefact, moderation=None) -> bool:
    return can_approve(user, artefact, moderation)


def can_publish_in_admin(user, artefact) -> bool:
    """Publishing in the Wagtail admin skips moderation: admins only (for support)."""
    return is_admin(user)


# --- Spreading: trying and adapting ---------------------------------------------------------


def can_record_trial(user, artefact, *, existing=None) -> bool:
    """Say “we tried this” about a published artefact, or change `existing`, one's response:
    not once a moderator has hidden it."""
    return (
        _signed_in(user)
        and can_read_live_artefact(user, artefact)
        and not is_author(user, artefact)
        and (existing is None or not existing.is_hidden)
    )


def _may_adapt(user, artefact) -> bool:
    return _signed_in(user) and can_read_live_artefact(user, artefact) and artefact.may_be_adapted


def can_adapt_into(user, artefact, network) -> bool:
    """Start an adaptation of the published artefact in `network`."""
    if not (_may_adapt(user, artefact) and can_create_artefact(user, network)):
        return False
    return artefact.visibility != Visibility.NETWORK or network.pk == artefact.network_id


def can_adapt_artefact(user, artefact, *, networks=None) -> bool:
    """Start an adaptation of the published artefact in at least one network.

    `networks`: the result of selectors.networks_to_adapt_into(user, artefact), when the caller
    has it already (otherwise it costs a query).
    """
    if not _may_adapt(user, artefact):
        return False
    if networks is None:
        from .selectors import networks_to_adapt_into

        networks = networks_to_adapt_into(user, artefact)
    return any(can_adapt_into(user, artefact, network) for network in networks)


# --- Moderating “we tried this” responses ----------------------------------------------------


def can_withdraw_trial(user, trial) -> bool:
    """The person who wrote the response takes it back (a hidden one stays on record)."""
    return _signed_in(user) and trial.user_id == user.pk and not trial.is_hidden


def can_moderate_trials(user, artefact) -> bool:
    """Hide responses to the artefact: the national brokers, admins, and the current co-leaders
    of its open network who are not its authors."""
    if not _signed_in(user):
        return False
    if is_admin(user) or is_broker(user):
        return True
    return (
        _is_open(artefact.network)
        and _role(user, artefact.network) == Role.CO_LEADER
        and not is_author(user, artefact)
    )


def can_hide_trial(user, trial) -> bool:
    """Hide a response still shown, written by someone else. `trial.artefact` is read: load it
    with the trial (with its network) or set it, to save a query per response."""
    return (
        not trial.is_hidden
        and trial.user_id != getattr(user, "pk", None)
        and can_moderate_trials(user, trial.artefact)
    )


def can_restore_trial(user, trial) -> bool:
    """Show a hidden response again: the people who may hide it. `trial.artefact` is read, as
    for can_hide_trial."""
    return (
        trial.is_hidden
        and trial.user_id != getattr(user, "pk", None)
        and can_moderate_trials(user, trial.artefact)
    )


def can_moderate_any_trials(user) -> bool:
    """May moderate responses somewhere: for the Wagtail admin's list. At most one query,
    cached on the user (the admin asks for every row)."""
    if not _signed_in(user):
        return False
    if is_admin(user) or is_broker(user):
        return True
    cached = user.__dict__.get("_moderates_trials")
    if cached is None:
        cached = user.__dict__["_moderates_trials"] = (
            Membership.objects.current()
            .filter(user=user, role=Role.CO_LEADER)
            .exclude(network__status=NetworkStatus.CLOSED)
            .exists()
        )
    return cached


# --- Accessors -------------------------------------------------------------------------------


def artefact_or_404(user, artefact_id, *, allowed=can_view_artefact) -> ArtefactPage:
    """The artefact if `allowed(user, artefact)`; the same 404 when it does not exist."""
    artefact = (
        ArtefactPage.objects.select_related("network", "owner", "latest_revision")
        .filter(pk=artefact_id)
        .first()
    )
    if artefact is None or artefact.network is None or not allowed(user, artefact):
        raise Http404("No artefact found.")
    return artefact
