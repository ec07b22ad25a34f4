"""Building artefacts through the services, as the site does."""

from datetime import timedelta
from html.parser import HTMLParser

from django.utils import timezone

from artefacts import services
from artefacts.models import ArtefactModeration

SECTIONS = {
    "title": "Live feedback in Year 5",
    "summary": "Spoken feedback during the lesson instead of written marking afterwards.",
    "artefact_type": "case_study",
    "context": "<p>Marking took our evenings and pupils barely read it.</p>",
    "what_we_did": "<p>Teachers gave feedback while pupils worked.</p>",
    "what_worked": "<p>Pupils fixed mistakes the same day.</p>",
    "what_did_not_work": "<p>Feedback sheets were ignored after a month.</p>",
    "licence": "cc-by-4.0",
    "visibility": "public",
}


def draft(network, author, **fields):
    return services.create_artefact(network=network, by=author, fields={**SECTIONS, **fields})


def submitted(network, author, **fields):
    artefact = draft(network, author, **fields)
    services.submit_artefact(artefact=artefact, by=author)
    artefact.refresh_from_db()
    return artefact


def revise(artefact, by, **fields):
    artefact.refresh_from_db()
    return services.save_draft(
        artefact=artefact,
        by=by,
        base_revision_id=artefact.latest_revision_id,
        fields=fields,
    )


def bring_schedule_forward(artefact) -> None:
    """Time passes: the approved publication time is now a minute ago."""
    past = timezone.now() - timedelta(minutes=1)
    revision = ArtefactModeration.objects.get(artefact=artefact).submitted_revision
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


class _FormFields(HTMLParser):
    """The name/value pairs a browser would submit from one form, as the server rendered it."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.pairs = form_id, False, []
        self.textarea, self.select = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside or not (attrs.get("name") or tag == "option"):
            return
        kind = attrs.get("type", "text")
        if tag == "input" and kind not in ("submit", "button", "file"):
            if kind not in ("checkbox", "radio"):
                self.pairs.append((attrs["name"], attrs.get("value", "")))
            elif "checked" in attrs:
                self.pairs.append((attrs["name"], attrs.get("value", "on")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = attrs["name"]
        elif tag == "option" and self.select and "selected" in attrs:
            self.pairs.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            self.pairs.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form":
            self.inside = False


def publish_in_the_wagtail_editor(client, page, **extra):
    """Open the page in the Wagtail editor and press "Publish" without changing anything.

    The editor's StreamFields are drawn by JavaScript, so their (empty) counts are not in the
    HTML: `extra` supplies them, e.g. `{"resources-count": "0"}`.
    """
    url = f"/admin/pages/{page.pk}/edit/"
    fields = _FormFields("page-edit-form")
    fields.feed(client.get(url).content.decode())
    data = {}
    for name, value in fields.pairs:
        data.setdefault(name, []).append(value)
    data.update({name: [value] for name, value in extra.items()})
    data["action-publish"] = ["action-publish"]
    return client.post(url, data)
