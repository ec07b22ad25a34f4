"""The spread figures, computed by a Celery task and read by /broker/spread/ in one query."""

from django.core.validators import MaxLengthValidator
from django.db import models

# The picture of the 200 strongest links between 150 networks is about 65 KB.
SVG_MAX_LENGTH = 1_000_000


class SpreadSnapshot(models.Model):
    computed_at = models.DateTimeField(db_index=True)
    data = models.JSONField(help_text="Every figure of the spread page (broker.spread.figures).")
    network_map_svg = models.TextField(
        blank=True,
        max_length=SVG_MAX_LENGTH,
        validators=[MaxLengthValidator(SVG_MAX_LENGTH)],
        help_text="The picture of the network of networks, drawn when computed.",
    )
    all_links = models.JSONField(
        default=list,
        help_text="Every link between networks, compact (broker.spread.figures.compact_links): "
        "for the CSV download; the page never reads it.",
    )

    class Meta:
        ordering = ["-computed_at", "-pk"]
        get_latest_by = "computed_at"

    def __str__(self):
        return f"Spread figures of {self.computed_at:%d %b %Y %H:%M}"
