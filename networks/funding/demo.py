"""Demo funding: grants received, each member school's contributions in kind, and a spending plan
whose revisions say what the network learned that changed it.

Runs after the networks demo and attaches records to the live networks it made; does nothing when
there are none. A network that already has a spending plan is left alone, so a second run adds
nothing. Records are written directly (not through the services) because they are history,
including a closed network's.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from networks.engagement.models import ActivityKind
from networks.engagement.services import record_activity
from networks.models import Membership, NetworkPage, NetworkSchool, NetworkStatus, Role

from .models import (
    ContributionKind,
    FundingReceipt,
    InKindContribution,
    SpendingPlanLine,
    SpendingPlanRevision,
)

# Each plan: revisions as (months after the start, plan text, lines, what we learned).
ENQUIRY_PLAN, TRANSITION_PLAN, SMALL_SCHOOLS_PLAN = [
    [
        (
            0,
            "Release teachers to work in cross-school enquiry trios, each observing one lesson a "
            "term in another school and trying one change in their own. A launch conference "
            "brings every trio together; pupil researchers are trained to observe lessons too.",
            [
                ("Supply cover for enquiry trios (one observation a term)", "9600"),
                ("Launch conference: venue, refreshments and speaker", "1800"),
                ("Pupil researcher training (central, two days)", "1200"),
                ("Network co-ordination: half a day a week", "6000"),
            ],
            "",
        ),
        (
            7,
            "Trios now observe twice a term, each visit followed by a protected hour of debrief "
            "the same day. The launch conference becomes a summer sharing event hosted by a "
            "member school.",
            [
                ("Supply cover for enquiry trios (two observations a term, with debrief)", "14400"),
                ("Summer sharing event, hosted by a member school", "400"),
                ("Pupil researcher training (central, two days)", "1200"),
                ("Network co-ordination: half a day a week", "6000"),
            ],
            "Our first enquiry cycle showed that one observation a term was too little: trios "
            "forgot what they had agreed to try between visits, and only four of eleven trios "
            "reported a change in their practice. Teachers told us the debrief mattered more than "
            "the observation. We moved the conference money into a second visit and a debrief.",
        ),
        (
            15,
            "Pupil researchers are trained in their own schools by a teacher who has been through "
            "the training; trios organise their own visits, so co-ordination time is cut.",
            [
                ("Supply cover for enquiry trios (two observations a term, with debrief)", "14400"),
                ("Summer sharing event, hosted by a member school", "400"),
                ("Pupil researcher training in each school (teacher release)", "2100"),
                ("Network co-ordination: two hours a week", "2400"),
            ],
            "Pupil researchers were the most powerful part of the work: their notes changed "
            "teachers' minds where our own notes had not. But central training meant pupils from "
            "the two smallest schools could not come. Training now happens in every school. The "
            "trios have learned to organise themselves, so we need less co-ordination.",
        ),
    ],
    [
        (
            0,
            "Primary and secondary teachers write bridging units together and teach in each "
            "other's schools for one exchange week each spring. Pupil interviewers talk to Year 7 "
            "pupils about the move every October.",
            [
                ("Cover for teachers writing bridging units together", "5400"),
                ("Exchange week: cover for teachers teaching in the other phase", "7200"),
                ("Pupil interviewer training and transport", "900"),
                ("Printing bridging unit booklets", "1500"),
            ],
            "",
        ),
        (
            8,
            "The exchange is spread across the summer term: each Year 6 class meets the same "
            "secondary teacher four times, and that teacher is their tutor in September.",
            [
                ("Cover for teachers writing bridging units together", "5400"),
                ("Summer-term exchange: four visits per class", "8100"),
                ("Pupil interviewer training and transport", "900"),
                ("Printing bridging unit booklets", "1500"),
            ],
            "The exchange week worked for teachers but not for pupils: Year 6 pupils met a "
            "secondary teacher once and then not again until September. Our pupil interviewers "
            "heard the same thing in every school: seeing a familiar face in September mattered "
            "most. We spread the exchange across the term instead of a single week.",
        ),
        (
            16,
            "An English as an additional language specialist co-plans the bridging units with us; "
            "we print fewer booklets and share the units online.",
            [
                ("Cover for teachers writing bridging units together", "5400"),
                ("Summer-term exchange: four visits per class", "8100"),
                ("EAL specialist co-planning (12 days)", "4200"),
                ("Pupil interviewer training and transport", "900"),
            ],
            "The reading indicator did not move for pupils learning English as an additional "
            "language. Talking with those pupils showed that the bridging units assumed "
            "vocabulary they had not met. Rather than buy more books we are paying for a "
            "specialist to plan the units with us, and the booklets go online.",
        ),
    ],
    [
        (
            0,
            "Teachers from our small schools meet in person every half-term to plan units "
            "together, with travel and cover paid; an external facilitator supports the first "
            "year.",
            [
                ("Travel between schools for half-termly planning", "4800"),
                ("Cover for planning meetings", "6600"),
                ("External facilitator (first year)", "3000"),
            ],
            "",
        ),
        (
            9,
            "We meet in person twice a year and hold short online planning meetings in between. "
            "The savings pay for cover so that teachers can watch each other teach.",
            [
                ("Travel for two in-person days a year", "1600"),
                ("Cover for classroom visits between schools", "8200"),
                ("External facilitator (autumn term only)", "1000"),
            ],
            "Travel took a third of the budget and half a day of teaching time for every meeting. "
            "Teachers said that meeting mattered, but not at that cost, and the facilitator's "
            "evaluation found that planning went as well online. Watching each other teach was "
            "what teachers asked for most, so that is where the money went.",
        ),
    ],
]

PUPIL_VOICE_PLAN = [
    (
        0,
        "Pupil researchers in every school are trained to observe lessons in a partner school; "
        "teachers redesign one lesson sequence a term with what the pupils found.",
        [
            ("Pupil researcher training (one day per school)", "2400"),
            ("Transport for pupil visits to partner schools", "3600"),
            ("Cover for teachers redesigning lesson sequences", "6000"),
            ("Pupil researchers' conference", "1200"),
        ],
        "",
    ),
    (
        6,
        "Pupil researchers get a second training day on describing what they see; the "
        "conference becomes a half-day hosted by a member school.",
        [
            ("Pupil researcher training (two days per school)", "4200"),
            ("Transport for pupil visits to partner schools", "3600"),
            ("Cover for teachers redesigning lesson sequences", "6000"),
            ("Pupil researchers' half-day, hosted by a member school", "300"),
        ],
        "The pupils' first reports were polite and told teachers little. Once the researchers "
        "were taught to describe what they saw instead of giving a verdict, their reports became "
        "the most useful feedback our teachers had had. That takes longer to learn than we "
        "planned, so training doubled and the conference shrank.",
    ),
    (
        14,
        "Most observations happen by video, with consent; pupils visit their partner class once "
        "a year. The savings pay for teachers to act on what pupils found.",
        [
            ("Pupil researcher training (two days per school)", "4200"),
            ("One visit a year to the partner class", "900"),
            ("Cover for teachers redesigning lesson sequences", "8400"),
            ("Pupil researchers' half-day, hosted by a member school", "300"),
        ],
        "Transport cost far more than it gave: the same observations worked by video, with the "
        "class teacher's and parents' consent, and pupils told us that meeting their partner "
        "class once a year was enough. Teachers said the hard part was finding time to act on "
        "the findings, so that is where the money went.",
    ),
]

LESSON_STUDY_PLAN = [
    (
        0,
        "Lesson study teams from three schools plan, teach and observe a research lesson on "
        "mathematical reasoning each term; a mathematics specialist joins each post-lesson "
        "discussion.",
        [
            ("Cover for lesson study teams", "10800"),
            ("Mathematics specialist at every post-lesson discussion", "3000"),
            ("Resources for reasoning tasks", "1500"),
        ],
        "",
    ),
    (
        9,
        "Each research lesson has a second observer from another network school; the specialist "
        "joins one discussion a term.",
        [
            ("Cover for lesson study teams", "10800"),
            ("Cover for a second observer from another school", "2700"),
            ("Mathematics specialist, one discussion a term", "1000"),
            ("Resources for reasoning tasks", "1500"),
        ],
        "The specialist's comments were valued, but teachers said they changed their practice "
        "most after watching colleagues in another school struggle with the same reasoning task. "
        "We now pay for a second observer from another school instead of the specialist at every "
        "lesson.",
    ),
    (
        20,
        "A written-reasoning strand, co-planned with the schools' English leads.",
        [
            ("Cover for lesson study teams", "10800"),
            ("Cover for a second observer from another school", "2700"),
            ("Mathematics specialist, one discussion a term", "1000"),
            ("Co-planning written reasoning with English leads", "1500"),
        ],
        "Pupil interviews after research lessons showed that pupils could explain their "
        "reasoning aloud but not in writing, and our indicator only counted talk. We moved the "
        "resources money into time for mathematics and English leads to plan written reasoning "
        "together.",
    ),
]

GRANTS = [
    ("Networked Learning Communities programme grant", Decimal("25000")),
    ("Local authority school improvement fund", Decimal("6000")),
    ("Networked Learning Communities programme grant (second year)", Decimal("20000")),
]


def plan_for(network):
    """The plan whose story fits the network's themes."""
    themes = {theme.name for theme in network.themes.all()}
    if themes & {"Transition", "Literacy across the curriculum"}:
        return TRANSITION_PLAN
    if "Pupil voice" in themes:
        return PUPIL_VOICE_PLAN
    if "Mathematical reasoning" in themes:
        return LESSON_STUDY_PLAN
    if "Leadership for learning" in themes and "Enquiry-based professional learning" not in themes:
        return SMALL_SCHOOLS_PLAN
    return ENQUIRY_PLAN


