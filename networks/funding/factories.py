"""Factories for funding records. Pass `network` (and `school`) in; the SubFactory paths are
resolved only when they are left out."""

from datetime import date, timedelta
from decimal import Decimal

import factory

from .models import (
    ContributionKind,
    FundingReceipt,
    InKindContribution,
    SpendingPlanLine,
    SpendingPlanRevision,
)


class FundingReceiptFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingReceipt

    network = factory.SubFactory("networks.factories.NetworkPageFactory")
    source = "Local authority school improvement grant"
    amount = Decimal("5000.00")
    received_on = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    note = ""
    recorded_by = None


class InKindContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InKindContribution

    network = factory.SubFactory("networks.factories.NetworkPageFactory")
    school = factory.SubFactory("networks.factories.SchoolFactory")
    kind = ContributionKind.STAFF_DAYS
    quantity = Decimal("2")
    unit = factory.LazyAttribute(
        lambda contribution: {"staff_days": "days", "money": "£"}.get(contribution.kind, "sessions")
    )
    money_value = None
    description = "Two teachers released for a joint lesson study day"
    contributed_on = factory.LazyFunction(lambda: date.today() - timedelta(days=20))
    recorded_by = None


class SpendingPlanRevisionFactory(factory.django.DjangoModelFactory):
    """A revision numbered after the network's latest. Lines: pass `lines=[(text, amount)]`."""

    class Meta:
        model = SpendingPlanRevision
        skip_postgeneration_save = True

    network = factory.SubFactory("networks.factories.NetworkPageFactory")
    number = factory.LazyAttribute(
        lambda revision: SpendingPlanRevision.objects.filter(network=revision.network).count() + 1
    )
    plan = "Release teachers for enquiry trios across the schools and share what they find."
    total = Decimal("0")
    learning = factory.LazyAttribute(
        lambda revision: (
            ""
            if revision.number == 1
            else "The trios found one observation a term was too little to change practice."
        )
    )
    author = None

    @factory.post_generation
    def lines(revision, create, extracted, **kwargs):
        items = (
            extracted
            if extracted is not None
            else [("Supply cover for enquiry trios", Decimal("4800"))]
        )
        built = [
            SpendingPlanLine(
                revision=revision, position=position, description=text, amount=Decimal(amount)
            )
            for position, (text, amount) in enumerate(items, start=1)
        ]
        if create:
            SpendingPlanLine.objects.bulk_create(built)
            total = sum((line.amount for line in built), Decimal("0"))
            SpendingPlanRevision.objects.filter(pk=revision.pk).update(total=total)
            revision.total = total
