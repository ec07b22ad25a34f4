from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.text import slugify

from core.validators import require_visible_characters

DESCRIPTION_MAX_LENGTH = 1000


class Theme(models.Model):
    """A focus theme from the controlled vocabulary the national broker maintains."""

    name = models.CharField(max_length=100, unique=True, validators=[require_visible_characters])
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(
        blank=True,
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)
