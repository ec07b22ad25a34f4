"""Reads for review pages: each decides its query shape, so a page's query count does not grow
with the number of criteria, reviewers or cycles."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from networks.models import Membership
from networks.permissions import is_member

from .models import (
    PHASE_ORDER,
    Acknowledgement,
    Criterion,
    DeadlineExtension,
    Evidence,
    PeerAssessment,
    PeerRating,
    PeerReviewer,
    Phase,
    PhaseDeadline,
    ProposedLevel,
    ReportFinding,
    ReviewCycle,
    ReviewerStatus,
    RubricLevel,
    SelfAssessment,
)
from .permissions import can_open_cycle, can_view_cycle

SMALLEST_GROUP = 5
"""Broker aggregates show no figure for a group of fewer networks than this."""


def co_leader_users(network) -> list:
    return [
        m.user
        for m in Membership.objects.co_leaders()
        .filter(network_id=network.pk)
        .select_related("user")
    ]


def co_leaders_acknowledging(cycle) -> list:
    """The network's co-leaders, each with `acknowledged_report` (whether they have
    acknowledged this cycle's report). One query."""
    memberships = (
        Membership.objects.co_leaders()
        .filter(network_id=cycle.network_id)
        .select_related("user")
        .annotate(
            acknowledged=Exists(
                Acknowledgement.objects.filter(cycle_id=cycle.pk, by_id=OuterRef("user_id"))
            )
        )
    )
    people = []
    for membership in memberships:
        membership.user.acknowledged_report = membership.acknowledged
        people.append(membership.user)
    return people


def actions_without_updates(cycle) -> list:
    return list(cycle.actions.filter(updates__isnull=True).select_related("owner"))


def owed_by(cycle, *, team=None, co_leaders=None, open_actions=None) -> list:
    """Who owes the next step of the cycle's current phase (for the page and the reminders).

    A page that has loaded them passes the cycle's reviewers (`team`, with their users), its
    co-leaders (`co_leaders`, from co_leaders_acknowledging) and its actions without an update
    (`open_actions`); each one not given is read here."""
    network = cycle.network

    def accepted() -> list:
        if team is None:
            return list(cycle.reviewers.accepted().select_related("user"))
        return [place for place in team if place.status == ReviewerStatus.ACCEPTED]

    if cycle.phase == Phase.SELF_REVIEW:
        proposed = cycle.proposed_levels.values("by_id")
        quiet = (
            Membership.objects.current()
            .filter(network_id=network.pk)
            .exclude(~Q(role="co_leader"), user_id__in=proposed)
        )
        owing = sorted(quiet.select_related("user"), key=lambda m: m.role != "co_leader")
        return [m.user for m in owing]  # the co-leaders first, then members yet to propose
    if cycle.phase == Phase.PEER_REVIEW:
        places = accepted()
        people = [place.user for place in places if place.ratings_submitted_at is None]
        return people or [place.user for place in places if place.is_lead]
    if cycle.phase == Phase.REPORT:
        return [place.user for place in accepted() if place.is_lead]
    if cycle.phase == Phase.RESPONSE:
        leaders = co_leaders if co_leaders is not None else co_leaders_acknowledging(cycle)
        return [person for person in leaders if not person.acknowledged_report] or leaders
    if cycle.phase == Phase.FOLLOW_UP:
        if open_actions is None:
            open_actions = actions_without_updates(cycle)
        return co_leader_users(network) + [action.owner for action in open_actions]
    if cycle.phase == Phase.CLOSED:
        return []
    return co_leader_users(network)


WHAT_IS_DUE = {
    Phase.PLANNING: "Agree the focus, invite the peer team and move on to self-review.",
    Phase.SELF_REVIEW: "Members add evidence and propose levels; co-leaders consolidate each "
    "focus criterion. The peer team accepts its places.",
    Phase.PEER_REVIEW: "Each reviewer rates every focus criterion blind; the review visit takes "
    "place; the lead reviewer consolidates the team's ratings.",
    Phase.REPORT: "The lead reviewer writes the report and issues it to the network.",
    Phase.RESPONSE: "Two co-leaders acknowledge the report; the network writes its action plan.",
    Phase.FOLLOW_UP: "Record progress on every action and what the network has done since.",
    Phase.CLOSED: "Nothing: the cycle is closed. Its record stays.",
}


