"""The phases and subjects an artefact is for: a row for each value of core.vocabulary's
`Phase` and `Subject` (the one list every app uses), so artefacts can link to them. The rows
follow the vocabulary (migrations 0002 and 0008); they are not edited in the admin."""

from django.db import models
from django.utils.text import slugify

from core import vocabulary


class _Term(models.Model):
    # The vocabulary whose values the slugs are (set by each subclass).
    choices: type[models.TextChoices]

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
        labels = dict(self.choices.choices)
        if self.slug in labels:
            self.name = str(labels[self.slug])
            self.sort_order = self.choices.values.index(self.slug)
        super().save(*args, **kwargs)


class TermQuerySet(models.QuerySet):
    def in_vocabulary(self):
        """The rows of the vocabulary's values, in its order."""
        return self.filter(slug__in=self.model.choices.values).order_by("sort_order", "name")


class Phase(_Term):
    """A phase of education: one of core.vocabulary.Phase."""

    choices = vocabulary.Phase
    objects = TermQuerySet.as_manager()

    class Meta(_Term.Meta):
        pass


class Subject(_Term):
    """A subject or area of the curriculum: one of core.vocabulary.Subject."""

    choices = vocabulary.Subject
    objects = TermQuerySet.as_manager()

    class Meta(_Term.Meta):
        pass
