"""Framework versions: a version in use is fixed, so edits start from a copy."""

from django.db import transaction
from django.db.models import Max

from ..models import Criterion, Domain, FrameworkVersion, RubricLevel


@transaction.atomic
def copy_version(*, version, by=None) -> FrameworkVersion:
    """A new, not yet ready, version with the same domains, criteria and levels, to edit."""
    framework = version.framework
    latest = framework.versions.aggregate(highest=Max("number"))["highest"] or 0
    copy = FrameworkVersion.objects.create(
        framework=framework,
        number=latest + 1,
        ready=False,
        notes=f"Started from version {version.number}.",
        evidence_guidance=version.evidence_guidance,
    )
    domains = version.domains.prefetch_related("criteria__levels")
    for domain in domains:
        new_domain = Domain.objects.create(
            version=copy,
            title=domain.title,
            description=domain.description,
            sort_order=domain.sort_order,
        )
        for criterion in domain.criteria.all():
            new_criterion = Criterion.objects.create(
                domain=new_domain,
                code=criterion.code,
                title=criterion.title,
                description=criterion.description,
                evidence_guidance=criterion.evidence_guidance,
                sort_order=criterion.sort_order,
            )
            RubricLevel.objects.bulk_create(
                RubricLevel(
                    criterion=new_criterion,
                    number=level.number,
                    label=level.label,
                    descriptor=level.descriptor,
                    sort_order=level.sort_order,
                )
                for level in criterion.levels.all()
            )
    return copy
