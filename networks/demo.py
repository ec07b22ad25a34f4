"""Demo networks: eight networks across four regions, forty schools and sixty people, and one
proposed network waiting for the national broker.

Runs after accounts' and schools' demo data. Everything is looked up by a stable key (slug,
e-mail, URN) so a second run adds nothing.
"""

import random
from datetime import date, datetime, timedelta
from itertools import cycle

from django.utils import timezone
from django.utils.text import slugify

from core.accounts.demo import demo_user
from core.accounts.models import User
from core.demo_dates import backdate_page, between, moment, months_ago
from core.schools.models import School

from . import services
from .models import (
    Membership,
    NetworkIndexPage,
    NetworkPage,
    NetworkProposal,
    NetworkSchool,
    NetworkStatus,
    Role,
    Theme,
)

THEMES = [
    (
        "Assessment for learning",
        "Feedback, questioning and self- and peer-assessment that move learning on.",
    ),
    ("Pupil voice", "Pupils as researchers, co-designers and critics of their own learning."),
    ("Literacy across the curriculum", "Reading, writing and talk in every subject."),
    ("Mathematical reasoning", "Explaining, justifying and generalising in mathematics."),
    ("Transition", "Moves between phases, especially from primary to secondary school."),
    (
        "Special educational needs and disabilities",
        "SEND: inclusive practice and specialist support.",
    ),
    ("Leadership for learning", "Distributed and co-leadership focused on classroom learning."),
    ("Enquiry-based professional learning", "Teachers researching their own practice together."),
    ("Early years", "Learning through play and language in the foundation stage."),
    ("Metacognition", "Pupils planning, monitoring and evaluating their own learning."),
]

NETWORKS = [
    {
        "title": "Mersey Learning Partnership",
        "region": "North West",
        "status": NetworkStatus.ACTIVE,
        "started_months_ago": 15,
        "themes": ["Assessment for learning", "Enquiry-based professional learning"],
        "purpose": (
            "Five schools on both banks of the Mersey found that written marking was eating "
            "teachers' evenings without changing what pupils did next. Together we are testing "
            "live, verbal and peer feedback in Years 4 to 8, and sharing what pupils actually do "
            "with the feedback they get."
        ),
    },
    {
        "title": "Pennine Enquiry Network",
        "region": "North West",
        "status": NetworkStatus.SUSTAINING,
        "started_months_ago": 23,
        "themes": ["Enquiry-based professional learning", "Leadership for learning"],
        "purpose": (
            "Small schools in the Pennine valleys cannot each afford a research lead. We share "
            "one enquiry cycle a year: every teacher joins a cross-school trio, observes, and "
            "writes up what changed (and what did not) for the other valleys."
        ),
    },
    {
        "title": "Black Country Transition Collaborative",
        "region": "West Midlands",
        "status": NetworkStatus.ACTIVE,
        "started_months_ago": 20,
        "themes": ["Transition", "Pupil voice"],
        "purpose": (
            "Pupils from our primaries go on to three secondaries, and too many stall in Year 7. "
            "Primary and secondary teachers teach each other's classes, share bridging units and "
            "ask pupils what the move felt like."
        ),
    },
    {
        "title": "Birmingham Pupil Voice Network",
        "region": "West Midlands",
        "status": NetworkStatus.ACTIVE,
        "started_months_ago": 11,
        "themes": ["Pupil voice", "Metacognition"],
        "purpose": (
            "We train pupil researchers in every school to observe lessons in another school and "
            "report what helps them learn. Teachers then redesign one lesson sequence a term "
            "with the pupils' findings."
        ),
    },
    {
        "title": "Thames Gateway Literacy Network",
        "region": "London",
        "status": NetworkStatus.ACTIVE,
        "started_months_ago": 18,
        "themes": ["Literacy across the curriculum", "Early years"],
        "purpose": (
            "Many of our pupils speak English as an additional language. We want every subject "
            "teacher to teach the reading and talk their subject needs, starting with oral "
            "language in the early years."
        ),
    },
    {
        "title": "Camden and Islington Inclusion Network",
        "region": "London",
        "status": NetworkStatus.FORMING,
        "started_months_ago": None,
        "themes": ["Special educational needs and disabilities"],
        "purpose": (
            "A special school and four mainstream schools want to share specialist expertise "
            "so that more pupils with SEND thrive in mainstream classes. We are still forming: "
            "looking for a second co-leader from a mainstream school."
        ),
    },
    {
        "title": "Cornwall Rural Schools Network",
        "region": "South West",
        "status": NetworkStatus.ACTIVE,
        "started_months_ago": 8,
        "themes": ["Metacognition", "Leadership for learning"],
        "purpose": (
            "Isolated rural schools, some with three classes, working together so that no "
            "teacher plans alone. Our shared challenge is helping pupils in mixed-age classes "
            "plan and check their own learning."
        ),
    },
    {
        "title": "Bristol Mathematical Reasoning Network",
        "region": "South West",
        "status": NetworkStatus.CLOSED,
        "started_months_ago": 23.8,
        "closed_months_ago": 3,
        "themes": ["Mathematical reasoning", "Assessment for learning"],
        "purpose": (
            "Two years of joint lesson study on reasoning in mathematics across five schools. "
            "The network has closed; its lesson study reports stay available to everyone."
        ),
    },
]