@dataclass
class PhaseStep:
    phase: str
    label: str
    state: str  # "done", "current" or "to come"
    due_on: object = None
    was_extended: bool = False
    overdue: bool = False


def phase_track(cycle, deadlines) -> list[PhaseStep]:
    by_phase = {deadline.phase: deadline for deadline in deadlines}
    today = timezone.localdate()
    steps = []
    for position, phase in enumerate(PHASE_ORDER):
        if position < cycle.phase_position:
            state = "done"
        elif position == cycle.phase_position:
            state = "current"
        else:
            state = "to come"
        deadline = by_phase.get(phase)
        steps.append(
            PhaseStep(
                phase=phase,
                label=Phase(phase).label,
                state=state,
                due_on=deadline.due_on if deadline else None,
                was_extended=bool(deadline and deadline.was_extended),
                overdue=bool(deadline and state == "current" and deadline.due_on < today),
            )
        )
    return steps


def cycle_deadlines(cycle) -> list:
    """The deadlines with their extensions and who made them: two queries."""
    extensions = Prefetch("extensions", queryset=DeadlineExtension.objects.select_related("by"))
    return list(cycle.deadlines.prefetch_related(extensions))


@dataclass
class CriterionRow:
    criterion: Criterion
    levels: list
    evidence_count: int = 0
    proposals: list = field(default_factory=list)
    self_assessment: object = None
    peer_assessment: object = None
    my_rating: object = None
    finding: object = None
    counted_proposals: int | None = None  # given when the proposals were counted, not loaded

    @property
    def proposal_count(self) -> int:
        if self.counted_proposals is not None:
            return self.counted_proposals
        return len(self.proposals)

    @property
    def self_level(self):
        return self.self_assessment.level if self.self_assessment else None

    @property
    def peer_level(self):
        return self.peer_assessment.level if self.peer_assessment else None

    @property
    def gap(self):
        if self.self_level is None or self.peer_level is None:
            return None
        return self.self_level - self.peer_level

    @property
    def self_label(self):
        return self.label_of(self.self_level)

    @property
    def peer_label(self):
        return self.label_of(self.peer_level)

    @property
    def gap_text(self):
        return "" if self.gap is None else f"{self.gap:+d}" if self.gap else "0"

    def label_of(self, number):
        return next((level.label for level in self.levels if level.number == number), "")


def focus_criteria(cycle):
    return (
        cycle.focus_criteria.select_related("domain")
        .prefetch_related(Prefetch("levels", queryset=RubricLevel.objects.order_by("number")))
        .order_by("domain__sort_order", "sort_order", "pk")
    )


def criterion_rows(cycle, *, show_self: bool, reviewer=None, with_findings=False) -> list:
    """One row per focus criterion with what the viewer may see: a fixed number of queries."""
    criteria = list(focus_criteria(cycle).annotate(evidence_n=_count_of(Evidence, cycle)))
    rows = {
        c.pk: CriterionRow(criterion=c, levels=list(c.levels.all()), evidence_count=c.evidence_n)
        for c in criteria
    }
    if show_self:
        for proposal in ProposedLevel.objects.filter(cycle=cycle).select_related("by"):
            if proposal.criterion_id in rows:
                rows[proposal.criterion_id].proposals.append(proposal)
        for assessment in SelfAssessment.objects.filter(cycle=cycle).select_related("by"):
            if assessment.criterion_id in rows:
                rows[assessment.criterion_id].self_assessment = assessment
    # The lead reviewer consolidates levels in peer review only, and phases only move on.
    if cycle.reached(Phase.PEER_REVIEW):
        for assessment in PeerAssessment.objects.filter(cycle=cycle):
            if assessment.criterion_id in rows:
                rows[assessment.criterion_id].peer_assessment = assessment
    if reviewer is not None:
        for rating in PeerRating.objects.filter(reviewer=reviewer):
            if rating.criterion_id in rows:
                rows[rating.criterion_id].my_rating = rating
    if with_findings:
        for finding in ReportFinding.objects.filter(report__cycle=cycle):
            if finding.criterion_id in rows:
                rows[finding.criterion_id].finding = finding
    return list(rows.values())


