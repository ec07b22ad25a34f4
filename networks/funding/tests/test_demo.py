from datetime import date, timedelta

from networks.funding import demo
from networks.funding.models import FundingReceipt, InKindContribution, SpendingPlanRevision
from networks.models import NetworkPage


def test_the_demo_gives_each_started_network_funding_and_a_plan_with_learning(world):
    NetworkPage.objects.filter(pk=world.network.pk).update(
        started_on=date.today() - timedelta(days=730)
    )
    demo.seed(lambda message: None)

    revisions = list(SpendingPlanRevision.objects.filter(network=world.network).order_by("number"))
    assert len(revisions) >= 2
    assert all(revision.learning for revision in revisions[1:])
    assert FundingReceipt.objects.filter(network=world.network).exists()
    assert set(
        InKindContribution.objects.filter(network=world.network).values_list("school", flat=True)
    ) == {
        world.school.pk,
        world.second_school.pk,
    }


def test_running_the_demo_twice_adds_nothing(world):
    demo.seed(lambda message: None)
    counts = (
        FundingReceipt.objects.count(),
        InKindContribution.objects.count(),
        SpendingPlanRevision.objects.count(),
    )

    demo.seed(lambda message: None)

    assert (
        FundingReceipt.objects.count(),
        InKindContribution.objects.count(),
        SpendingPlanRevision.objects.count(),
    ) == counts


def test_the_demo_does_nothing_without_networks(db):
    messages = []

    demo.seed(messages.append)

    assert SpendingPlanRevision.objects.count() == 0
    assert messages == ["no started networks; no funding records added"]
