"""Demo artefacts: about forty across the demo networks, of every type and every visibility.

Runs after the networks' demo data (it does nothing when there are no networks yet). Published
artefacts are built by the factories; two more go through the moderation services so that the
demo logins have work waiting: teacher@example.org has a draft with changes requested, and
coleader@example.org has an artefact to review. Three published adaptations across networks and
eight “we tried this” responses go through the services too. Artefacts are found by their
network and slug, and a person has one response per artefact, so a second run adds nothing.
"""

import textwrap
from datetime import datetime, time, timedelta
from functools import cache
from pathlib import Path

import yaml

from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from core.accounts.models import User
from networks.models import Membership, NetworkPage, Role, Theme

from . import services
from .factories import ArtefactPageFactory
from .models import ArtefactPage, ArtefactTrial, Licence, Phase, Subject
from .permissions import author_ids
from .richtext import plain_to_rich_text
from .sample_files import docx_bytes, pdf_bytes

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"

SECTION_KEYS = {
    "context": "context",
    "what_we_did": "did",
    "what_worked": "worked",
    "what_did_not_work": "did_not_work",
    "try_it_steps": "steps",
    "adaptation_notes": "notes",
}
EXTERNAL_CONTRIBUTORS = [
    ("Dr Ruth Lane", "Edge Hill University"),
    ("Marcus Obi", "Local authority school improvement team"),
    ("Helen Carter", "Specialist leader of education"),
]


@cache
def demo_data(name: str) -> list[dict]:
    """One of the data files in demo_data/ (artefacts, in_moderation, adaptations, trials)."""
    with open(DEMO_DATA / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)


def seed(log) -> None:
    networks = {network.title: network for network in NetworkPage.objects.all()}
    if not networks:
        log("no networks yet; no artefacts added")
        return
    vocabulary = {
        "themes": {theme.name: theme for theme in Theme.objects.all()},
        "phases": {phase.name: phase for phase in Phase.objects.all()},
        "subjects": {subject.name: subject for subject in Subject.objects.all()},
    }
    created = 0
    for position, spec in enumerate(demo_data("artefacts")):
        network = networks.get(spec["network"])
        if network is None or _exists(network, spec["title"]):
            continue
        _published(network, spec, position, vocabulary)
        created += 1
    created += _in_moderation(networks, vocabulary)
    created += _adaptations(networks)
    tried = _trials(networks)
    log(
        f"{created} artefacts added, {ArtefactPage.objects.count()} in all; "
        f"{tried} “we tried this” responses added"
    )


def _exists(network, title) -> bool:
    return ArtefactPage.objects.filter(network=network, slug=slugify(title)[:80]).exists()


def _people(network) -> list[Membership]:
    return list(
        Membership.objects.current()
        .filter(network=network)
        .select_related("user", "school")
        .order_by("pk")
    )


def _fields(spec, vocabulary) -> dict:
    fields = {
        "title": spec["title"],
        "summary": spec["summary"],
        "artefact_type": spec["type"],
        "visibility": spec["visibility"],
    }
    for field, key in SECTION_KEYS.items():
        fields[field] = plain_to_rich_text(spec.get(key, ""))
    evidence = spec.get("evidence")
    if evidence:
        fields.update(
            evidence_kind=evidence["kind"],
            evidence_strength=evidence["strength"],
            evidence_of_impact=plain_to_rich_text(evidence["text"]),
        )
    for name in ("themes", "phases", "subjects"):
        terms = spec.get(name, [])
        fields[name] = [vocabulary[name][term] for term in terms if term in vocabulary[name]]
    return fields


def _file(spec):
    kind = spec.get("file")
    if not kind:
        return []
    stem = slugify(spec["title"])[:50]
    lines = textwrap.wrap(spec["summary"], 90) + [""] + textwrap.wrap(spec["did"], 90)
    if kind == "pdf":
        return [(f"{stem}.pdf", pdf_bytes(spec["title"], lines), f"{spec['title']} (PDF)")]
    if kind == "docx":
        paragraphs = [spec["summary"], spec["did"], "What did not work: " + spec["did_not_work"]]
        return [(f"{stem}.docx", docx_bytes(spec["title"], paragraphs), f"{spec['title']} (Word)")]
    return [(f"{stem}-notes.txt", "\n".join(lines).encode(), f"{spec['title']}: notes")]


