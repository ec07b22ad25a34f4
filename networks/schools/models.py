from django.db import models


class School(models.Model):
    """An establishment from England's register (Get Information about Schools), keyed by URN.

    Re-imports update a school in place; a closed establishment is marked closed, never deleted,
    because networks keep the history of the schools that were in them.
    """

    urn = models.PositiveIntegerField("URN", unique=True)
    name = models.CharField(max_length=255)
    establishment_type = models.CharField(max_length=150, blank=True)
    phase = models.CharField(max_length=100, blank=True, db_index=True)
    local_authority = models.CharField(max_length=150, blank=True)
    region = models.CharField(max_length=100, blank=True, db_index=True)
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
