"""The spread figures, computed by a Celery task and read by /broker/spread/ in one query."""

from django.db import models


class SpreadSnapshot(models.Model):
    computed_at = models.DateTimeField(db_index=True)
    data = models.JSONField(help_text="Every figure of the spread page (broker.spread.figures).")
    network_map_svg = models.TextField(
        blank=True, help_text="The picture of the network of networks, drawn when computed."
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
