"""Reads about a network's indicators, shaped for the profile and the co-leaders' pages."""

from django.db.models import Prefetch

from .charts import IndicatorTrend, indicator_trend
from .models import Indicator, Observation


def network_indicators(network):
    """The network's indicators with their observations in date order. Two queries."""
    return (
        Indicator.objects.filter(network=network)
        .order_by("created_at", "pk")
        .prefetch_related(
            Prefetch("observations", queryset=Observation.objects.order_by("observed_on"))
        )
    )


def indicator_trends(network) -> list[IndicatorTrend]:
    """Each indicator with its chart and table rows. Two queries, whatever the data size."""
    return [
        indicator_trend(indicator, indicator.observations.all())
        for indicator in network_indicators(network)
    ]


def indicator_of_network(network, pk) -> Indicator | None:
    return Indicator.objects.filter(network=network, pk=pk).select_related("network").first()
