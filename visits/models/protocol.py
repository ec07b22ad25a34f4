"""The visit protocol: focus questions agreed before, reflections and ratings after, and the
study-visit report artefact a visiting network drafts from its reflections."""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

from .choices import Usefulness


class FocusQuestion(models.Model):
    session = models.ForeignKey(
        "visits.VisitSession", on_delete=models.CASCADE, related_name="focus_questions"
    )
    text = models.CharField(max_length=500)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    agreed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text

    @property
    def is_agreed(self) -> bool:
        return self.agreed_at is not None


class Reflection(models.Model):
    """One visitor's reflection on a visit, with their rating for the hosts. One per visitor."""

    session = models.ForeignKey(
        "visits.VisitSession", on_delete=models.CASCADE, related_name="reflections"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visit_reflections"
    )
    network = models.ForeignKey(
        "networks.NetworkPage",
        on_delete=models.CASCADE,
        related_name="visit_reflections",
        help_text="The network the author visited for.",
    )
    what_we_saw = models.TextField(max_length=5000, validators=[MaxLengthValidator(5000)])
    what_we_will_try = models.TextField(max_length=5000, validators=[MaxLengthValidator(5000)])
    questions = models.TextField(
        "questions we still have",
        max_length=5000,
        blank=True,
        validators=[MaxLengthValidator(5000)],
    )
    usefulness = models.PositiveSmallIntegerField(
        "how useful was it",
        choices=Usefulness.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    comment_for_hosts = models.TextField(
        blank=True, max_length=2000, validators=[MaxLengthValidator(2000)]
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "author"], name="one_reflection_per_visitor")
        ]

    def __str__(self):
        return f"{self.author} on {self.session}"


class VisitReport(models.Model):
    """The draft study-visit report artefact a visiting network made from a visit's reflections."""

    session = models.ForeignKey(
        "visits.VisitSession", on_delete=models.CASCADE, related_name="reports"
    )
    network = models.ForeignKey(
        "networks.NetworkPage", on_delete=models.CASCADE, related_name="visit_reports"
    )
    artefact = models.OneToOneField(
        "artefacts.ArtefactPage", on_delete=models.CASCADE, related_name="visit_report"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "network"], name="one_report_per_network")
        ]

    def __str__(self):
        return f"{self.network}'s report on {self.session}"
