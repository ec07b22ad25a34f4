"""What people do with the artefacts and each other, in bulk: "we tried this" responses,
study-visit offers with their sessions, and review cycles with their deadlines."""

import uuid
from datetime import timedelta

from django.utils import timezone

from artefacts.models import ArtefactTrial, TrialOutcome, Visibility
from core.demo_dates import between
from core.schools.models import School
from core.schools.year_groups import fits_phase
from peer_review.models import (
    DEADLINE_PHASES,
    PHASE_ORDER,
    Criterion,
    FrameworkVersion,
    Phase,
    PhaseDeadline,
    ReviewCycle,
)
from visits.models import OfferStatus, VisitOffer, VisitSession

from .artefacts import Made
from .community import Network
from .rows import Inserter, next_id
from .text import Words

OUTCOMES = [TrialOutcome.WORKED] * 5 + [TrialOutcome.PARTLY] * 3 + [TrialOutcome.DID_NOT_WORK] * 2


def add_trials(count: int, made: list[Made], networks: list[Network], words: Words, progress):
    """`count` responses, one per person and artefact, from people who may read it and did not
    write it: members of other networks, or of its own network for one shared with it only."""
    rng = words.random
    now = timezone.now()
    rows = Inserter(
        ArtefactTrial,
        ["artefact", "user", "network", "school", "context", "outcome", "note", "created_at",
         "updated_at"],
    )  # fmt: skip
    existing = set(ArtefactTrial.objects.values_list("artefact_id", "user_id"))
    phases = dict(School.objects.values_list("pk", "phase"))
    contexts = words.trial_sentences[0]
    fitting: dict[str, list[str]] = {}  # phase -> the contexts whose year groups it teaches
    written = 0
    while written < count:
        artefact = rng.choice(made)
        network = artefact.network
        if artefact.visibility != Visibility.NETWORK:
            network = rng.choice(networks)
        member = rng.choice(network.people)
        pair = (artefact.id, member.user_id)
        if member.user_id == artefact.owner_id or pair in existing:
            continue
        phase = phases.get(member.school_id, "")
        if phase not in fitting:
            fitting[phase] = [c for c in contexts if fits_phase(c, phase)]
        if not fitting[phase]:  # say, a nursery school: no response names its year groups
            continue
        existing.add(pair)
        context, note = words.trial(fitting[phase])
        earliest = max(artefact.published_at, member.joined_at or artefact.published_at)
        tried = between(earliest, now, rng.uniform(0.1, 1.0))
        rows.add(
            artefact.id, member.user_id, network.id, member.school_id, context,
            rng.choice(OUTCOMES), note, tried, tried,
        )  # fmt: skip
        written += 1
        progress(1)
    rows.flush()
    return written


def add_visit_offers(count: int, networks: list[Network], words: Words, progress) -> int:
    """`count` open offers, half public and half for members, two sessions each, 1 to 180
    days ahead, hosted by one of the network's schools."""
    rng = words.random
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    hosts = [network for network in networks if network.school_ids and network.co_leaders]
    offer_id = next_id(VisitOffer)
    offers = Inserter(
        VisitOffer,
        ["id", "network", "title", "summary", "question", "theme", "places", "waitlist",
         "open_to_all_networks", "visibility", "status", "private", "created_by", "created_at",
         "updated_at", "opened_at", "practical_info", "access_info"],
    )  # fmt: skip
    host_schools = Inserter(VisitOffer.host_schools.through, ["visitoffer", "school"])
    sessions = Inserter(
        VisitSession,
        ["offer", "starts_at", "ends_at", "host_school", "status", "uid", "sequence",
         "host_lead", "created_at", "updated_at"],
    )  # fmt: skip
    for number in range(count):
        network = hosts[number % len(hosts)]
        school_id = rng.choice(network.school_ids)
        lead = rng.choice(network.co_leaders).user_id
        offers.add(
            offer_id + number, network.id, f"See it in class: {words.title()}",
            words.paragraph("did", 2, 3)[:3000], words.paragraph("context", 1, 1)[:500],
            rng.choice(network.theme_ids) if network.theme_ids else None, rng.randint(4, 12),
            True, True, "public" if number % 2 else "members", OfferStatus.OPEN, False, lead,
            now, now, now, "Sign in at reception; parking on the school field.",
            "Step-free access to the ground floor.",
        )  # fmt: skip
        host_schools.add(offer_id + number, school_id)
        for part in range(2):
            starts = now + timedelta(days=1 + (number * 7 + part * 30) % 180, hours=9)
            sessions.add(
                offer_id + number, starts, starts + timedelta(hours=6), school_id,
                "scheduled", uuid.uuid4(), 0, lead, now, now,
            )  # fmt: skip
        progress(1)
    for inserter in (offers, host_schools, sessions):
        inserter.flush()
    return offers.written


def add_review_cycles(count: int, networks: list[Network], words: Words, progress) -> int:
    """`count` cycles over the networks without one yet, in turn: each network's earlier
    cycles closed and its latest in a phase of its own, with a deadline for every phase."""
    rng = words.random
    version = FrameworkVersion.objects.filter(framework__slug="networked-learning").first()
    if version is None or count <= 0:
        return 0
    criteria = list(
        Criterion.objects.filter(domain__version=version)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    reviewed = set(ReviewCycle.objects.values_list("network_id", flat=True))
    candidates = [n for n in networks if n.id not in reviewed and len(n.co_leaders) >= 2]
    if not candidates:
        return 0
    per_network = [0] * len(candidates)
    for number in range(count):
        per_network[number % len(candidates)] += 1
    now = timezone.now()
    cycle_id = next_id(ReviewCycle)
    cycles = Inserter(
        ReviewCycle,
        ["id", "network", "number", "framework_version", "phase", "purpose", "opened_by",
         "opened_at", "phase_started_at", "closed_at"],
    )  # fmt: skip
    focus = Inserter(ReviewCycle.focus_criteria.through, ["reviewcycle", "criterion"])
    deadlines = Inserter(PhaseDeadline, ["cycle", "phase", "due_on", "original_due_on"])
    open_phases = PHASE_ORDER[:-1]
    for network, cycles_here in zip(candidates, per_network, strict=True):
        for number in range(1, cycles_here + 1):
            latest = number == cycles_here
            phase = rng.choice(open_phases) if latest else Phase.CLOSED
            # The network's cycles follow each other over its life so far.
            share = (network.ends_at - network.started_at) / cycles_here
            opened = network.started_at + share * (number - 1 + rng.uniform(0.05, 0.3))
            cycles.add(
                cycle_id, network.id, number, version.pk, phase, words.paragraph("context", 1, 1),
                network.co_leaders[0].user_id, opened, opened + timedelta(days=20),
                None if phase != Phase.CLOSED else min(opened + share * 0.65, now),
            )  # fmt: skip
            for criterion_id in rng.sample(criteria, min(len(criteria), 4)):
                focus.add(cycle_id, criterion_id)
            for position, deadline_phase in enumerate(DEADLINE_PHASES):
                due = (opened + timedelta(days=45 * (position + 1))).date()
                deadlines.add(cycle_id, deadline_phase, due, due)
            cycle_id += 1
            progress(1)
    for inserter in (cycles, focus, deadlines):
        inserter.flush()
    return cycles.written
