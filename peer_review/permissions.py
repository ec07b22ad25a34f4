"""Who may see and do what in a review cycle. Pages, the admin, downloads and services ask here.

Every rule is a `why_not_x(user, obj) -> str | None` that says, in words for the person, why they
may not; `can_x` is the same rule as a bool. Reading: the network's members, its peer team and,
read-only, the national broker (and admins, for support). Nobody else, and nothing public.
Blind first: a reviewer sees the network's self-assessment only after submitting their own
ratings (`why_not_view_self_assessment`).
"""

from django.http import Http404

from core.roles import is_admin, is_broker, is_signed_in
from networks.models import NetworkStatus
from networks.permissions import is_co_leader, is_member

from .models import HOLDING_STATUSES, Phase, ReviewCycle, ReviewerStatus

CONFIDENTIAL = (
    "A review cycle is confidential to the network, its peer team and the national broker."
)
CO_LEADERS_ONLY = "Only the network's co-leaders can do this."


def reviewer_place(user, cycle):
    """The person's invited or accepted place on the cycle's peer team, or None."""
    if not is_signed_in(user):
        return None
    cache = user.__dict__.setdefault("_review_places", {})
    if cycle.pk not in cache:
        cache[cycle.pk] = (
            cycle.reviewers.holding().filter(user_id=user.pk).first() if cycle.pk else None
        )
    return cache[cycle.pk]


def remember_place_among(user, cycle, places) -> None:
    """Note the person's place from the cycle's peer team, already loaded (saves a query)."""
    if is_signed_in(user) and cycle.pk:
        cache = user.__dict__.setdefault("_review_places", {})
        cache[cycle.pk] = next(
            (p for p in places if p.user_id == user.pk and p.status in HOLDING_STATUSES), None
        )


def forget_cached_places(user) -> None:
    user.__dict__.pop("_review_places", None)


def is_team_member(user, cycle) -> bool:
    place = reviewer_place(user, cycle)
    return place is not None and place.status == ReviewerStatus.ACCEPTED


def is_lead_reviewer(user, cycle) -> bool:
    place = reviewer_place(user, cycle)
    return place is not None and place.status == ReviewerStatus.ACCEPTED and place.is_lead


def _network_closed(cycle) -> str | None:
    if cycle.network.status == NetworkStatus.CLOSED:
        return f"{cycle.network.title} has closed: its review record is read-only."
    return None


def _writable(cycle) -> str | None:
    if cycle.is_closed:
        return "This review cycle has closed: its record is read-only."
    return _network_closed(cycle)


def _in_phase(cycle, *phases) -> str | None:
    if cycle.phase not in phases:
        names = " or ".join(Phase(phase).label.lower() for phase in phases)
        return (
            f"That belongs to the {names} phase; this cycle is in "
            f"{cycle.get_phase_display().lower()}."
        )
    return None


def _co_leader(user, cycle) -> str | None:
    return None if is_co_leader(user, cycle.network) else CO_LEADERS_ONLY


def _first(*reasons) -> str | None:
    return next((reason for reason in reasons if reason), None)


# --- Reading --------------------------------------------------------------------------------


def why_not_view_cycle(user, cycle) -> str | None:
    if is_member(user, cycle.network) or is_team_member(user, cycle):
        return None
    if is_broker(user) or is_admin(user):
        return None
    return CONFIDENTIAL


def can_view_cycle(user, cycle) -> bool:
    return why_not_view_cycle(user, cycle) is None


def why_not_view_self_assessment(user, cycle) -> str | None:
    """The levels the network gave itself (proposed and consolidated) and their rationale."""
    if why := why_not_view_cycle(user, cycle):
        return why
    place = reviewer_place(user, cycle)
    if place is not None and not is_member(user, cycle.network) and not place.has_submitted:
        return (
            "Rate every focus criterion and submit your ratings first: the peer team sees the "
            "network's self-assessment only after rating blind."
        )
    return None


def can_view_self_assessment(user, cycle) -> bool:
    return why_not_view_self_assessment(user, cycle) is None


def why_not_view_evidence(user, cycle) -> str | None:
    """Evidence without the network's levels: reviewers need it to rate."""
    return why_not_view_cycle(user, cycle)


def can_view_evidence(user, cycle) -> bool:
    return why_not_view_evidence(user, cycle) is None


def why_not_view_peer_ratings(user, cycle) -> str | None:
    """Each reviewer's own ratings: the team once submitted, the network once the report is out."""
    if why := why_not_view_cycle(user, cycle):
        return why
    if is_team_member(user, cycle):
        return None
    if cycle.reached(Phase.RESPONSE) or is_broker(user) or is_admin(user):
        return None
    return "The peer team's ratings are shared with the network with the report."


