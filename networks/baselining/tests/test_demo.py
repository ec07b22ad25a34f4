from networks.baselining import demo
from networks.baselining.models import Indicator, Observation


def test_the_demo_gives_each_network_three_indicators_with_observations(world):
    demo.seed(lambda message: None)

    indicators = Indicator.objects.filter(network=world.network)
    assert indicators.count() == 3
    assert all(3 <= indicator.observations.count() <= 6 for indicator in indicators)


def test_the_demo_observations_all_follow_their_baselines(world):
    demo.seed(lambda message: None)

    for observation in Observation.objects.select_related("indicator"):
        observation.full_clean()


def test_running_the_demo_twice_adds_nothing(world):
    demo.seed(lambda message: None)
    counts = (Indicator.objects.count(), Observation.objects.count())

    demo.seed(lambda message: None)

    assert (Indicator.objects.count(), Observation.objects.count()) == counts


def test_the_demo_does_nothing_without_networks(db):
    messages = []

    demo.seed(messages.append)

    assert Indicator.objects.count() == 0 and messages == ["no networks; no indicators added"]
