"""artefacts_visible_to: the one selector every list starts from."""

import pytest

from django.contrib.auth.models import AnonymousUser

from artefacts.selectors import artefacts_visible_to, network_artefacts, related_artefacts


@pytest.fixture
def catalogue(world, make_artefact, make_draft):
    return {
        "public": make_artefact(title="Public", visibility="public"),
        "members": make_artefact(title="Members", visibility="members"),
        "network": make_artefact(title="Network", visibility="network"),
        "other_network": make_artefact(
            title="Other network",
            visibility="network",
            network=world.other_network,
            owner=world.other_member,
        ),
        "draft": make_draft(title="Draft", visibility="public"),
    }


def titles(user) -> set[str]:
    return set(artefacts_visible_to(user).values_list("title", flat=True))


def test_anonymous_people_see_public_artefacts_only(catalogue):
    assert titles(AnonymousUser()) == {"Public"}


def test_signed_in_accounts_in_no_network_see_public_artefacts_only(world, catalogue):
    assert titles(world.outsider) == {"Public"}


def test_members_see_their_own_networks_network_only_artefacts(world, catalogue):
    assert titles(world.member) == {"Public", "Members", "Network"}


def test_critical_friends_see_their_networks_network_only_artefacts(world, catalogue):
    assert titles(world.critical_friend) == {"Public", "Members", "Network"}


def test_co_leaders_of_another_network_do_not_see_this_networks_network_only_artefacts(
    world, catalogue
):
    assert titles(world.other_co_leader) == {"Public", "Members", "Other network"}


def test_brokers_see_every_published_artefact(world, catalogue):
    assert titles(world.broker) == {"Public", "Members", "Network", "Other network"}


def test_admins_see_every_published_artefact(world, catalogue):
    assert titles(world.admin) == {"Public", "Members", "Network", "Other network"}


def test_former_members_of_every_network_lose_network_and_members_only_artefacts(world, catalogue):
    from django.utils import timezone

    from networks.models import Membership

    Membership.objects.filter(user=world.member).update(left_at=timezone.now())

    assert titles(world.member) == {"Public"}


def test_network_artefacts_lists_only_that_networks_visible_artefacts(world, catalogue):
    listed = {a.title for a in network_artefacts(world.network, world.other_co_leader)}

    assert listed == {"Public", "Members"}


def test_related_artefacts_share_a_theme_and_hide_what_the_reader_may_not_see(
    world, make_artefact, theme
):
    from networks.factories import ThemeFactory

    unrelated_theme = ThemeFactory(name="Transition")
    artefact = make_artefact(title="Reading", themes=[theme])
    make_artefact(title="Shares a theme", themes=[theme])
    make_artefact(title="Shares it, network only", themes=[theme], visibility="network")
    make_artefact(title="Another theme", themes=[unrelated_theme])

    related = {a.title for a in related_artefacts(artefact, world.outsider)}

    assert related == {"Shares a theme"}


def restrict(page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_an_artefact_behind_a_privacy_restriction_is_left_out_for_everyone(world, catalogue):
    restrict(catalogue["members"])

    assert titles(world.admin) == {"Public", "Network", "Other network"}


def test_a_privacy_restriction_on_a_network_page_leaves_out_all_its_artefacts(world, catalogue):
    restrict(world.network)

    assert titles(world.admin) == {"Other network"}


def test_a_privacy_restriction_on_another_network_leaves_these_artefacts_listed(world, catalogue):
    restrict(world.other_network)

    assert titles(world.admin) == {"Public", "Members", "Network"}


def test_one_person_asking_twice_gets_two_separate_lists(world, catalogue):
    first = artefacts_visible_to(world.member).filter(visibility="public")
    second = artefacts_visible_to(world.member)

    assert set(first.values_list("title", flat=True)) == {"Public"}
    assert set(second.values_list("title", flat=True)) == {"Public", "Members", "Network"}