def can_view_peer_ratings(user, cycle) -> bool:
    return why_not_view_peer_ratings(user, cycle) is None


def why_not_view_report(user, cycle) -> str | None:
    if why := why_not_view_cycle(user, cycle):
        return why
    report = getattr(cycle, "report", None) if cycle.pk else None
    if is_team_member(user, cycle):
        return None
    if report is None or not report.is_issued:
        return "The lead reviewer has not issued the report yet."
    return None


def can_view_report(user, cycle) -> bool:
    return why_not_view_report(user, cycle) is None


def why_not_view_overview(user) -> str | None:
    if is_broker(user) or is_admin(user):
        return None
    return "The overview of every network's reviews is for the national broker."


def can_view_overview(user) -> bool:
    return why_not_view_overview(user) is None


# --- The cycle ------------------------------------------------------------------------------


def why_not_open_cycle(user, network, *, cycles=None) -> str | None:
    """`cycles`, when the caller has loaded all of the network's, saves the query for one under
    way."""
    if network.status == NetworkStatus.CLOSED:
        return f"{network.title} has closed: it cannot open a review cycle."
    if not is_co_leader(user, network):
        return CO_LEADERS_ONLY
    if (
        any(cycle.phase != Phase.CLOSED for cycle in cycles)
        if cycles is not None
        else ReviewCycle.objects.open().filter(network_id=network.pk).exists()
    ):
        return "The network already has a review cycle under way: close it before opening another."
    return None


def can_open_cycle(user, network, *, cycles=None) -> bool:
    return why_not_open_cycle(user, network, cycles=cycles) is None


def why_not_advance_phase(user, cycle) -> str | None:
    return _first(_writable(cycle), _co_leader(user, cycle))


def can_advance_phase(user, cycle) -> bool:
    return why_not_advance_phase(user, cycle) is None


def why_not_extend_deadline(user, cycle) -> str | None:
    return _first(_writable(cycle), _co_leader(user, cycle))


def can_extend_deadline(user, cycle) -> bool:
    return why_not_extend_deadline(user, cycle) is None


# --- Self-review ----------------------------------------------------------------------------


def why_not_contribute(user, cycle) -> str | None:
    """Evidence and proposed levels: every current member of the network, during self-review."""
    return _first(
        _writable(cycle),
        None if is_member(user, cycle.network) else "Only the network's members contribute.",
        _in_phase(cycle, Phase.SELF_REVIEW),
    )


def can_contribute(user, cycle) -> bool:
    return why_not_contribute(user, cycle) is None


def why_not_consolidate_self(user, cycle) -> str | None:
    return _first(_writable(cycle), _co_leader(user, cycle), _in_phase(cycle, Phase.SELF_REVIEW))


def can_consolidate_self(user, cycle) -> bool:
    return why_not_consolidate_self(user, cycle) is None


def why_not_remove_evidence(user, evidence) -> str | None:
    cycle = evidence.cycle
    if why := why_not_contribute(user, cycle):
        return why
    if evidence.added_by_id != user.pk and not is_co_leader(user, cycle.network):
        return "Only the person who added it, or a co-leader, can remove this evidence."
    return None


# --- The peer team --------------------------------------------------------------------------


def why_not_manage_team(user, cycle) -> str | None:
    return _first(
        _writable(cycle),
        _co_leader(user, cycle),
        _in_phase(cycle, Phase.PLANNING, Phase.SELF_REVIEW, Phase.PEER_REVIEW),
    )


def can_manage_team(user, cycle) -> bool:
    return why_not_manage_team(user, cycle) is None


def why_not_respond_to_invitation(user, place) -> str | None:
    if not is_signed_in(user) or place.user_id != user.pk:
        return "This invitation is for someone else."
    if place.status != ReviewerStatus.INVITED:
        return f"You have already answered this invitation ({place.get_status_display().lower()})."
    return _writable(place.cycle)


def can_respond_to_invitation(user, place) -> bool:
    return why_not_respond_to_invitation(user, place) is None


def why_not_declare_conflict(user, network) -> str | None:
    if not is_signed_in(user):
        return "Sign in to declare a conflict."
    if is_member(user, network):
        return "You belong to this network, so you are never asked to review it."
    return None


# --- Blind rating and consolidation ---------------------------------------------------------


