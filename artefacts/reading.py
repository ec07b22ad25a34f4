"""What the artefact page (and the draft preview) shows, loaded in a fixed number of queries.

Works on a live page and on a revision's page object alike (whose relations live in memory).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from core.pagecache import kept_with_page, page_path
from core.schools.models import School
from networks.models import NetworkPage

from .models import EVIDENCE_STRENGTH_GUIDANCE, SECTIONS, Visibility
from .permissions import (
    can_adapt_artefact,
    can_edit_artefact,
    can_hide_trial,
    can_moderate_trials,
    can_read_live_artefact,
    can_record_trial,
    can_restore_trial,
    can_view_draft,
    can_withdraw_trial,
)
from .selectors import (
    adaptations_of,
    adapted_from_for,
    hidden_trials_of,
    networks_to_adapt_into,
    reader_audience,
    related_artefacts,
    tags_of,
    trial_by,
    trial_summary,
    trials_of,
)


@dataclass
class Citation:
    authors: str
    year: int
    title: str
    network: str
    url: str
    licence: str

    def __str__(self):
        return (
            f"{self.authors} ({self.year}) {self.title}. {self.network}. "
            f"Available at: {self.url}. Licence: {self.licence}."
        )


def contributors_with_affiliations(page) -> list:
    """The contributors, with their schools and networks loaded in at most two more queries."""
    rows = list(page.contributors.all())
    school_ids = {row.school_id for row in rows if row.school_id}
    network_ids = {row.network_id for row in rows if row.network_id}
    schools = School.objects.in_bulk(school_ids) if school_ids else {}
    networks = (
        NetworkPage.objects.only("pk", "title", "url_path", "slug").in_bulk(network_ids)
        if network_ids
        else {}
    )
    for row in rows:
        row.school = schools.get(row.school_id)
        row.network = networks.get(row.network_id)
    return sorted(rows, key=lambda row: row.sort_order or 0)


def citation_for(page, contributors, network, *, url: str) -> Citation:
    names = [row.citation_name for row in contributors] or [
        page.owner.display_name if page.owner_id else ""
    ]
    authors = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    published = page.first_published_at or page.latest_revision_created_at
    return Citation(
        authors=authors,
        year=published.year if published else 0,
        title=page.title,
        network=network.title,
        url=url,
        licence=page.get_licence_display(),
    )


def visibility_note(page, network) -> str:
    if page.visibility == Visibility.MEMBERS:
        return "Shared with signed-in members of any network."
    if page.visibility == Visibility.NETWORK:
        return f"Shared with members of {network.title} only."
    return ""


def people_and_metadata(page) -> dict:
    """Who made it and how it is classified: seven queries."""
    return {
        "contributors": contributors_with_affiliations(page),
        "themes": list(page.themes.all()),
        "tags": tags_of(page),
        "phases": list(page.phases.all()),
        "subjects": list(page.subjects.all()),
        "schools": list(page.schools.all()),
    }


def body_context(page, network, *, url: str, metadata: dict | None = None) -> dict:
    """The sections, resources, people and metadata of one version of an artefact (the people
    and metadata read here unless given)."""
    metadata = metadata if metadata is not None else people_and_metadata(page)
    contributors = metadata["contributors"]
    sections = [
        {"name": name, "heading": heading, "html": getattr(page, name)}
        for name, heading in SECTIONS
    ]
    return {
        "artefact": page,
        "network": network,
        "sections": {section["name"]: section for section in sections},
        **metadata,
        "citation": citation_for(page, contributors, network, url=url),
        "visibility_note": visibility_note(page, network),
        "evidence_guidance": EVIDENCE_STRENGTH_GUIDANCE.get(page.evidence_strength or 0, ""),
    }


def reading_context(page, user, *, live: bool = True) -> dict:
    """What the artefact page shows this person. For the live page (not a preview), the people,
    metadata and response counts that are the same for every reader are kept with the page
    (core.pagecache: publishing it, or a response to it, purges them)."""
    network = page.network
    url = page.full_url or f"{settings.SITE_URL}{page.url_path}"
    path = page_path(page) if live else ""
    metadata = kept_with_page(path, "metadata", lambda: people_and_metadata(page))
    context = body_context(page, network, url=url, metadata=metadata)
    context["kept_path"] = path
    # What a reader may read is the same for everyone of their audience: kept per audience.
    audience = reader_audience(user)
    context["related"] = kept_with_page(
        path,
        f"related:{audience}",
        lambda: related_artefacts(page, user, themes=context["themes"]),
    )
    context["workspace_url"] = (
        reverse("artefacts:workspace", kwargs={"artefact_id": page.pk})
        if can_view_draft(user, page)
        else ""
    )
    context["can_edit"] = can_edit_artefact(user, page)
    context.update(lineage_context(page, user, path=path))
    context.update(trials_context(page, user, path=path))
    return context


def lineage_context(page, user, *, path: str = "") -> dict:
    """Where the artefact came from and where it went, limited to what this person may read
    (kept with the page at `path` per audience, as the related panel).

    Two queries, three when the person may adapt it (the networks they could adapt it into).
    """
    signed_in = getattr(user, "is_authenticated", False)
    readable = can_read_live_artefact(user, page)
    networks = (
        list(networks_to_adapt_into(user, page))
        if signed_in and readable and page.may_be_adapted
        else []
    )
    can_adapt = bool(networks) and can_adapt_artefact(user, page, networks=networks)
    lineage = kept_with_page(
        path,
        f"lineage:{reader_audience(user)}",
        lambda: {
            "adapted_from": adapted_from_for(page, user),
            "adaptations": adaptations_of(page, user),
        },
    )
    return {
        **lineage,
        "can_adapt": can_adapt,
        "adapt_url": reverse("artefacts:adapt", kwargs={"artefact_id": page.pk})
        if can_adapt
        else "",
    }


def _trial_action_urls(trial, user) -> None:
    """Set `withdraw_url` and `hide_url` on a response: empty when this person may not."""
    kwargs = {"artefact_id": trial.artefact_id, "trial_id": trial.pk}
    trial.withdraw_url = (
        reverse("artefacts:withdraw_trial", kwargs=kwargs)
        if can_withdraw_trial(user, trial)
        else ""
    )
    trial.hide_url = (
        reverse("artefacts:hide_trial", kwargs=kwargs) if can_hide_trial(user, trial) else ""
    )


def _hidden_trials_for(page, user) -> list:
    """The hidden responses, each with `restore_url` (empty when this person may not show it
    again, their own say), for the people who moderate them; none for anyone else."""
    if not can_moderate_trials(user, page):
        return []
    hidden = hidden_trials_of(page)
    for trial in hidden:
        trial.restore_url = (
            reverse(
                "artefacts:restore_trial",
                kwargs={"artefact_id": trial.artefact_id, "trial_id": trial.pk},
            )
            if can_restore_trial(user, trial)
            else ""
        )
    return hidden


def trials_context(page, user, *, path: str = "") -> dict:
    """The shown “we tried this” responses, their counts and what this person can do with each;
    for its moderators, the hidden ones too.

    Two queries; three for someone who may respond (their own response, which they see was
    hidden, and why, if a moderator hid it); one more for a co-leader of the network (whether
    they are one of its authors, who do not moderate responses to their own work); one more
    for a moderator (the hidden responses)."""
    may_respond = can_record_trial(user, page)
    trials = kept_with_page(path, "trials", lambda: trials_of(page))
    for trial in trials:
        trial.artefact = page
        _trial_action_urls(trial, user)
    my_trial = trial_by(user, page) if may_respond else None
    return {
        "trials": trials,
        "hidden_trials": _hidden_trials_for(page, user),
        "trial_summary": kept_with_page(path, "trial-summary", lambda: trial_summary(page)),
        "can_record_trial": can_record_trial(user, page, existing=my_trial),
        "my_trial": my_trial,
        "tried_url": reverse("artefacts:tried", kwargs={"artefact_id": page.pk}),
        "sign_in_url": f"{reverse('account_login')}?{urlencode({'next': page.url or ''})}",
    }
