"""Factories for review frameworks and cycles. Tests and demo data use them.

`framework_version(criteria=3)` builds a ready version with that many criteria, each with a
four-level rubric. Cycles are opened through `peer_review.services.open_cycle` (see `cycle_for`),
so they start as the site starts them.
"""

from datetime import timedelta

import factory

from django.utils import timezone

from .models import (
    DEADLINE_PHASES,
    Criterion,
    DeclaredConflict,
    Domain,
    Framework,
    FrameworkVersion,
    RubricLevel,
)
from .services import open_cycle

LEVEL_LABELS = ["Emerging", "Developing", "Embedded", "Leading"]


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test framework {n}")
    slug = factory.Sequence(lambda n: f"test-framework-{n}")
    description = "A framework for tests."


class FrameworkVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkVersion

    framework = factory.SubFactory(FrameworkFactory)
    number = 1
    ready = True
    evidence_guidance = "Say where each piece of evidence comes from."


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Domain

    version = factory.SubFactory(FrameworkVersionFactory)
    title = factory.Sequence(lambda n: f"Domain {n}")
    sort_order = factory.Sequence(lambda n: n)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion
        skip_postgeneration_save = True

    domain = factory.SubFactory(DomainFactory)
    code = factory.Sequence(lambda n: f"criterion-{n}")
    title = factory.Sequence(lambda n: f"Criterion {n}")
    description = "What this criterion looks at."
    evidence_guidance = "Minutes, artefacts and indicator charts."
    sort_order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def levels(criterion, create, extracted, **kwargs):
        if not create:
            return
        for number, label in enumerate(extracted or LEVEL_LABELS, start=1):
            RubricLevel.objects.create(
                criterion=criterion,
                number=number,
                label=label,
                descriptor=f"What {label.lower()} practice looks like for {criterion.title}.",
                sort_order=number,
            )


class DeclaredConflictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeclaredConflict

    reason = "I used to teach at one of its schools."


def framework_version(*, criteria: int = 3, **fields) -> FrameworkVersion:
    version = FrameworkVersionFactory(**fields)
    domain = DomainFactory(version=version)
    for _ in range(criteria):
        CriterionFactory(domain=domain)
    return version


def version_criteria(version) -> list:
    return list(Criterion.objects.filter(domain__version=version).order_by("sort_order", "pk"))


def deadlines_from(start=None, *, step_days: int = 21) -> dict:
    """A deadline for every phase, three weeks apart, from `start` (today by default)."""
    start = start or timezone.localdate()
    return {
        phase: start + timedelta(days=step_days * (position + 1))
        for position, phase in enumerate(DEADLINE_PHASES)
    }


def cycle_for(network, co_leader, *, version=None, criteria=None, deadlines=None, purpose=""):
    """Open a cycle through the service, as a co-leader does on the site."""
    version = version or framework_version()
    return open_cycle(
        network=network,
        by=co_leader,
        framework_version=version,
        focus_criteria=criteria or version_criteria(version),
        deadlines=deadlines or deadlines_from(),
        purpose=purpose,
    )