@dataclass(frozen=True)
class LevelOnly:
    """A consolidated level or a rating, read as its number alone (the cycle page's table)."""

    level: int


def _count_of(model, cycle):
    counted = (
        model.objects.filter(cycle=cycle, criterion=OuterRef("pk"))
        .order_by()
        .values("criterion")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def _level_in(levels):
    return Subquery(levels.filter(criterion=OuterRef("pk")).order_by().values("level")[:1])


def criterion_summary_rows(cycle, *, show_self: bool, reviewer=None) -> list:
    """The cycle page's table: per focus criterion its evidence count and, as far as the viewer
    may see them, the number of proposed levels, the consolidated self and peer levels and the
    viewer's own rating, as numbers. Two queries (the criteria, their rubric levels) in every
    phase."""
    criteria = focus_criteria(cycle).annotate(evidence_n=_count_of(Evidence, cycle))
    if show_self:
        criteria = criteria.annotate(
            proposal_n=_count_of(ProposedLevel, cycle),
            self_level=_level_in(SelfAssessment.objects.filter(cycle=cycle)),
        )
    if cycle.reached(Phase.PEER_REVIEW):
        criteria = criteria.annotate(
            peer_level=_level_in(PeerAssessment.objects.filter(cycle=cycle))
        )
    if reviewer is not None:
        criteria = criteria.annotate(
            my_level=_level_in(PeerRating.objects.filter(reviewer=reviewer))
        )

    def level(criterion, name):
        number = getattr(criterion, name, None)
        return LevelOnly(number) if number is not None else None

    return [
        CriterionRow(
            criterion=c,
            levels=list(c.levels.all()),
            evidence_count=c.evidence_n,
            counted_proposals=getattr(c, "proposal_n", 0),
            self_assessment=level(c, "self_level"),
            peer_assessment=level(c, "peer_level"),
            my_rating=level(c, "my_level"),
        )
        for c in criteria
    ]


def team(cycle) -> list:
    return list(cycle.reviewers.select_related("user").order_by("-is_lead", "invited_at", "pk"))


def evidence_for(cycle, criterion) -> list:
    return list(
        Evidence.objects.filter(cycle=cycle, criterion=criterion).select_related(
            "added_by", "artefact", "indicator"
        )
    )


def peer_ratings(cycle) -> dict:
    """Submitted ratings by criterion id: [(reviewer, rating)]."""
    by_criterion: dict = {}
    ratings = PeerRating.objects.filter(
        reviewer__cycle=cycle, reviewer__ratings_submitted_at__isnull=False
    ).select_related("reviewer__user")
    for rating in ratings:
        by_criterion.setdefault(rating.criterion_id, []).append(rating)
    return by_criterion


def actions_of(cycle) -> list:
    return list(cycle.actions.select_related("owner", "criterion").prefetch_related("updates__by"))


# --- The report's trend across cycles ----------------------------------------------------------


@dataclass
class TrendRow:
    code: str
    title: str
    points: list  # [(cycle number, self level, peer level)]


def trend(cycle) -> list[TrendRow]:
    """From the network's second cycle on: each focus criterion's levels in every cycle of the
    network up to this one, matched by the criterion's code (it survives new versions)."""
    cycles = list(
        ReviewCycle.objects.filter(network_id=cycle.network_id, number__lte=cycle.number)
        .order_by("number")
        .values_list("pk", "number")
    )
    if len(cycles) < 2:
        return []
    numbers = dict(cycles)
    codes = {c.code: c.title for c in cycle.focus_criteria.all()}
    self_levels = SelfAssessment.objects.filter(
        cycle_id__in=numbers, criterion__code__in=codes
    ).values_list("cycle_id", "criterion__code", "level")
    peer_levels = PeerAssessment.objects.filter(
        cycle_id__in=numbers, criterion__code__in=codes
    ).values_list("cycle_id", "criterion__code", "level")
    table: dict = {}
    for cycle_id, code, level in self_levels:
        table.setdefault(code, {}).setdefault(numbers[cycle_id], [None, None])[0] = level
    for cycle_id, code, level in peer_levels:
        table.setdefault(code, {}).setdefault(numbers[cycle_id], [None, None])[1] = level
    rows = []
    for code, title in codes.items():
        by_number = table.get(code, {})
        points = [(n, *by_number[n]) for n in sorted(by_number)]
        if len(points) >= 2:
            rows.append(TrendRow(code=code, title=title, points=points))
    return rows


# --- Lists -------------------------------------------------------------------------------------


def profile_cycles(network, user):
    """The network's cycles for its profile section, or None for someone who may not see them."""
    cycles = list(
        ReviewCycle.objects.filter(network_id=network.pk)
        .select_related("network")
        .order_by("-number")
    )
    if not (is_member(user, network) or any(can_view_cycle(user, c) for c in cycles[:1])):
        return None
    can_open = can_open_cycle(user, network, cycles=cycles)
    if not cycles and not can_open:
        return None
    return {"cycles": cycles, "can_open": can_open, "network": network}


def my_reviews(user) -> dict:
    mine = (
        ReviewCycle.objects.filter(network_id__in=Membership.objects.network_ids_of(user))
        .select_related("network")
        .order_by("network__title", "-number")
    )
    places = (
        PeerReviewer.objects.filter(user=user)
        .exclude(status="withdrawn")
        .select_related("cycle__network")
        .order_by("-invited_at")
    )
    return {"network_cycles": list(mine), "places": list(places)}


# --- The broker's overview ---------------------------------------------------------------------


@dataclass
class OverviewRow:
    cycle: ReviewCycle
    due_on: object
    days_overdue: int


def overview_rows(*, today=None) -> list[OverviewRow]:
    today = today or timezone.localdate()
    cycles = ReviewCycle.objects.select_related("network").order_by("network__title", "-number")
    deadlines = {}
    for cycle_id, phase, due_on in PhaseDeadline.objects.values_list("cycle_id", "phase", "due_on"):
        deadlines[(cycle_id, phase)] = due_on
    rows = []
    for cycle in cycles:
        due_on = deadlines.get((cycle.pk, cycle.phase))
        overdue = (today - due_on).days if due_on and due_on < today else 0
        rows.append(OverviewRow(cycle=cycle, due_on=due_on, days_overdue=overdue))
    return rows


@dataclass
class Distribution:
    code: str
    title: str
    networks: int
    counts: dict  # level number → networks; empty when the group is too small
    suppressed: bool


def level_distributions() -> list[Distribution]:
    """Per criterion (by code): how many networks the peer team placed at each level, from each
    network's latest cycle that has one. No figure for fewer than SMALLEST_GROUP networks."""
    assessments = (
        PeerAssessment.objects.filter(cycle__report__issued_at__isnull=False)
        .values_list(
            "cycle__network_id", "cycle__number", "criterion__code", "criterion__title", "level"
        )
        .order_by("criterion__code", "cycle__network_id", "-cycle__number")
    )
    latest: dict = {}
    titles: dict = {}
    for network_id, _number, code, title, level in assessments:
        titles.setdefault(code, title)
        latest.setdefault(code, {}).setdefault(network_id, level)
    result = []
    for code in sorted(latest, key=lambda c: titles[c]):
        levels = latest[code]
        suppressed = len(levels) < SMALLEST_GROUP
        result.append(
            Distribution(
                code=code,
                title=titles[code],
                networks=len(levels),
                counts={} if suppressed else dict(sorted(Counter(levels.values()).items())),
                suppressed=suppressed,
            )
        )
    return result


def phase_counts() -> dict:
    counts = dict(
        ReviewCycle.objects.values_list("phase").annotate(n=Count("pk")).values_list("phase", "n")
    )
    return {Phase(phase).label: counts.get(phase, 0) for phase in PHASE_ORDER}
