"""Reads what search needs from an artefact page, in one place.

The artefacts app owns its model (`artefacts.models.ArtefactPage`); this module is the only
part of search that knows its field names, so a change there is a change here only.
"""

from django.apps import apps

from wagtail.fields import RichTextField, StreamField

from .models import Visibility


def _artefacts_models():
    try:
        return apps.get_app_config("artefacts").models_module
    except LookupError:  # pragma: no cover - the app is always installed
        return None


def section_names(artefact) -> list[str]:
    """Every section in reading order (artefacts.models.SECTIONS), then the resources."""
    module = _artefacts_models()
    sections = getattr(module, "SECTIONS", None) or []
    names = [name for name, _heading in sections]
    # Any other rich text or stream field the model adds is indexed too.
    for field in artefact._meta.get_fields():
        if (
            isinstance(field, RichTextField | StreamField)
            and field.name not in names
            and field.model._meta.app_label == "artefacts"
        ):
            names.append(field.name)
    return names


def network_of(artefact):
    return artefact.network if artefact.network_id else None


def schools_of(artefact) -> list:
    return list(artefact.schools.all())


def summary_of(artefact) -> str:
    return artefact.summary or ""


def _field_text(artefact, name: str) -> str:
    field = artefact._meta.get_field(name)
    value = getattr(artefact, name, None)
    if value is None:
        return ""
    if isinstance(field, StreamField):
        return " ".join(str(part) for part in field.stream_block.get_searchable_content(value))
    return str(value)


def sections_text(artefact) -> str:
    """Every section's text, including "what did not work", and the resources' titles."""
    return "\n".join(_field_text(artefact, name) for name in section_names(artefact))


def type_of(artefact) -> str:
    return artefact.artefact_type or ""


def type_labels() -> dict[str, str]:
    from artefacts.models import ArtefactType

    labels = {str(value): str(label) for value, label in ArtefactType.choices}
    labels["network"] = "Network"
    return labels


def theme_slugs(artefact) -> list[str]:
    return [theme.slug for theme in artefact.themes.all()]


def theme_names(artefact) -> list[str]:
    return [theme.name for theme in artefact.themes.all()]


def tag_names(artefact) -> list[str]:
    return [tag.name for tag in artefact.tags.all()]


def subject_names(artefact) -> list[str]:
    return [subject.name for subject in artefact.subjects.all()]


def phases_of(artefact) -> list[str]:
    """Phase slugs (the artefact's own; school phases are slugified to match)."""
    return [phase.slug for phase in artefact.phases.all()]


def phase_labels(slugs) -> dict[str, str]:
    from artefacts.models import Phase

    return dict(Phase.objects.filter(slug__in=list(slugs)).values_list("slug", "name"))


def strength_labels() -> dict[str, str]:
    """'4' -> '4 – Strong evidence' (the artefact form's own wording)."""
    from artefacts.models import EvidenceStrength

    return {str(value): str(label) for value, label in EvidenceStrength.choices}


def evidence_strength_of(artefact) -> int | None:
    return int(artefact.evidence_strength) if artefact.evidence_strength else None


def visibility_of(artefact) -> str:
    """Unknown values are treated as the most private, so nothing leaks by mistake."""
    try:
        return Visibility(artefact.visibility).value
    except ValueError:
        return Visibility.NETWORK.value


def attached_documents(artefact) -> list:
    return list(artefact.attached_documents())
