"""Factories for indicators and observations. Pass `network` in; the SubFactory path is resolved
only when it is left out."""

from datetime import date, timedelta
from decimal import Decimal

import factory

from .models import Direction, Indicator, Observation


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    network = factory.SubFactory("networks.factories.NetworkPageFactory")
    name = factory.Sequence(lambda n: f"Pupils reaching expected standard in reading (%) {n}")
    unit = "%"
    measures = "Year 6 pupils across the member schools reaching the expected standard in reading."
    source = "Key stage 2 teacher assessment"
    baseline_value = Decimal("62")
    baseline_on = factory.LazyFunction(lambda: date.today() - timedelta(days=400))
    direction = Direction.HIGHER
    created_by = None


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal("65")
    observed_on = factory.Sequence(lambda n: date.today() - timedelta(days=300 - n % 290))
    note = ""
    recorded_by = None
