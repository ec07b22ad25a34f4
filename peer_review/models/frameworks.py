"""Review frameworks: domains, criteria, a rubric of levels per criterion, evidence guidance.

A framework has numbered versions. Once a cycle uses a version it is fixed: its own row, its
domains, criteria and levels refuse to change (edits make a new version through
`peer_review.services.frameworks.copy_version`). The rule lives in `check_editable`, which every
save and delete here asks, and which the admin forms show through `clean()`.
"""

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from core.errors import ActionRefused

from .limits import DESCRIPTION_MAX_LENGTH, GUIDANCE_MAX_LENGTH, RUBRIC_DESCRIPTOR_MAX_LENGTH


class VersionInUse(ActionRefused):
    """A framework version that a review cycle uses can no longer change."""


def version_in_use_message(version) -> str:
    return (
        f"{version} is used by a review cycle, so it can no longer change: the cycle must keep "
        "the rubric it was rated against. Make a new version from it and edit that instead."
    )


def check_editable(version_id) -> None:
    """Refuse any change to a version (or what it holds) once a cycle uses it."""
    if version_id is None:
        return
    version = FrameworkVersion.objects.filter(pk=version_id).first()
    if version is not None and version.is_in_use:
        raise VersionInUse(version_in_use_message(version))


class Framework(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class FrameworkVersion(ClusterableModel):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(default=1)
    ready = models.BooleanField(
        "ready for cycles",
        default=False,
        help_text="Co-leaders can choose this version for a new cycle only once it is ready.",
    )
    notes = models.TextField(
        blank=True,
        help_text="What changed from the previous version.",
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    evidence_guidance = models.TextField(
        blank=True,
        help_text="General guidance on evidence, shown at the top of every cycle.",
        max_length=GUIDANCE_MAX_LENGTH,
        validators=[MaxLengthValidator(GUIDANCE_MAX_LENGTH)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("framework"),
        FieldPanel("number"),
        FieldPanel("ready"),
        FieldPanel("notes"),
        FieldPanel("evidence_guidance"),
        InlinePanel("domains", label="Domains"),
    ]

    class Meta:
        ordering = ["framework__name", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="one_framework_version_per_number"
            )
        ]

    def __str__(self):
        return f"{self.framework.name}, version {self.number}"

    @property
    def is_in_use(self) -> bool:
        if self.pk is None:
            return False
        if "_in_use" not in self.__dict__:
            self.__dict__["_in_use"] = self.cycles.exists()
        return self.__dict__["_in_use"]

    @admin.display(boolean=True, description="in use")
    def in_use(self) -> bool:
        return self.is_in_use

    def clean(self):
        if self.pk and FrameworkVersion.objects.get(pk=self.pk).is_in_use:
            raise ValidationError(version_in_use_message(self))

    def save(self, *args, **kwargs):
        check_editable(self.pk)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        check_editable(self.pk)
        return super().delete(*args, **kwargs)


class Domain(Orderable):
    version = ParentalKey(FrameworkVersion, on_delete=models.CASCADE, related_name="domains")
    title = models.CharField(max_length=200)
    description = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        ordering = ["version", "sort_order"]

    def __str__(self):
        return self.title

    def clean(self):
        _clean_for_version(self.version_id)

    def save(self, *args, **kwargs):
        check_editable(self.version_id)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        check_editable(self.version_id)
        return super().delete(*args, **kwargs)


class Criterion(ClusterableModel):
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="criteria")
    code = models.SlugField(
        max_length=40,
        help_text="Stays the same across versions, so trends follow a criterion from cycle to cycle.",
    )
    title = models.CharField(max_length=200)
    description = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    evidence_guidance = models.TextField(
        blank=True,
        help_text="What evidence shows this criterion, and where to find it.",
        max_length=GUIDANCE_MAX_LENGTH,
        validators=[MaxLengthValidator(GUIDANCE_MAX_LENGTH)],
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("domain"),
        FieldPanel("code"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("evidence_guidance"),
        FieldPanel("sort_order"),
        InlinePanel("levels", label="Rubric levels", min_num=2),
    ]

    class Meta:
        ordering = ["domain__sort_order", "sort_order", "pk"]
        verbose_name_plural = "criteria"

    def __str__(self):
        return self.title

    def clean(self):
        _clean_for_version(_version_of_domain(self.domain_id))

    def save(self, *args, **kwargs):
        check_editable(_version_of_domain(self.domain_id))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        check_editable(_version_of_domain(self.domain_id))
        return super().delete(*args, **kwargs)


class RubricLevel(Orderable):
    criterion = ParentalKey(Criterion, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    label = models.CharField(max_length=60, help_text="e.g. 'Emerging', 'Embedded'.")
    descriptor = models.TextField(
        help_text="What this level looks like in practice.",
        max_length=RUBRIC_DESCRIPTOR_MAX_LENGTH,
        validators=[MaxLengthValidator(RUBRIC_DESCRIPTOR_MAX_LENGTH)],
    )

    panels = [FieldPanel("number"), FieldPanel("label"), FieldPanel("descriptor")]

    class Meta(Orderable.Meta):
        ordering = ["criterion", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "number"], name="one_rubric_level_per_number"
            )
        ]

    def __str__(self):
        return f"{self.number} – {self.label}"

    def clean(self):
        if self.criterion_id:
            _clean_for_version(_version_of_domain(self.criterion.domain_id))

    def save(self, *args, **kwargs):
        if self.criterion_id:
            check_editable(_version_of_domain(self.criterion.domain_id))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        check_editable(_version_of_domain(self.criterion.domain_id))
        return super().delete(*args, **kwargs)


def _version_of_domain(domain_id):
    if domain_id is None:
        return None
    return Domain.objects.filter(pk=domain_id).values_list("version_id", flat=True).first()


def _clean_for_version(version_id) -> None:
    try:
        check_editable(version_id)
    except VersionInUse as refusal:
        raise ValidationError(refusal.message) from refusal
