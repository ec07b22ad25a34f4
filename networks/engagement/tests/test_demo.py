from networks.engagement import demo
from networks.engagement.models import Activity
from networks.engagement.selectors import active_people_in_network


def test_the_demo_makes_some_people_active_in_the_last_90_days(world, members_joined_long_ago):
    demo.seed(lambda message: None)

    assert 0 < active_people_in_network(world.network) <= 4


def test_running_the_demo_twice_adds_nothing(world):
    demo.seed(lambda message: None)
    count = Activity.objects.count()

    demo.seed(lambda message: None)

    assert Activity.objects.count() == count


def test_the_demo_does_nothing_without_networks(db):
    messages = []

    demo.seed(messages.append)

    assert Activity.objects.count() == 0 and messages == ["no networks; no activity added"]
