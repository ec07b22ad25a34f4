"""Factories for artefacts, reused by the demo data.

`ArtefactPageFactory(network=..., owner=...)` builds a published artefact the way the services
leave one (a revision, published, a moderation record), with its relations in that revision.
Pass `live=False` for a draft; `documents=[(name, bytes, title)]` to attach files (through
artefacts.services.store_upload, so they are linked and protected like uploads in the site).
"""

import uuid

import factory

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify

from core import vocabulary
from core.accounts.factories import UserFactory
from networks.factories import ActiveNetworkFactory

from .models import (
    AdaptationNotice,
    ArtefactContributor,
    ArtefactModeration,
    ArtefactPage,
    ArtefactTrial,
    ArtefactType,
    Licence,
    ModerationStatus,
    Phase,
    Subject,
    TrialOutcome,
    Visibility,
)
from .sample_files import pdf_bytes
from .services import store_upload
from .uploads import check_upload


class PhaseFactory(factory.django.DjangoModelFactory):
    """A phase of core.vocabulary (its row exists already): `PhaseFactory(name="Primary")`."""

    class Meta:
        model = Phase
        django_get_or_create = ("slug",)

    name = factory.Iterator(vocabulary.Phase.labels)
    slug = factory.LazyAttribute(lambda phase: slugify(phase.name))


class SubjectFactory(factory.django.DjangoModelFactory):
    """A subject of core.vocabulary (its row exists already): `SubjectFactory(name="Music")`."""

    class Meta:
        model = Subject
        django_get_or_create = ("slug",)

    name = factory.Iterator(vocabulary.Subject.labels)
    slug = factory.LazyAttribute(lambda subject: slugify(subject.name))


class ArtefactPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArtefactPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Feedback that moves learning on {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    network = factory.SubFactory(ActiveNetworkFactory)
    owner = factory.SubFactory(UserFactory)
    summary = "How three schools replaced written marking with live feedback in Years 4 to 6."
    artefact_type = ArtefactType.CASE_STUDY
    context = "<p>Our teachers spent evenings marking books that pupils barely read.</p>"
    what_we_did = "<p>We tried live feedback during lessons for two terms.</p>"
    what_worked = "<p>Pupils acted on spoken feedback within the lesson.</p>"
    what_did_not_work = "<p>Whole-class feedback sheets were ignored after the first month.</p>"
    evidence_of_impact = ""
    licence = Licence.CC_BY
    visibility = Visibility.PUBLIC
    live = True
    themes = factory.LazyFunction(list)
    phases = factory.LazyFunction(list)
    subjects = factory.LazyFunction(list)
    schools = factory.LazyFunction(list)
    tags = factory.LazyFunction(list)
    contributors = None  # default: the owner, with the network
    documents = factory.LazyFunction(list)  # [(file name, bytes, title)]
    videos = factory.LazyFunction(list)  # [(title, url)]

    @classmethod
    def _create(cls, model_class, *args, network, live=True, **kwargs):
        relations = {name: kwargs.pop(name) for name in ("themes", "phases", "subjects", "schools")}
        tags = kwargs.pop("tags")
        contributors = kwargs.pop("contributors")
        documents = kwargs.pop("documents")
        videos = kwargs.pop("videos")
        first_published_at = kwargs.pop("first_published_at", None)
        page = model_class(live=False, **kwargs)
        for name, values in relations.items():
            getattr(page, name).set(values)
        page.tags.set(tags)
        owner = page.owner
        page.contributors = [
            ArtefactContributor(sort_order=position, **person)
            for position, person in enumerate(
                contributors
                if contributors is not None
                else [{"user": owner, "name": owner.display_name, "network": network}]
            )
        ]
        network.add_child(instance=page)
        if documents or videos:
            page.resources = [
                store_upload(
                    artefact=page,
                    upload=check_upload(SimpleUploadedFile(name, data)),
                    title=title,
                    by=owner,
                )
                for name, data, title in documents
            ] + [
                {"type": "video", "value": {"title": title, "url": url}, "id": str(uuid.uuid4())}
                for title, url in videos
            ]
        revision = page.save_revision(user=owner)
        if live:
            revision.publish(user=owner, skip_permission_checks=True)
            page.refresh_from_db()
            if first_published_at is not None:
                ArtefactPage.objects.filter(pk=page.pk).update(
                    first_published_at=first_published_at, last_published_at=first_published_at
                )
                page.first_published_at = page.last_published_at = first_published_at
        ArtefactModeration.objects.create(
            artefact=page,
            status=ModerationStatus.PUBLISHED if live else ModerationStatus.DRAFT,
        )
        return page


class DraftArtefactFactory(ArtefactPageFactory):
    live = False


class ArtefactTrialFactory(factory.django.DjangoModelFactory):
    """A “we tried this” response, written directly (no notification, no activity): for tests
    that need many. artefacts.services.record_trial is what the site and demo data use.

    `hidden=True` for one a moderator hid (services.hide_trial is what the site uses)."""

    class Meta:
        model = ArtefactTrial

    class Params:
        hidden = factory.Trait(
            hidden_at=factory.LazyFunction(timezone.now),
            hidden_by=factory.SubFactory(UserFactory),
            hidden_reason="It names a pupil.",
        )

    artefact = factory.SubFactory(ArtefactPageFactory)
    user = factory.SubFactory(UserFactory)
    network = None
    school = None
    context = "Two Year 4 classes in a small rural primary, over half a term."
    outcome = TrialOutcome.PARTLY
    note = "Pupils liked it; the written part took longer than we planned."


def sample_pdf(name: str = "protocol.pdf", title: str = "Observation protocol"):
    """A (name, bytes, title) triple for ArtefactPageFactory(documents=[...])."""
    return (name, pdf_bytes(title, ["A short protocol for peer observation."]), title)


class AdaptationNoticeFactory(factory.django.DjangoModelFactory):
    """That `recipient` was told about `adaptation` (services tell people when moderation
    publishes an adaptation)."""

    class Meta:
        model = AdaptationNotice

    adaptation = factory.SubFactory(ArtefactPageFactory)
    recipient = factory.SubFactory(UserFactory)