def seed(log) -> None:
    networks = list(
        NetworkPage.objects.live()
        .exclude(status=NetworkStatus.FORMING)
        .filter(started_on__isnull=False)
        .prefetch_related("themes")
        .order_by("title")
    )
    if not networks:
        log("no started networks; no funding records added")
        return
    added = 0
    for network in networks:
        if SpendingPlanRevision.objects.filter(network=network).exists():
            continue
        co_leaders = list(
            Membership.objects.current()
            .filter(network=network, role=Role.CO_LEADER)
            .select_related("user", "school")
            .order_by("pk")
        )
        schools = [
            link.school
            for link in NetworkSchool.objects.filter(network=network, left_on__isnull=True)
            .select_related("school")
            .order_by("school__name")
        ]
        if not co_leaders:
            continue
        _seed_network(network, co_leaders, schools, plan_for(network))
        added += 1
    log(f"funding, contributions and spending plans for {added} networks")


def _seed_network(network, co_leaders, schools, plan) -> None:
    chooser = random.Random(network.slug)  # noqa: S311 - demo data only
    end = min(network.closed_on or date.today(), date.today())

    def author(number):
        return co_leaders[number % len(co_leaders)]

    for number, (source, amount) in enumerate(GRANTS):
        received_on = network.started_on + timedelta(
            days=30 + 365 * (number // 2) + 40 * (number % 2)
        )
        if received_on > end:
            continue
        receipt = FundingReceipt(
            network=network,
            source=source,
            amount=amount,
            received_on=received_on,
            note="Conditional on match funding in kind from the member schools."
            if number == 0
            else "",
            recorded_by=author(number).user,
        )
        receipt.full_clean()
        receipt.save()
        _count(author(number), network, receipt, received_on)

    for index, school in enumerate(schools):
        contributions = [
            (
                ContributionKind.STAFF_DAYS,
                Decimal(chooser.choice([3, 4, 6, 8, 10, 12])),
                "days",
                None,
                "Teachers released for enquiry trio visits and debriefs",
            ),
        ]
        if index % 2 == 0:
            sessions = chooser.choice([2, 3, 4])
            contributions.append(
                (
                    ContributionKind.HOSTING,
                    Decimal(sessions),
                    "sessions",
                    Decimal(150 * sessions),
                    "Hosted network meetings: hall, refreshments and a caretaker after hours",
                )
            )
        if index % 3 == 1:
            contributions.append(
                (
                    ContributionKind.MONEY,
                    Decimal(chooser.choice([500, 750, 1000, 1500])),
                    "£",
                    None,
                    "From the school's professional development budget",
                )
            )
        for offset, (kind, quantity, unit, money_value, description) in enumerate(contributions):
            contributed_on = min(
                network.started_on + timedelta(days=60 + 45 * index + 20 * offset), end
            )
            contribution = InKindContribution(
                network=network,
                school=school,
                kind=kind,
                quantity=quantity,
                unit=unit,
                money_value=money_value,
                description=description,
                contributed_on=contributed_on,
                recorded_by=author(index).user,
            )
            contribution.full_clean()
            contribution.save()
            _count(author(index), network, contribution, contributed_on)

    for number, (months, text, lines, learning) in enumerate(plan, start=1):
        written_on = network.started_on + timedelta(days=21 + months * 30)
        if written_on > end:
            break
        revision = SpendingPlanRevision(
            network=network,
            number=number,
            plan=text,
            total=sum(Decimal(amount) for _, amount in lines),
            learning=learning,
            author=author(number - 1).user,
            created_at=_moment(written_on),
        )
        revision.full_clean()
        revision.save()
        SpendingPlanLine.objects.bulk_create(
            SpendingPlanLine(
                revision=revision, position=position, description=item, amount=Decimal(amount)
            )
            for position, (item, amount) in enumerate(lines, start=1)
        )
        _count(author(number - 1), network, revision, written_on)


def _moment(day: date):
    return timezone.make_aware(datetime.combine(day, time(16, 30)))


def _count(membership, network, source, day) -> None:
    record_activity(
        user=membership.user,
        network=network,
        kind=ActivityKind.CONTRIBUTED,
        school=membership.school,
        when=_moment(day),
        source=source,
    )
