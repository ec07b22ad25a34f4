"""Demo review cycles: one in every phase, a closed cycle with its report, action plan and
follow-up, and the Mersey network on its second cycle (so its report shows a trend).

Runs after the networks' and artefacts' demo data. Cycles are walked through the services, as
co-leaders and reviewers would; a second run adds nothing.
"""

import random
from datetime import timedelta

from django.apps import apps
from django.utils import timezone

from networks.models import Membership, NetworkPage, NetworkSchool

from . import services
from .conflicts import suggest_reviewers
from .factories import deadlines_from
from .framework_data import load_default_framework
from .models import (
    DEADLINE_PHASES,
    PHASE_ORDER,
    Action,
    ActionUpdate,
    Criterion,
    Evidence,
    FrameworkVersion,
    PeerRating,
    Phase,
    PhaseDeadline,
    ProposedLevel,
    ReviewCycle,
)

# (network slug, the phase its current cycle is in)
PLAN = [
    ("mersey-learning-partnership", Phase.RESPONSE),
    ("pennine-enquiry-network", Phase.FOLLOW_UP),
    ("black-country-transition-collaborative", Phase.REPORT),
    ("birmingham-pupil-voice-network", Phase.PEER_REVIEW),
    ("thames-gateway-literacy-network", Phase.SELF_REVIEW),
    ("cornwall-rural-schools-network", Phase.PLANNING),
]
# A phase lasts four weeks; the current phase began ten days ago; Mersey's first cycle closed
# this long ago.
PHASE_DAYS, INTO_PHASE_DAYS, CLOSED_DAYS_AGO = 28, 10, 150
# When, in phases after the cycle opened, each kind of record is made while walking a cycle.
RECORD_PHASES = {
    "PeerReviewer": {"invited_at": 0.3, "responded_at": 0.6, "ratings_submitted_at": 2.7},
    "ProposedLevel": {"updated_at": 1.3},
    "Evidence": {"added_at": 1.4},
    "SelfAssessment": {"updated_at": 1.8},
    "PeerAssessment": {"updated_at": 2.8},
    "ReviewReport": {"updated_at": 3.5, "issued_at": 3.9},
    "Acknowledgement": {"at": 4.2},
    "Action": {"created_at": 4.3},
}
FOCUS = ["leadership-shared", "enquiry-discipline", "pupil-voice-influence", "impact-evidence"]


def seed(log):
    if ReviewCycle.objects.exists():
        log("review cycles already there; skipped")
        return
    load_default_framework()
    version = FrameworkVersion.objects.get(framework__slug="networked-learning", number=1)
    criteria = list(Criterion.objects.filter(domain__version=version, code__in=FOCUS))
    rng = random.Random(2001)
    made = 0
    for slug, phase in PLAN:
        network = NetworkPage.objects.filter(slug=slug).first()
        if network is None or len(_co_leaders(network)) < 2:
            continue
        if slug == "mersey-learning-partnership":
            first = _open(network, version, criteria, "How well do we share leadership?")
            _walk(first, Phase.CLOSED, rng, levels=(2, 2))
            _date_history(first, closed_days_ago=CLOSED_DAYS_AGO)
            made += 1
        cycle = _open(network, version, criteria, "What has changed since our first review?")
        _walk(cycle, phase, rng, levels=(3, 3))
        _date_history(cycle)
        made += 1
    log(f"{made} review cycles")


def _co_leaders(network):
    return [
        m.user
        for m in Membership.objects.co_leaders().filter(network=network).select_related("user")
    ]


def _members(network):
    return [
        m.user
        for m in Membership.objects.current()
        .filter(network=network, role="member")
        .select_related("user")
    ]


def _fresh(user):
    return type(user).objects.get(pk=user.pk)


def _open(network, version, criteria, purpose):
    return services.open_cycle(
        network=network,
        by=_co_leaders(network)[0],
        framework_version=version,
        focus_criteria=criteria,
        deadlines=deadlines_from(timezone.localdate() + timedelta(days=2), step_days=28),
        purpose=purpose,
    )


def _advance(cycle):
    services.advance_phase(cycle=cycle, by=_fresh(_co_leaders(cycle.network)[0]))


