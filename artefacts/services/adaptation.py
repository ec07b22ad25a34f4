"""Spreading by adapting: a reader starts a draft in their network from a published artefact,
which then goes through the usual moderation. When an adaptation is published, the original's
authors who may read it are told, once each."""

from html import unescape

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.html import strip_tags

from wagtail.models import PageLogEntry

from core.notifications.services import notify

from .. import permissions
from ..errors import InvalidAdaptation, NotAllowed
from ..models import AdaptationNotice, ArtefactPage
from ..models.submission import WHAT_WE_CHANGED_REQUIRED
from .common import absolute, author_users
from .drafting import create_artefact

ADAPTATION_EMAIL_TEMPLATE = "artefacts/email/adaptation"

# What an adaptation copies from the published original: its words, type, licence and reach.
# Not its evidence (the adapters gather their own), files, schools or people.
ADAPTATION_COPIES = (
    "summary",
    "artefact_type",
    "context",
    "what_we_did",
    "what_worked",
    "what_did_not_work",
    "try_it_steps",
    "adaptation_notes",
    "licence",
    "visibility",
)


@transaction.atomic
def adapt_artefact(*, original, network, by, what_we_changed: str, title: str = "") -> ArtefactPage:
    """Start a draft in `network` that adapts the published `original`.

    The draft starts as a copy of the original's published words (see ADAPTATION_COPIES) with the
    adapter as its author; they rewrite it and submit it through the usual moderation.
    `what_we_changed` is sanitised rich text. Raises NotAllowed or InvalidAdaptation, saving
    nothing.
    """
    if not strip_tags(what_we_changed or "").strip():
        # Starting an adaptation says why, though a draft may otherwise be empty.
        raise InvalidAdaptation({"what_we_changed": WHAT_WE_CHANGED_REQUIRED})
    source = ArtefactPage.objects.select_related("network").filter(pk=original.pk).first()
    if source is None:
        raise NotAllowed(permissions.CANNOT_ADAPT)
    if reason := permissions.why_not_adapt_into(by, source, network):
        raise NotAllowed(reason)
    fields = {name: getattr(source, name) for name in ADAPTATION_COPIES}
    fields.update(
        title=(title or source.title).strip()[:255],
        what_we_changed=what_we_changed,
        themes=list(source.themes.all()),
        phases=list(source.phases.all()),
        subjects=list(source.subjects.all()),
    )
    tags = [tag.name for tag in source.tags.all()]
    return create_artefact(network=network, by=by, fields=fields, tags=tags, adapted_from=source)


@transaction.atomic
def tell_about_published_adaptation(adaptation_id: int) -> None:
    """Tell the original's authors about an adaptation published outside moderation: in the
    Wagtail editor (admins, for support) or by Wagtail's own scheduler. Called after commit by a
    task; safe to run any number of times (after moderation it finds everyone already told).
    Whoever published it, as Wagtail's log records, is not told."""
    adaptation = (
        ArtefactPage.objects.select_for_update(of=("self",))
        .filter(pk=adaptation_id, live=True, adapted_from__isnull=False)
        .first()
    )
    if adaptation is None:
        return
    publisher_id = (
        PageLogEntry.objects.filter(page_id=adaptation_id, action="wagtail.publish")
        .order_by("-timestamp", "-pk")
        .values_list("user_id", flat=True)
        .first()
    )
    publisher = get_user_model().objects.filter(pk=publisher_id).first() if publisher_id else None
    tell_original_authors(adaptation, by=publisher)


def tell_original_authors(adaptation, *, by) -> None:
    """An adaptation is published: tell the authors of the artefact it adapts, in the app and by
    e-mail. Only those who may read the adaptation (nobody else learns that it exists, nor its
    title), and each person once, however often it is published again (AdaptationNotice rows,
    written in the publishing transaction, which holds the lock on the adaptation's moderation
    row). Nobody is told about their own adaptation, nor the person who approved it."""
    if not adaptation.adapted_from_id:
        return
    # Read again: publishing has just changed the row (live, visibility, title).
    published = ArtefactPage.objects.select_related("network", "latest_revision")
    adaptation = published.filter(pk=adaptation.pk, live=True).first()
    original = (
        published.filter(pk=adaptation.adapted_from_id).first() if adaptation is not None else None
    )
    if original is None:
        return
    skip = set(
        AdaptationNotice.objects.filter(adaptation=adaptation).values_list(
            "recipient_id", flat=True
        )
    )
    skip |= permissions.author_ids(adaptation) | {getattr(by, "pk", None)}
    url = adaptation.get_url() or ""
    message = (
        f"{adaptation.network.title} adapted your artefact “{original.title}”: "
        f"“{adaptation.title}” is now published."
    )
    for person in author_users(original):
        if person.pk in skip or not permissions.can_read_live_artefact(person, adaptation):
            continue
        AdaptationNotice.objects.create(adaptation=adaptation, recipient=person)
        notify(
            recipient=person,
            message=message,
            url=url,
            email_template=ADAPTATION_EMAIL_TEMPLATE,
            context={
                "original_title": original.title,
                "adaptation_title": adaptation.title,
                "network_title": adaptation.network.title,
                "what_we_changed": unescape(strip_tags(adaptation.what_we_changed or "")).strip(),
                "link": absolute(url),
            },
        )
