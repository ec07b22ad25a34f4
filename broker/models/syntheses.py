"""Evidence syntheses: for one theme, the broker's account of what networks learned, citing
their artefacts, in the spirit of the EEF Teaching and Learning Toolkit.

Only the words and the citations are stored. The figures beside them (who tried it, how it went,
evidence strength, cost in kind) are computed from the platform each time the page is read
(broker.selectors.evidence), so they change when the evidence does.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse

SECTION_MAX_LENGTH = 6000
SUMMARY_MAX_LENGTH = 1000


class SynthesisQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)


class Synthesis(models.Model):
    theme = models.OneToOneField(
        "networks.Theme", on_delete=models.PROTECT, related_name="synthesis"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(
        "key findings",
        max_length=SUMMARY_MAX_LENGTH,
        validators=[MaxLengthValidator(SUMMARY_MAX_LENGTH)],
        help_text="Two or three sentences: what the networks' evidence says, in plain words.",
    )
    narrative = models.TextField(
        "what networks learned",
        max_length=SECTION_MAX_LENGTH,
        validators=[MaxLengthValidator(SECTION_MAX_LENGTH)],
        help_text="The story across networks. Cite artefacts by their number in the list, e.g. [2].",
    )
    what_worked = models.TextField(
        blank=True,
        max_length=SECTION_MAX_LENGTH,
        validators=[MaxLengthValidator(SECTION_MAX_LENGTH)],
    )
    what_did_not_work = models.TextField(
        max_length=SECTION_MAX_LENGTH, validators=[MaxLengthValidator(SECTION_MAX_LENGTH)]
    )
    last_reviewed_on = models.DateField(
        help_text="When a broker last checked this account against the evidence."
    )
    published_at = models.DateTimeField(null=True, blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SynthesisQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "syntheses"
        ordering = ["theme__name"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("broker:synthesis", kwargs={"theme_slug": self.theme.slug})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class SynthesisCitation(models.Model):
    """An artefact the synthesis cites, numbered by position ([1], [2], …)."""

    synthesis = models.ForeignKey(Synthesis, on_delete=models.CASCADE, related_name="citations")
    artefact = models.ForeignKey(
        "artefacts.ArtefactPage", on_delete=models.CASCADE, related_name="synthesis_citations"
    )
    position = models.PositiveIntegerField()
    what_it_shows = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["synthesis", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["synthesis", "artefact"], name="one_citation_per_synthesis_artefact"
            )
        ]

    def __str__(self):
        return f"[{self.position}] {self.artefact}"