def _walk(cycle, target, rng, *, levels):
    network = cycle.network
    leaders = _co_leaders(network)
    members = _members(network)
    focus = list(cycle.focus_criteria.all())
    order = list(Phase.values)
    if order.index(target) == 0:
        return
    # Planning → self-review: the team is invited and accepts.
    for position, suggestion in enumerate(suggest_reviewers(cycle, limit=2)):
        place = services.invite_reviewer(
            cycle=cycle, person=suggestion.user, by=_fresh(leaders[0]), is_lead=position == 0
        )
        if order.index(target) >= order.index(Phase.PEER_REVIEW):
            services.accept_invitation(place=place, by=_fresh(suggestion.user))
    _advance(cycle)
    for criterion in focus:
        for member in members[:2]:
            services.propose_level(
                cycle=cycle,
                criterion=criterion,
                by=member,
                level=rng.choice((2, 3, 3, 4)),
                comment="From what we saw in our enquiry trios.",
            )
        services.add_evidence(
            cycle=cycle,
            criterion=criterion,
            by=members[0] if members else leaders[0],
            kind="note",
            title="Minutes of the steering group",
            note="Decisions taken by three schools, not one.",
        )
    if target == Phase.SELF_REVIEW:
        return
    for criterion in focus:
        services.consolidate_self_assessment(
            cycle=cycle,
            criterion=criterion,
            by=_fresh(leaders[0]),
            level=min(4, levels[0] + rng.choice((0, 0, 1))),
            rationale="The proposals clustered here; the minutes and artefacts bear it out.",
        )
    _advance(cycle)
    team = list(cycle.reviewers.accepted().select_related("user"))
    for place in team:
        reviewer = _fresh(place.user)
        for criterion in focus:
            services.rate_criterion(
                cycle=cycle,
                criterion=criterion,
                by=reviewer,
                level=rng.choice((levels[1] - 1, levels[1])),
                evidence="Lesson visits, the pupil panel and the enquiry write-ups.",
            )
        if target != Phase.PEER_REVIEW or place.is_lead:
            services.submit_ratings(cycle=cycle, by=reviewer)
    if target == Phase.PEER_REVIEW:
        return
    lead = _fresh(next(place.user for place in team if place.is_lead))
    for criterion in focus:
        services.consolidate_peer_assessment(
            cycle=cycle,
            criterion=criterion,
            by=lead,
            level=max(1, levels[1] - rng.choice((0, 1))),
            rationale="We agreed after comparing notes from the visit.",
        )
    school = NetworkSchool.objects.filter(network=network, left_on__isnull=True).first().school
    start = timezone.now() + timedelta(days=3)
    services.schedule_review_visit(
        cycle=cycle,
        starts_at=start,
        ends_at=start + timedelta(hours=6),
        host_school=school,
        by=lead,
    )
    _advance(cycle)
    services.write_report(
        cycle=cycle,
        by=lead,
        summary="A network that talks openly about what did not work. Leadership is genuinely "
        "shared; the next step is hearing from pupils who are rarely asked.",
    )
    for criterion in focus:
        services.write_finding(
            cycle=cycle,
            criterion=criterion,
            by=lead,
            strengths="Teachers from every school lead parts of the work.",
            areas_to_develop="Gather evidence before as well as after; widen whose voices are heard.",
            evidence_seen="Minutes, three lesson visits, the pupil panel, two artefacts.",
        )
    if target == Phase.REPORT:
        return
    services.issue_report(cycle=cycle, by=lead)
    _advance(cycle)
    services.acknowledge_report(cycle=cycle, by=_fresh(leaders[0]), comment="Fair and useful.")
    services.acknowledge_report(cycle=cycle, by=_fresh(leaders[1]))
    owner = members[0] if members else leaders[1]
    action = services.add_action(
        cycle=cycle,
        by=_fresh(leaders[0]),
        criterion=focus[2],
        owner=owner,
        description="A pupil panel in every school, meeting each half term.",
        due_on=timezone.localdate() + timedelta(days=120),
    )
    if target == Phase.RESPONSE:
        return
    _advance(cycle)
    services.record_progress(
        action=action,
        by=_fresh(owner),
        status="under_way",
        note="Four of five schools have a panel.",
    )
    if target == Phase.FOLLOW_UP:
        return
    services.record_follow_up(
        cycle=cycle,
        by=_fresh(leaders[0]),
        summary="Panels now meet in every school; pupils presented to the steering group in March.",
    )
    _advance(cycle)


def _date_history(cycle, *, closed_days_ago=None) -> None:
    """Spread a cycle walked through just now over the weeks it would have taken: each phase
    four weeks (less when the people taking part joined their networks more recently), the
    current one begun ten days ago, each record dated in the phase that made it."""
    cycle.refresh_from_db()
    now = timezone.now()
    phase = PHASE_ORDER.index(cycle.phase)
    ends = now - timedelta(days=closed_days_ago or INTO_PHASE_DAYS)
    step = timedelta(days=PHASE_DAYS)
    opened = ends - step * phase
    floor = _latest_join(cycle) + timedelta(days=1)
    if opened < floor:
        opened = floor
        step = (ends - floor) / max(phase, 1)
    origin = cycle.opened_at

    def at(phase_number, original=None):
        later = (original - origin) if original is not None else timedelta(0)
        return min(opened + step * phase_number + later, now)

    ReviewCycle.objects.filter(pk=cycle.pk).update(
        opened_at=opened,
        phase_started_at=at(phase),
        closed_at=at(phase) if cycle.closed_at else None,
        review_visit_starts_at=cycle.review_visit_starts_at and at(2.5),
        review_visit_ends_at=cycle.review_visit_ends_at and at(2.5) + timedelta(hours=6),
    )
    for position, deadline_phase in enumerate(DEADLINE_PHASES):
        due = (opened + step * (position + 1)).date()
        PhaseDeadline.objects.filter(cycle=cycle, phase=deadline_phase).update(
            due_on=due, original_due_on=due
        )
    for name, fields in RECORD_PHASES.items():
        model = apps.get_model("peer_review", name)
        for row in model.objects.filter(cycle=cycle):
            changes = {
                field: at(number, getattr(row, field))
                for field, number in fields.items()
                if getattr(row, field) is not None
            }
            model.objects.filter(pk=row.pk).update(**changes)
    PeerRating.objects.filter(reviewer__cycle=cycle).update(updated_at=at(2.4))
    ActionUpdate.objects.filter(action__cycle=cycle).update(at=at(5.3))
    Action.objects.filter(cycle=cycle).update(due_on=(at(4.3) + timedelta(days=120)).date())


def _latest_join(cycle):
    """When the last of the people who took part in the cycle joined one of their networks."""
    people = {cycle.opened_by_id}
    people.update(cycle.reviewers.values_list("user_id", flat=True))
    people.update(ProposedLevel.objects.filter(cycle=cycle).values_list("by_id", flat=True))
    people.update(Evidence.objects.filter(cycle=cycle).values_list("added_by_id", flat=True))
    joins = Membership.objects.current().filter(user__in=people).values_list("user_id", "joined_at")
    first_join = {}
    for user_id, joined_at in joins:
        first_join[user_id] = min(joined_at, first_join.get(user_id, joined_at))
    return max(first_join.values(), default=cycle.opened_at - timedelta(days=365))
