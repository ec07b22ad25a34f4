"""Following networks, themes and collections, and hearing about what is new in the app."""

import pytest

from django.contrib.auth.models import AnonymousUser

from artefacts.factories import ArtefactPageFactory
from artefacts.models import Visibility
from broker.factories import CollectionFactory
from broker.models import DigestPreference, Follow
from broker.services import collections as collection_services
from broker.services.follows import follow, tell_followers_about_artefact
from core.errors import ActionRefused, NotAllowed
from core.notifications.models import Notification


def test_following_twice_keeps_one_follow(world):
    follow(user=world.outsider, kind="network", target=world.network)
    follow(user=world.outsider, kind="network", target=world.network)

    assert Follow.objects.count() == 1


def test_a_signed_out_visitor_cannot_follow(world):
    with pytest.raises(NotAllowed, match="Sign in to follow"):
        follow(user=AnonymousUser(), kind="network", target=world.network)


def test_a_draft_collection_cannot_be_followed(world):
    with pytest.raises(ActionRefused, match="nothing like that to follow"):
        follow(user=world.outsider, kind="collection", target=CollectionFactory(published_at=None))


def test_followers_of_a_network_hear_about_its_new_artefact(world, make_artefact):
    follow(user=world.outsider, kind="network", target=world.network)
    artefact = make_artefact(title="Live marking")

    tell_followers_about_artefact(artefact_id=artefact.pk)

    notice = Notification.objects.get(recipient=world.outsider)
    assert "Live marking" in notice.message
    assert notice.url == artefact.url


def test_followers_who_may_not_read_a_network_only_artefact_are_not_told(world, make_artefact):
    follow(user=world.other_member, kind="network", target=world.network)
    follow(user=world.co_leader, kind="network", target=world.network)
    artefact = make_artefact(visibility=Visibility.NETWORK)

    tell_followers_about_artefact(artefact_id=artefact.pk)

    assert list(Notification.objects.values_list("recipient", flat=True)) == [world.co_leader.pk]


def test_followers_of_a_theme_hear_about_artefacts_on_it(world, theme, make_artefact):
    follow(user=world.outsider, kind="theme", target=theme)
    artefact = make_artefact(themes=[theme])

    assert tell_followers_about_artefact(artefact_id=artefact.pk) == 1


def test_nobody_is_told_twice_about_the_same_artefact(world, make_artefact):
    follow(user=world.outsider, kind="network", target=world.network)
    artefact = make_artefact()

    tell_followers_about_artefact(artefact_id=artefact.pk)
    tell_followers_about_artefact(artefact_id=artefact.pk)

    assert Notification.objects.filter(recipient=world.outsider).count() == 1


def test_people_who_turned_in_app_notices_off_are_not_told(world, make_artefact):
    follow(user=world.outsider, kind="network", target=world.network)
    DigestPreference.objects.create(user=world.outsider, in_app=False)

    assert tell_followers_about_artefact(artefact_id=make_artefact().pk) == 0


def test_the_authors_are_not_told_about_their_own_artefact(world, make_artefact):
    follow(user=world.member, kind="network", target=world.network)

    assert tell_followers_about_artefact(artefact_id=make_artefact(owner=world.member).pk) == 0


def test_publishing_an_artefact_tells_its_followers_after_commit(
    world, django_capture_on_commit_callbacks
):
    follow(user=world.outsider, kind="network", target=world.network)

    with django_capture_on_commit_callbacks(execute=True):
        ArtefactPageFactory(network=world.network, owner=world.member, title="Straight out")

    assert Notification.objects.get(recipient=world.outsider).message.endswith("“Straight out”")


def test_followers_of_a_collection_hear_about_an_item_they_may_read(
    world, make_artefact, django_capture_on_commit_callbacks
):
    collection = CollectionFactory()
    follow(user=world.outsider, kind="collection", target=collection)

    with django_capture_on_commit_callbacks(execute=True):
        collection_services.add_artefact(
            collection=collection, by=world.broker, artefact=make_artefact(), note="Why"
        )
        collection_services.add_artefact(
            collection=collection,
            by=world.broker,
            artefact=make_artefact(visibility=Visibility.NETWORK),
            note="Why",
        )

    assert Notification.objects.filter(recipient=world.outsider).count() == 1


def test_followers_of_a_theme_hear_about_a_new_collection_on_it(
    world, theme, django_capture_on_commit_callbacks
):
    follow(user=world.outsider, kind="theme", target=theme)
    collection = CollectionFactory(published_at=None, theme=theme, title="On feedback")

    with django_capture_on_commit_callbacks(execute=True):
        collection_services.publish_collection(collection=collection, by=world.broker)

    assert "On feedback" in Notification.objects.get(recipient=world.outsider).message


def test_a_reader_follows_a_network_from_its_profile(client, world):
    client.force_login(world.outsider)

    page = client.get(world.network.url).content.decode()
    client.post(
        "/following/follow/",
        {"kind": "network", "id": world.network.pk, "next": world.network.url},
    )

    assert "Follow Mersey Feedback Network" in page
    assert Follow.objects.get(user=world.outsider).network == world.network


def test_following_something_that_does_not_exist_says_so(client, world):
    client.force_login(world.outsider)

    response = client.post("/following/follow/", {"kind": "network", "id": "999999"}, follow=True)

    assert "There is nothing like that to follow." in response.content.decode()
    assert not Follow.objects.exists()


def test_the_preferences_page_turns_the_digest_off(client, world):
    client.force_login(world.outsider)

    client.post("/following/", {"in_app": "on"})

    preference = DigestPreference.objects.get(user=world.outsider)
    assert (preference.weekly_digest, preference.in_app) == (False, True)


def test_someone_can_stop_following_only_their_own_follows(client, world):
    mine = follow(user=world.outsider, kind="network", target=world.network)
    client.force_login(world.member)

    client.post(f"/following/{mine.pk}/stop/")

    assert Follow.objects.filter(pk=mine.pk).exists()
