"""A review world: the reviewed network with its people and schools, three other networks whose
people can review it, a broker and an outsider. Helpers move a cycle on through the services."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from core.accounts.factories import BrokerFactory, UserFactory
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    MembershipFactory,
    NetworkSchoolFactory,
    SchoolFactory,
)
from peer_review import services
from peer_review.factories import cycle_for, framework_version, version_criteria
from peer_review.models import Phase


@dataclass
class World:
    network: object
    school: object
    co_leader: object
    second_co_leader: object
    member: object
    reviewers: list  # co-leaders of three other networks
    other_networks: list
    broker: object
    outsider: object
    version: object

    @property
    def lead(self):
        return self.reviewers[0]

    def person(self, role: str):
        return {
            "anonymous": None,
            "outsider": self.outsider,
            "member": self.member,
            "co_leader": self.co_leader,
            "lead_reviewer": self.reviewers[0],
            "reviewer": self.reviewers[1],
            "other_network": self.reviewers[2],
            "broker": self.broker,
        }[role]


def build_world(*, criteria: int = 3, tag: str = "") -> World:
    school = SchoolFactory(name="Seaforth Primary School")
    network = ActiveNetworkFactory(title=f"Mersey Feedback Network{tag}")
    NetworkSchoolFactory(network=network, school=school)
    co_leader = UserFactory(first_name="Tom", last_name="Brennan")
    second = UserFactory(first_name="Aisha", last_name="Ahmed")
    member = UserFactory(first_name="Ben", last_name="Byrne")
    CoLeaderFactory(network=network, user=co_leader, school=school)
    CoLeaderFactory(network=network, user=second, school=school)
    MembershipFactory(network=network, user=member, school=school)
    others, reviewers = [], []
    for title, name in [
        ("Pennine Enquiry Network", ("Dev", "Davies")),
        ("Black Country Collaborative", ("Ella", "Evans")),
        ("Thames Literacy Network", ("Finn", "Foster")),
    ]:
        other = ActiveNetworkFactory(title=f"{title}{tag}")
        other_school = SchoolFactory()
        NetworkSchoolFactory(network=other, school=other_school)
        person = UserFactory(first_name=name[0], last_name=name[1])
        CoLeaderFactory(network=other, user=person, school=other_school)
        others.append(other)
        reviewers.append(person)
    return World(
        network=network,
        school=school,
        co_leader=co_leader,
        second_co_leader=second,
        member=member,
        reviewers=reviewers,
        other_networks=others,
        broker=BrokerFactory(),
        outsider=UserFactory(),
        version=framework_version(criteria=criteria),
    )


def open_cycle(world, **kwargs):
    return cycle_for(world.network, world.co_leader, version=world.version, **kwargs)


def fresh(user):
    """The same person without the role caches of an earlier request."""
    return type(user).objects.get(pk=user.pk)


def to_self_review(world, cycle):
    services.advance_phase(cycle=cycle, by=world.co_leader)
    return cycle


def self_assess_all(world, cycle, level=3):
    for criterion in version_criteria(world.version):
        services.consolidate_self_assessment(
            cycle=cycle,
            criterion=criterion,
            by=world.co_leader,
            level=level,
            rationale="Minutes and artefacts show it.",
        )


def form_team(world, cycle, count=2):
    for position, person in enumerate(world.reviewers[:count]):
        place = services.invite_reviewer(
            cycle=cycle, person=person, by=world.co_leader, is_lead=position == 0
        )
        services.accept_invitation(place=place, by=fresh(person))


def to_peer_review(world, cycle):
    to_self_review(world, cycle)
    self_assess_all(world, cycle)
    form_team(world, cycle)
    services.advance_phase(cycle=cycle, by=fresh(world.co_leader))
    return cycle


def rate_all(world, cycle, person, level=2):
    person = fresh(person)
    for criterion in version_criteria(world.version):
        services.rate_criterion(
            cycle=cycle, criterion=criterion, by=person, level=level, evidence="Seen on the visit."
        )
    services.submit_ratings(cycle=cycle, by=person)


def schedule_visit(world, cycle):
    start = timezone.now() + timedelta(days=10)
    services.schedule_review_visit(
        cycle=cycle,
        starts_at=start,
        ends_at=start + timedelta(hours=6),
        host_school=world.school,
        by=fresh(world.co_leader),
    )


def to_report(world, cycle):
    to_peer_review(world, cycle)
    rate_all(world, cycle, world.reviewers[0])
    rate_all(world, cycle, world.reviewers[1])
    lead = fresh(world.lead)
    for criterion in version_criteria(world.version):
        services.consolidate_peer_assessment(
            cycle=cycle, criterion=criterion, by=lead, level=2, rationale="We agreed."
        )
    schedule_visit(world, cycle)
    services.advance_phase(cycle=cycle, by=fresh(world.co_leader))
    return cycle


def write_and_issue_report(world, cycle):
    lead = fresh(world.lead)
    services.write_report(cycle=cycle, by=lead, summary="A network that learns in the open.")
    for criterion in version_criteria(world.version):
        services.write_finding(
            cycle=cycle,
            criterion=criterion,
            by=lead,
            strengths="Shared leadership.",
            areas_to_develop="Pupil voice beyond the confident few.",
            evidence_seen="Minutes, two lessons, pupil panel.",
        )
    services.issue_report(cycle=cycle, by=lead)


def to_response(world, cycle):
    to_report(world, cycle)
    write_and_issue_report(world, cycle)
    services.advance_phase(cycle=cycle, by=fresh(world.co_leader))
    return cycle


def acknowledge_and_plan(world, cycle):
    services.acknowledge_report(cycle=cycle, by=fresh(world.co_leader))
    services.acknowledge_report(cycle=cycle, by=fresh(world.second_co_leader))
    return services.add_action(
        cycle=cycle,
        by=fresh(world.co_leader),
        criterion=version_criteria(world.version)[0],
        description="Pupil panels in every school.",
        owner=world.member,
        due_on=timezone.localdate() + timedelta(days=60),
    )


def to_follow_up(world, cycle):
    to_response(world, cycle)
    action = acknowledge_and_plan(world, cycle)
    services.advance_phase(cycle=cycle, by=fresh(world.co_leader))
    return action


def to_closed(world, cycle):
    action = to_follow_up(world, cycle)
    services.record_progress(action=action, by=fresh(world.member), status="done", note="Running.")
    services.record_follow_up(cycle=cycle, by=fresh(world.co_leader), summary="Panels meet termly.")
    services.advance_phase(cycle=cycle, by=fresh(world.co_leader))
    return cycle


STEPS = {
    Phase.PLANNING: lambda world, cycle: cycle,
    Phase.SELF_REVIEW: to_self_review,
    Phase.PEER_REVIEW: to_peer_review,
    Phase.REPORT: to_report,
    Phase.RESPONSE: to_response,
    Phase.FOLLOW_UP: to_follow_up,
    Phase.CLOSED: to_closed,
}
