from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models

from core.vocabulary import Phase, Region

FAILURE_MAX_LENGTH = 2000


class School(models.Model):
    """An establishment from England's register (Get Information about Schools), keyed by URN.

    Re-imports update a school in place; a closed establishment is marked closed, never deleted,
    because networks keep the history of the schools that were in them.
    """

    urn = models.PositiveIntegerField("URN", unique=True)
    name = models.CharField(max_length=255)
    establishment_type = models.CharField(max_length=150, blank=True)
    phase = models.CharField(max_length=100, blank=True, db_index=True, choices=Phase.choices)
    local_authority = models.CharField(max_length=150, blank=True)
    region = models.CharField(max_length=100, blank=True, db_index=True, choices=Region.choices)
    town = models.CharField(max_length=150, blank=True)
    postcode = models.CharField(max_length=12, blank=True)
    status = models.CharField(max_length=100, blank=True)
    is_open = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["name"])]

    def __str__(self):
        return f"{self.name} ({self.town})" if self.town else self.name


class SchoolImport(models.Model):
    """A GIAS CSV uploaded in the admin, and what importing it did.

    The upload is stored first; a Celery task then runs the import and records the counts and
    the bad rows here, so the admin page can show the result when it is ready.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to run"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    file = models.FileField(upload_to="schools/imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    closed_count = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    row_errors = models.JSONField(
        default=list, blank=True, help_text="The first bad rows, as [line, reason] pairs."
    )
    failure = models.TextField(
        blank=True,
        max_length=FAILURE_MAX_LENGTH,
        validators=[MaxLengthValidator(FAILURE_MAX_LENGTH)],
        help_text="Why the whole file was refused.",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.original_name} ({self.get_status_display().lower()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}