FIRST_NAMES = [
    "Aisha",
    "Ben",
    "Chloe",
    "Dev",
    "Ella",
    "Farid",
    "Grace",
    "Harry",
    "Imogen",
    "Jamal",
    "Kate",
    "Liam",
    "Maya",
    "Nathan",
    "Olivia",
    "Priya",
    "Rhys",
    "Sophie",
    "Tariq",
    "Uma",
    "Vikram",
    "Wendy",
    "Yusuf",
    "Zara",
    "Adam",
    "Bethan",
    "Callum",
    "Dina",
]
LAST_NAMES = ["Ahmed", "Byrne", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes"]

PEOPLE_PER_NETWORK = 7  # 8 networks × 7 = 56, plus the 4 demo logins = 60 people
SCHOOLS_PER_NETWORK = 5
FORMING_FOR_DAYS = 40  # a forming network was set up this long ago
# When the first, second and later members joined, as shares of the network's life so far.
MEMBER_JOINING = [(0.0, 0.12), (0.05, 0.3), (0.2, 0.95)]


def seed(log) -> None:
    index = NetworkIndexPage.objects.first()
    if index is None:
        log("no network directory page; skipped")
        return
    themes = {
        name: Theme.objects.get_or_create(name=name, defaults={"description": text})[0]
        for name, text in THEMES
    }
    schools_by_region = {}
    for school in School.objects.filter(is_open=True).order_by("urn"):
        schools_by_region.setdefault(school.region, []).append(school)
    if not schools_by_region:
        log("no schools in the register; skipped")
        return

    names = cycle((first, last) for last in LAST_NAMES for first in FIRST_NAMES)
    region_offsets = {}
    for position, spec in enumerate(NETWORKS):
        network = _network(index, spec, themes)
        region_schools = schools_by_region.get(spec["region"], [])
        offset = region_offsets.get(spec["region"], 0)
        schools = region_schools[offset : offset + SCHOOLS_PER_NETWORK]
        region_offsets[spec["region"]] = offset + SCHOOLS_PER_NETWORK
        for school in schools:
            NetworkSchool.objects.get_or_create(
                network=network,
                school=school,
                left_on__isnull=True,
                defaults={"joined_on": _history_start(network)},
            )
        people = [_person(next(names), schools, number) for number in range(PEOPLE_PER_NETWORK)]
        if position == 0:
            people[0] = demo_user("coleader@example.org", "Tom", "Brennan")
            people[3] = demo_user("teacher@example.org", "Amira", "Hussain")
        roles = _roles(spec["status"])
        joined = _join_moments(network, roles)
        for number, (person, role) in enumerate(zip(people, roles, strict=True)):
            school = (
                None
                if role == Role.CRITICAL_FRIEND
                else schools[number % len(schools)]
                if schools
                else None
            )
            membership, created = Membership.objects.current().get_or_create(
                network=network, user=person, defaults={"role": role, "school": school}
            )
            if created:
                _date_joining(membership, joined[number])
    log(
        f"{NetworkPage.objects.count()} networks, {Membership.objects.current().count()} memberships"
    )
    _pending_proposal(schools_by_region, themes, log)


def _history_start(network) -> date:
    """When the network's history begins: it started, or (still forming) it was set up."""
    return network.started_on or timezone.localdate() - timedelta(days=FORMING_FOR_DAYS)


def _join_moments(network, roles) -> list[datetime]:
    """When each person joined: the co-leaders founded the network, the critical friend came
    within its first two months, and members joined over its life (not in its last weeks)."""
    chooser = random.Random(f"joined:{network.slug}")  # noqa: S311 - demo data only
    start = moment(_history_start(network), 9)
    end = moment(min(network.closed_on or timezone.localdate(), timezone.localdate()), 9)
    latest = max(start, end - timedelta(days=21))
    moments = []
    members = 0
    for role in roles:
        if role == Role.CO_LEADER:
            when = start
        elif role == Role.CRITICAL_FRIEND:
            when = min(start + timedelta(days=chooser.randint(14, 60)), latest)
        else:
            # The first members came early (they take part in the first review cycle).
            low, high = MEMBER_JOINING[min(members, len(MEMBER_JOINING) - 1)]
            when = between(start + timedelta(days=3), latest, chooser.uniform(low, high))
            members += 1
        moments.append(when.replace(hour=chooser.randint(9, 17), minute=chooser.choice((0, 30))))
    return moments


def _date_joining(membership, when) -> None:
    """Move a new membership back to `when`, and the person's account to before it."""
    when = min(when, timezone.now())
    Membership.objects.filter(pk=membership.pk).update(joined_at=when)
    membership.joined_at = when
    signed_up = when - timedelta(days=2)
    User.objects.filter(pk=membership.user_id, date_joined__gt=signed_up).update(
        date_joined=signed_up
    )


def _pending_proposal(schools_by_region, themes, log) -> None:
    """One proposed network waiting in the national broker's queue (/networks/proposals/)."""
    proposer = demo_user("priya.shah@example.org", "Priya", "Shah")
    if NetworkProposal.objects.filter(proposed_by=proposer).exists():
        return
    schools = [
        school for region in sorted(schools_by_region) for school in schools_by_region[region]
    ]
    services.propose_network(
        title="Fenland Reading Partnership",
        purpose=(
            "Rural primary schools whose pupils read less at home than their peers want to "
            "test whether shared reading mornings with families change that within a year."
        ),
        themes=[themes["Literacy across the curriculum"]],
        school=schools[-1],
        co_proposer_email="leon.marsh@example.org",
        co_proposer_school=schools[-2],
        by=proposer,
    )
    log("1 network proposal waiting for the national broker")


def _network(index, spec, themes) -> NetworkPage:
    slug = slugify(spec["title"])
    network = NetworkPage.objects.filter(slug=slug).first()
    if network is not None:
        return network
    started = spec["started_months_ago"]
    closed = spec.get("closed_months_ago")
    network = NetworkPage(
        title=spec["title"],
        slug=slug,
        purpose=spec["purpose"],
        status=spec["status"],
        started_on=None if started is None else months_ago(started),
        closed_on=None if closed is None else months_ago(closed),
    )
    index.add_child(instance=network)
    network.themes.set([themes[name] for name in spec["themes"]])
    network.save_revision().publish()
    backdate_page(network, moment(_history_start(network), 9))
    return network


def _person(name, schools, number):
    first, last = name
    domain = "example.org"
    return demo_user(f"{first}.{last}@{domain}".lower(), first, last)


def _roles(status) -> list[str]:
    """Two or three co-leaders (one for a forming network), members and a critical friend."""
    if status == NetworkStatus.FORMING:
        return [
            Role.CO_LEADER,
            Role.MEMBER,
            Role.MEMBER,
            Role.MEMBER,
            Role.MEMBER,
            Role.MEMBER,
            Role.CRITICAL_FRIEND,
        ]
    return [
        Role.CO_LEADER,
        Role.CO_LEADER,
        Role.CO_LEADER,
        Role.MEMBER,
        Role.MEMBER,
        Role.MEMBER,
        Role.CRITICAL_FRIEND,
    ]
