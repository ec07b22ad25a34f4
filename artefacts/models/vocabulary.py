"""Small fixed vocabularies for describing who an artefact is for."""

from django.db import models
from django.utils.text import slugify


class _Term(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)
        super().save(*args, **kwargs)


class Phase(_Term):
    """A phase of education (early years, primary, secondary...)."""

    class Meta(_Term.Meta):
        pass


class Subject(_Term):
    """A subject or area of the curriculum."""

    class Meta(_Term.Meta):
        pass