def _published_at(network, position) -> datetime:
    start = network.started_on or (timezone.localdate() - timedelta(days=120))
    end = network.closed_on or timezone.localdate()
    span = max((end - start).days, 30)
    day = start + timedelta(days=span * ((position * 7) % 10 + 1) // 12)
    return timezone.make_aware(datetime.combine(day, time(9, 30)))


def _published(network, spec, position, vocabulary) -> ArtefactPage:
    people = _people(network)
    writers = [m for m in people if m.role in (Role.CO_LEADER, Role.MEMBER)] or people
    owner = writers[position % len(writers)]
    colleague = writers[(position + 1) % len(writers)]
    team = [owner] if colleague.pk == owner.pk else [owner, colleague]
    contributors = [
        {
            "user": m.user,
            "name": m.user.display_name,
            "school": m.school,
            "network": network,
        }
        for m in team
    ]
    if position % 5 == 2:
        name, organisation = EXTERNAL_CONTRIBUTORS[position % len(EXTERNAL_CONTRIBUTORS)]
        contributors.append({"name": name, "organisation": organisation})
    fields = _fields(spec, vocabulary)
    licence = (
        Licence.CC_BY_NC_SA
        if position % 7 == 3
        else Licence.ALL_RIGHTS_RESERVED
        if position % 13 == 5
        else Licence.CC_BY
    )
    return ArtefactPageFactory(
        network=network,
        owner=owner.user,
        slug=slugify(spec["title"])[:80],
        licence=licence,
        schools=[m.school for m in team if m.school_id],
        tags=spec.get("tags", []),
        contributors=contributors,
        documents=_file(spec),
        videos=[(spec["title"], spec["video"])] if spec.get("video") else [],
        first_published_at=_published_at(network, position),
        **fields,
    )


def _in_moderation(networks, vocabulary) -> int:
    """Work in progress for the demo logins, made through the moderation services."""
    teacher = User.objects.filter(email="teacher@example.org").first()
    created = 0
    for number, spec in enumerate(demo_data("in_moderation")):
        network = networks.get(spec["network"])
        if teacher is None or network is None or _exists(network, spec["title"]):
            continue
        if not Membership.objects.current().filter(network=network, user=teacher).exists():
            continue
        artefact = services.create_artefact(
            network=network,
            by=teacher,
            fields=_fields(spec, vocabulary),
            tags=spec.get("tags", []),
        )
        services.submit_artefact(artefact=artefact, by=teacher)
        if number == 1:
            reviewer = (
                Membership.objects.current()
                .filter(network=network, role=Role.CO_LEADER)
                .exclude(Q(user=teacher) | Q(user__email="coleader@example.org"))
                .select_related("user")
                .first()
            )
            if reviewer is not None:
                services.request_changes(
                    artefact=artefact,
                    by=reviewer.user,
                    comment="Could you add an example of the notes an observer wrote, and say "
                    "how you changed the protocol after the first round?",
                )
        created += 1
    return created


def _find(networks, network_title, title) -> ArtefactPage | None:
    network = networks.get(network_title)
    if network is None:
        return None
    return ArtefactPage.objects.filter(network=network, slug=slugify(title)[:80]).first()


def _writers(network, *, role=None) -> list[Membership]:
    roles = (role,) if role else (Role.MEMBER, Role.CO_LEADER)
    return [m for m in _people(network) if m.role in roles]


def _adaptations(networks) -> int:
    """Adaptations across networks, started, submitted and approved through the services."""
    created = 0
    for spec in demo_data("adaptations"):
        original = _find(networks, spec["original_network"], spec["original_title"])
        network = networks.get(spec["network"])
        title = spec["title"]
        if original is None or network is None or _exists(network, title):
            continue
        adapters = _writers(network, role=Role.MEMBER) or _writers(network)
        if not adapters:
            continue
        adapter = adapters[0].user
        reviewer = next(
            (m.user for m in _writers(network, role=Role.CO_LEADER) if m.user_id != adapter.pk),
            None,
        )
        if reviewer is None:
            continue
        adaptation = services.adapt_artefact(
            original=original,
            network=network,
            by=adapter,
            title=title,
            what_we_changed=plain_to_rich_text(spec["what_we_changed"]),
        )
        services.save_draft(
            artefact=adaptation,
            by=adapter,
            base_revision_id=adaptation.latest_revision_id,
            fields={"summary": spec["summary"]},
        )
        services.submit_artefact(artefact=adaptation, by=adapter)
        services.approve_artefact(artefact=adaptation, by=reviewer)
        created += 1
    return created


def _trials(networks) -> int:
    """“We tried this” responses from members of other networks, through the service."""
    added = 0
    for spec in demo_data("trials"):
        artefact = _find(networks, spec["artefact_network"], spec["artefact_title"])
        network = networks.get(spec["network"])
        if artefact is None or network is None:
            continue
        authors = author_ids(artefact)
        trier = next(
            (
                m.user
                for m in _people(network)
                if m.role == Role.MEMBER and m.user_id not in authors
            ),
            None,
        )
        if trier is None or ArtefactTrial.objects.filter(artefact=artefact, user=trier).exists():
            continue
        services.record_trial(
            artefact=artefact,
            by=trier,
            network=network,
            context=spec["context"],
            outcome=spec["outcome"],
            note=spec["note"],
        )
        added += 1
    return added
