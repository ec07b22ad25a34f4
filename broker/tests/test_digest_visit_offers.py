"""New study-visit offers in the weekly digest: open offers of followed networks (and themes)
that the recipient may see, and nothing else."""

from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone

from broker.factories import CollectionFactory
from broker.selectors.digests import digest_for
from broker.services.collections import add_visit_offer
from broker.services.digests import send_weekly_digests
from broker.services.follows import follow
from core.visibility import Visibility
from visits.factories import VisitRequestFactory
from visits.models import OfferStatus, VisitOffer
from visits.services.offers import close_offer, publish_offer


@pytest.fixture
def since():
    return timezone.now() - timedelta(days=7)


@pytest.fixture
def mersey_offers(world, make_offer):
    """Offers Mersey made this week, of every kind, and an open one from a month ago."""
    make_offer(title="New public visit")
    make_offer(title="New members visit", visibility=Visibility.MEMBERS)
    make_offer(title="New private visit", private=True, status=OfferStatus.CLOSED)
    make_offer(
        title="New arranged visit",
        from_request=VisitRequestFactory(
            from_network=world.other_network, to_network=world.network
        ),
    )
    make_offer(title="New draft", status=OfferStatus.DRAFT)
    make_offer(title="New but closed", status=OfferStatus.CLOSED)
    old = make_offer(title="Old visit")
    month_ago = timezone.now() - timedelta(days=30)
    VisitOffer.objects.filter(pk=old.pk).update(created_at=month_ago, opened_at=month_ago)


def _titles(user, since) -> set[str]:
    return {offer.title for offer in digest_for(user, since=since).visit_offers}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("outsider", {"New public visit"}),  # in no network: members only is for members
        ("other_member", {"New public visit", "New members visit"}),
        ("member", {"New public visit", "New members visit"}),
        ("co_leader", {"New public visit", "New members visit"}),
        ("broker", {"New public visit", "New members visit"}),
    ],
)
def test_the_digest_holds_new_open_offers_of_followed_networks_the_reader_may_see(
    world, mersey_offers, since, who, expected
):
    reader = getattr(world, who)
    follow(user=reader, kind="network", target=world.network)

    assert _titles(reader, since) == expected


def test_offers_of_networks_not_followed_are_not_in_the_digest(world, make_offer, since):
    follow(user=world.member, kind="network", target=world.network)
    make_offer(title="Pennine's visit", network=world.other_network)

    assert _titles(world.member, since) == set()


def test_new_offers_on_a_followed_theme_are_in_the_digest(world, theme, make_offer, since):
    follow(user=world.other_member, kind="theme", target=theme)
    make_offer(title="On the theme", theme=theme)
    make_offer(title="Off the theme")

    assert _titles(world.other_member, since) == {"On the theme"}


def test_a_draft_written_a_month_ago_and_opened_this_week_is_new(world, make_offer, since):
    follow(user=world.member, kind="network", target=world.network)
    draft = make_offer(title="Drafted long ago", status=OfferStatus.DRAFT)
    VisitOffer.objects.filter(pk=draft.pk).update(created_at=timezone.now() - timedelta(days=30))

    publish_offer(offer=draft, by=world.co_leader)

    assert _titles(world.member, since) == {"Drafted long ago"}


def test_an_offer_closed_and_opened_again_is_not_new_again(world, make_offer, since):
    follow(user=world.member, kind="network", target=world.network)
    offer = make_offer(title="Reopened")
    VisitOffer.objects.filter(pk=offer.pk).update(opened_at=timezone.now() - timedelta(days=30))
    offer.refresh_from_db()

    close_offer(offer=offer, by=world.co_leader)
    publish_offer(offer=offer, by=world.co_leader)

    assert _titles(world.member, since) == set()


def test_the_digest_e_mail_lists_the_new_offers(
    world, mersey_offers, django_capture_on_commit_callbacks
):
    follow(user=world.other_member, kind="network", target=world.network)

    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests()

    (message,) = mail.outbox
    assert "New study visits open for booking" in message.body
    assert "New public visit" in message.body
    assert "New members visit" in message.body
    assert "New private visit" not in message.body
    assert "Old visit" not in message.body


def test_an_offer_added_to_a_followed_collection_is_in_the_digest(world, make_offer, since):
    collection = CollectionFactory()
    follow(user=world.outsider, kind="collection", target=collection)
    for title, visibility in (("Public one", Visibility.PUBLIC), ("Members one", "members")):
        add_visit_offer(
            collection=collection,
            by=world.broker,
            offer=make_offer(title=title, visibility=visibility),
            note="Go.",
        )

    items = digest_for(world.outsider, since=since).items

    assert [item.target.title for item in items] == ["Public one"]
