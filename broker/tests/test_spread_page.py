"""The spread page: for the brokers; it shows the precomputed figures with a table beside the
picture."""

from datetime import timedelta

import pytest

from django.utils import timezone

from broker.models import SpreadSnapshot
from broker.services.spread import refresh_spread


@pytest.mark.parametrize("who", ["co_leader", "member", "outsider"])
def test_only_brokers_and_admins_see_the_spread(client, world, who):
    client.force_login(getattr(world, who))

    assert client.get("/broker/spread/").status_code == 403


def test_the_first_visit_counts_the_figures(client, world):
    client.force_login(world.broker)

    response = client.get("/broker/spread/")

    assert response.status_code == 200
    assert SpreadSnapshot.objects.count() == 1


def test_the_picture_of_the_network_of_networks_has_a_table_beside_it(client, world):
    refresh_spread()
    client.force_login(world.admin)

    html = client.get("/broker/spread/").content.decode()

    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert 'role="img"' in html
    assert "Who learned from whom" in html
    assert "Mersey Feedback Network" in html


def test_asking_to_count_again_makes_a_new_snapshot(
    client, world, django_capture_on_commit_callbacks
):
    refresh_spread()
    client.force_login(world.broker)

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/broker/spread/refresh/")

    assert SpreadSnapshot.objects.count() == 2


def test_only_the_last_five_snapshots_are_kept(world):
    for _ in range(7):
        refresh_spread()

    assert SpreadSnapshot.objects.count() == 5


def test_stale_figures_are_counted_again_once_however_many_visits(
    client, world, django_capture_on_commit_callbacks
):
    snapshot = refresh_spread(now=timezone.now() - timedelta(hours=3))
    client.force_login(world.broker)

    with django_capture_on_commit_callbacks(execute=True):
        client.get("/broker/spread/")
        client.get("/broker/spread/")

    assert SpreadSnapshot.objects.exclude(pk=snapshot.pk).count() == 1
