"""Artefacts in search: an artefact page's document, the labels of the facets artefacts own, and
the reader's audience. Registered from `ArtefactsConfig.ready()`.

The audience is stated from `permissions.visibility_allows`, the one home of the visibility rule,
so search finds exactly what `selectors.artefacts_visible_to` lists (checked for a matrix of
people by `search.tests.test_permissions`).
"""

from wagtail.fields import RichTextField, StreamField

from networks.models import Membership
from search.backends.base import PUBLIC, Audience
from search.extraction import cached_document_text
from search.registry import PageDocument

from .models import SECTIONS, ArtefactPage, ArtefactType, EvidenceStrength, Visibility
from .permissions import visibility_allows


def reader_audience(user) -> Audience:
    """Who this person is as a reader of whatever is shared with a visibility.

    - members-only documents: when the rule lets them read a members-only artefact;
    - everything: when it lets them read a network-only artefact of a network they do not
      belong to (national brokers and admins);
    - otherwise network-only documents of the networks they currently belong to (one query).
    """
    if not visibility_allows(user, visibility=Visibility.MEMBERS, network=None):
        return PUBLIC
    if visibility_allows(user, visibility=Visibility.NETWORK, network=None):
        return Audience(everything=True, members=True)
    network_ids = Membership.objects.network_ids_of(user).order_by()
    return Audience(members=True, network_ids=frozenset(row["network_id"] for row in network_ids))


def section_names() -> list[str]:
    """Every section in reading order, then any other rich text or stream field (the
    resources' titles)."""
    names = [name for name, _heading in SECTIONS]
    for field in ArtefactPage._meta.get_fields():
        if (
            isinstance(field, RichTextField | StreamField)
            and field.name not in names
            and field.model._meta.app_label == "artefacts"
        ):
            names.append(field.name)
    return names


def field_text(artefact, name: str) -> str:
    field = artefact._meta.get_field(name)
    value = getattr(artefact, name, None)
    if value is None:
        return ""
    if isinstance(field, StreamField):
        return " ".join(str(part) for part in field.stream_block.get_searchable_content(value))
    return str(value)


class ArtefactDocument(PageDocument):
    model = ArtefactPage
    kind = "artefact"
    kind_label = "Artefact"
    access_fields = ("visibility", "network")

    def type_labels(self):
        return {str(value): str(label) for value, label in ArtefactType.choices}

    def facet_labels(self, facet, values):
        if facet == "strength":
            labels = {str(value): str(label) for value, label in EvidenceStrength.choices}
            return {value: labels[value] for value in values if value in labels}
        return {}

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("network")
            .prefetch_related("themes", "tags", "subjects", "phases", "schools")
        )

    def is_findable(self, artefact):
        # Without a network nobody may read it (artefacts_visible_to leaves it out).
        return artefact.network_id is not None

    def schools(self, artefact) -> list:
        # Sorted here and below: many-to-many rows come back in no set order on PostgreSQL, and
        # the content hash (search_index --check) must not change with it.
        return sorted(artefact.schools.all(), key=lambda school: (school.name, school.pk))

    def prepare_summary(self, artefact):
        return artefact.summary or ""

    def prepare_body(self, artefact):
        """Every section's text, including "what did not work", and the resources' titles."""
        return "\n".join(field_text(artefact, name) for name in section_names())

    def prepare_attachments(self, artefact):
        return " ".join(
            cached_document_text(document) for document in artefact.attached_documents()
        )

    def prepare_keywords(self, artefact):
        return " ".join(
            sorted(theme.name for theme in artefact.themes.all())
            + sorted(tag.name for tag in artefact.tags.all())
            + sorted(subject.name for subject in artefact.subjects.all())
            + [school.name for school in self.schools(artefact)]
            + [artefact.network.title]
        )

    def prepare_type(self, artefact):
        return artefact.artefact_type or ""

    def prepare_themes(self, artefact):
        return sorted(theme.slug for theme in artefact.themes.all())

    def prepare_phases(self, artefact):
        return sorted(phase.slug for phase in artefact.phases.all())

    def prepare_regions(self, artefact):
        return [school.region for school in self.schools(artefact)]

    def prepare_network_id(self, artefact):
        return artefact.network_id

    def prepare_network_title(self, artefact):
        return artefact.network.title

    def prepare_evidence_strength(self, artefact):
        return int(artefact.evidence_strength) if artefact.evidence_strength else None

    def prepare_visibility(self, artefact):
        """Unknown values count as the most private, so nothing leaks by mistake."""
        try:
            return Visibility(artefact.visibility).value
        except ValueError:
            return Visibility.NETWORK.value
