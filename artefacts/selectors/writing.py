"""What the artefact form offers: the people and schools to credit, the vocabularies, and a
version's tags."""

from dataclasses import dataclass

from core.accounts.models import User
from core.schools.models import School
from networks.models import Membership, Theme

from ..models import (
    Phase,
    Subject,
)


def tags_of(page) -> list:
    """The tags of this version of the artefact, in one query.

    A draft's tags live in its revision, where select_related means nothing: prefetch_related
    loads them there, and skips the tags select_related already joined for a live page.
    """
    items = page.tagged_items.select_related("tag").prefetch_related("tag")
    return sorted((item.tag for item in items), key=lambda tag: tag.name.casefold())


@dataclass
class ArtefactFormOptions:
    """What the artefact form offers for one network, author and version."""

    memberships: dict  # user id → current membership in the network, with user and school
    contributors: object  # the people who may be credited (None: nobody)
    contributor_labels: dict  # user id → "Name (School)"
    schools: object  # the schools that may be named (None: none)
    themes: object
    phases: object
    subjects: object
    tags: list  # the version's own tags

    def contributor_label(self, user) -> str:
        return self.contributor_labels.get(user.pk, user.display_name)


def artefact_form_options(network, *, author, artefact=None) -> ArtefactFormOptions:
    """The people and schools the form offers: the network's current members and schools, and
    anyone or any school the version already names (so a credit survives someone leaving).
    `artefact` is the latest version (a revision's page object) when editing. Two queries, and
    one more for an artefact's tags; the choices themselves are queried when shown."""
    memberships = {
        membership.user_id: membership
        for membership in Membership.objects.current()
        .filter(network=network)
        .select_related("user", "school")
    }
    current_ids = set(memberships) - {author.pk}
    previous = (
        (
            {row.user_id for row in artefact.contributors.all() if row.user_id}
            if artefact is not None
            else set()
        )
        - current_ids
        - {author.pk}
    )
    labels = {
        user_id: f"{m.user.display_name} ({m.school.name})" if m.school_id else m.user.display_name
        for user_id, m in memberships.items()
    }
    school_ids = set(
        network.school_links.filter(left_on__isnull=True).values_list("school_id", flat=True)
    )
    if artefact is not None:
        school_ids |= {school.pk for school in artefact.schools.all()}
    return ArtefactFormOptions(
        memberships=memberships,
        contributors=User.objects.filter(pk__in=current_ids | previous).order_by(
            "first_name", "last_name"
        )
        if current_ids | previous
        else None,
        contributor_labels=labels,
        schools=School.objects.filter(pk__in=school_ids).order_by("name") if school_ids else None,
        themes=Theme.objects.all(),
        phases=Phase.objects.in_vocabulary(),
        subjects=Subject.objects.in_vocabulary(),
        tags=tags_of(artefact) if artefact is not None else [],
    )
