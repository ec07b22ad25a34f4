import pytest

from wagtail.models import PageLogEntry

from networks import services
from networks.factories import NetworkPageFactory, SchoolFactory, ThemeFactory
from networks.models import Membership, NetworkPage, NetworkSchool, NetworkStatus, Role

pytestmark = pytest.mark.django_db


def propose(by, **overrides):
    fields = {
        "title": "Mersey Learning Partnership",
        "purpose": "Marking eats evenings without changing what pupils do next.",
        "themes": [],
        "school": SchoolFactory(),
    }
    fields.update(overrides)
    return services.propose_network(by=by, **fields)


def test_proposed_network_is_live_and_forming(outsider):
    network = propose(outsider)
    network = NetworkPage.objects.get(pk=network.pk)
    assert network.live
    assert network.status == NetworkStatus.FORMING
    assert network.get_parent().specific_class.__name__ == "NetworkIndexPage"
    assert network.url == "/networks/mersey-learning-partnership/"


def test_proposer_becomes_first_co_leader_with_their_school(outsider):
    school = SchoolFactory()
    network = propose(outsider, school=school)
    membership = Membership.objects.get(network=network)
    assert (membership.user, membership.role, membership.school) == (
        outsider,
        Role.CO_LEADER,
        school,
    )


def test_proposers_school_joins_the_network_today(outsider):
    from django.utils import timezone

    school = SchoolFactory()
    network = propose(outsider, school=school)
    link = NetworkSchool.objects.get(network=network)
    assert (link.school, link.joined_on, link.left_on) == (school, timezone.localdate(), None)


def test_proposed_network_keeps_its_themes(outsider):
    themes = [ThemeFactory(name="Pupil voice"), ThemeFactory(name="Transition")]
    network = propose(outsider, themes=themes)
    assert set(NetworkPage.objects.get(pk=network.pk).themes.all()) == set(themes)


def test_proposal_is_in_the_audit_log(outsider):
    network = propose(outsider)
    assert PageLogEntry.objects.filter(
        page=network, action="networks.proposed", user=outsider
    ).exists()


def test_same_name_gets_a_distinct_slug(outsider):
    NetworkPageFactory(title="Mersey Learning Partnership")
    network = propose(outsider)
    assert network.slug == "mersey-learning-partnership-2"


@pytest.mark.parametrize("title", ["Propose", "Invitations"])
def test_reserved_paths_are_never_a_network_slug(outsider, title):
    network = propose(outsider, title=title)
    assert network.slug == f"{title.lower()}-2"


def test_closed_school_cannot_propose(outsider):
    school = SchoolFactory(is_open=False, status="Closed")
    with pytest.raises(services.ActionRefused, match="marked closed"):
        propose(outsider, school=school)
    assert not NetworkPage.objects.exists()


def test_empty_purpose_is_refused(outsider):
    with pytest.raises(services.ActionRefused, match="purpose"):
        propose(outsider, purpose="  ")
    assert not NetworkPage.objects.exists()


def test_anonymous_cannot_propose():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(services.NotAllowed):
        propose(AnonymousUser())
    assert not NetworkPage.objects.exists()
