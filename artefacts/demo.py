"""Demo artefacts: about forty across the demo networks, of every type and every visibility.

Runs after the networks' demo data (it does nothing when there are no networks yet). Published
artefacts are built by the factories; two more go through the moderation services so that the
demo logins have work waiting: teacher@example.org has a draft with changes requested, and
coleader@example.org has an artefact to review. Three published adaptations across networks and
eight “we tried this” responses go through the services too. Artefacts are found by their
network and slug, and a person has one response per artefact, so a second run adds nothing.
"""

import textwrap
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

import yaml

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from core.accounts.models import User
from core.demo_dates import backdate_page, between, moment
from core.schools.year_groups import fits_phase
from networks.engagement.models import Activity
from networks.models import Membership, NetworkPage, Role, Theme

from . import services
from .factories import ArtefactPageFactory
from .models import (
    AdaptationNotice,
    ArtefactFile,
    ArtefactModeration,
    ArtefactPage,
    ArtefactTrial,
    Licence,
    Phase,
    Subject,
)
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


def _published_at(network, position, team) -> tuple[datetime, datetime]:
    """When the artefact was first and last published: a while after its authors joined,
    spread over the rest of the network's life; a third were updated later."""
    start = max(m.joined_at for m in team)
    end = min(moment(network.closed_on or timezone.localdate(), 9, 30), timezone.now()) - timedelta(
        hours=1
    )
    first = between(start, end, ((position * 7) % 10 + 1) / 12)
    last = between(first, end, 0.5) if position % 3 == 0 else first
    return first, last


def _fitting(people, text) -> list[Membership]:
    """Those whose school teaches every year group `text` mentions (all, if none does)."""
    fitting = [m for m in people if m.school is None or fits_phase(text, m.school.phase)]
    return fitting or people


def _published(network, spec, position, vocabulary) -> ArtefactPage:
    people = _people(network)
    writers = [m for m in people if m.role in (Role.CO_LEADER, Role.MEMBER)] or people
    writers = _fitting(writers, f"{spec['title']} {spec['summary']} {spec.get('context', '')}")
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
    first_published, last_published = _published_at(network, position, team)
    artefact = ArtefactPageFactory(
        network=network,
        owner=owner.user,
        slug=slugify(spec["title"])[:80],
        licence=licence,
        schools=[m.school for m in team if m.school_id],
        tags=spec.get("tags", []),
        contributors=contributors,
        documents=_file(spec),
        videos=[(spec["title"], spec["video"])] if spec.get("video") else [],
        first_published_at=first_published,
        **fields,
    )
    _date_publication(artefact, first_published, last_published)
    return artefact


def _date_publication(artefact, first_published, last_published=None) -> None:
    """Move a just-published artefact's history back: its revisions, its moderation (submitted
    a few days before it was published), the files attached and the activity it counted as."""
    backdate_page(artefact, first_published, last_published)
    ArtefactModeration.objects.filter(artefact=artefact).update(
        submitted_at=first_published - timedelta(days=3, hours=2),
        decided_at=first_published,
        updated_at=last_published or first_published,
    )
    ArtefactFile.objects.filter(artefact=artefact).update(
        uploaded_at=first_published - timedelta(days=3, hours=3)
    )
    _date_activity(artefact, first_published)


def _date_activity(source, when) -> None:
    Activity.objects.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    ).update(occurred_at=when)


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
        _date_adaptation(adaptation, original, adapters[0], len(spec["title"]))
        created += 1
    return created


def _date_adaptation(adaptation, original, adapter, seed) -> None:
    """An adaptation was published some while after both its original and its adapter's
    joining, and its original's authors were told then."""
    start = max(original.first_published_at, adapter.joined_at)
    published = between(start, timezone.now(), 0.3 + (seed % 5) / 10)
    _date_publication(adaptation, published)
    AdaptationNotice.objects.filter(adaptation=adaptation).update(created_at=published)


def _trials(networks) -> int:
    """“We tried this” responses from members of other networks, through the service."""
    added = 0
    for spec in demo_data("trials"):
        artefact = _find(networks, spec["artefact_network"], spec["artefact_title"])
        network = networks.get(spec["network"])
        if artefact is None or network is None:
            continue
        authors = author_ids(artefact)
        members = [
            m for m in _people(network) if m.role == Role.MEMBER and m.user_id not in authors
        ]
        # Someone whose school teaches the year groups they say they tried it with.
        trier = next(
            (m for m in members if m.school and fits_phase(spec["context"], m.school.phase)),
            None,
        )
        if (
            trier is None
            or ArtefactTrial.objects.filter(artefact=artefact, user=trier.user).exists()
        ):
            continue
        trial, _created = services.record_trial(
            artefact=artefact,
            by=trier.user,
            network=network,
            context=spec["context"],
            outcome=spec["outcome"],
            note=spec["note"],
        )
        _date_trial(trial, artefact, trier, added)
        added += 1
    return added


def _date_trial(trial, artefact, trier, number) -> None:
    """A response comes some while after the artefact was published and the person joined,
    once they had tried it."""
    start = max(artefact.first_published_at, trier.joined_at)
    when = between(start, timezone.now(), 0.3 + (number * 3) % 7 / 10)
    ArtefactTrial.objects.filter(pk=trial.pk).update(created_at=when, updated_at=when)
    _date_activity(trial, when)