def why_not_rate(user, cycle) -> str | None:
    place = reviewer_place(user, cycle)
    if place is None or place.status != ReviewerStatus.ACCEPTED:
        return "Only the peer team rates the network."
    if why := _first(_writable(cycle), _in_phase(cycle, Phase.PEER_REVIEW)):
        return why
    if place.has_submitted:
        return "You have submitted your ratings: they can no longer change."
    return None


def can_rate(user, cycle) -> bool:
    return why_not_rate(user, cycle) is None


def why_not_consolidate_peer(user, cycle) -> str | None:
    if not is_lead_reviewer(user, cycle):
        return "Only the lead reviewer consolidates the team's ratings."
    if why := _first(_writable(cycle), _in_phase(cycle, Phase.PEER_REVIEW)):
        return why
    if cycle.reviewers.accepted().filter(ratings_submitted_at__isnull=True).exists():
        return "Every reviewer must submit their ratings before the lead consolidates them."
    return None


def can_consolidate_peer(user, cycle) -> bool:
    return why_not_consolidate_peer(user, cycle) is None


def why_not_schedule_visit(user, cycle) -> str | None:
    if not (is_co_leader(user, cycle.network) or is_lead_reviewer(user, cycle)):
        return "The network's co-leaders or the lead reviewer schedule the review visit."
    return _first(_writable(cycle), _in_phase(cycle, Phase.SELF_REVIEW, Phase.PEER_REVIEW))


def can_schedule_visit(user, cycle) -> bool:
    return why_not_schedule_visit(user, cycle) is None


# --- Report and response --------------------------------------------------------------------


def why_not_write_report(user, cycle) -> str | None:
    if not is_lead_reviewer(user, cycle):
        return "Only the lead reviewer writes the report."
    if why := _first(_writable(cycle), _in_phase(cycle, Phase.REPORT)):
        return why
    report = getattr(cycle, "report", None)
    if report is not None and report.is_issued:
        return "The report has been issued: it can no longer change."
    return None


def can_write_report(user, cycle) -> bool:
    return why_not_write_report(user, cycle) is None


def why_not_acknowledge(user, cycle) -> str | None:
    if why := _first(_writable(cycle), _co_leader(user, cycle), _in_phase(cycle, Phase.RESPONSE)):
        return why
    if cycle.acknowledgements.filter(by_id=user.pk).exists():
        return (
            "You have already acknowledged the report: the second key must be another co-leader's."
        )
    return None


def can_acknowledge(user, cycle) -> bool:
    return why_not_acknowledge(user, cycle) is None


def why_not_plan_actions(user, cycle) -> str | None:
    return _first(
        _writable(cycle), _co_leader(user, cycle), _in_phase(cycle, Phase.RESPONSE, Phase.FOLLOW_UP)
    )


def can_plan_actions(user, cycle) -> bool:
    return why_not_plan_actions(user, cycle) is None


def why_not_record_progress(user, action) -> str | None:
    cycle = action.cycle
    if why := _first(_writable(cycle), _in_phase(cycle, Phase.RESPONSE, Phase.FOLLOW_UP)):
        return why
    if action.owner_id == user.pk or is_co_leader(user, cycle.network):
        return None
    return "The action's owner or a co-leader records its progress."


def can_record_progress(user, action) -> bool:
    return why_not_record_progress(user, action) is None


def why_not_record_follow_up(user, cycle) -> str | None:
    return _first(_writable(cycle), _co_leader(user, cycle), _in_phase(cycle, Phase.FOLLOW_UP))


def can_record_follow_up(user, cycle) -> bool:
    return why_not_record_follow_up(user, cycle) is None


def why_not_start_learning_artefact(user, cycle) -> str | None:
    if why := _first(_network_closed(cycle), _co_leader(user, cycle)):
        return why
    if not cycle.reached(Phase.FOLLOW_UP):
        return "The network shares what it learned once it has responded to the report."
    if cycle.learning_artefact_id:
        return "This review already has a 'learning from our review' artefact."
    return None


def can_start_learning_artefact(user, cycle) -> bool:
    return why_not_start_learning_artefact(user, cycle) is None


# --- Fetch and authorise in one ---------------------------------------------------------------


def cycle_for_user_or_404(user, cycle_id) -> ReviewCycle:
    """The cycle if this person may read it; the same 404 for missing and confidential."""
    cycle = (
        ReviewCycle.objects.select_related(
            "network", "framework_version__framework", "review_visit_host_school", "report"
        )
        .filter(pk=cycle_id)
        .first()
    )
    if cycle is None or not can_view_cycle(user, cycle):
        raise Http404("No review cycle found.")
    return cycle
