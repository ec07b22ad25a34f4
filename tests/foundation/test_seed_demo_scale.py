"""`manage.py seed_demo --scale test`: the national loader's code path at a size the suite can
afford. The same code builds `--scale national` (150 networks, 100,000 artefacts ...)."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from artefacts.models import ArtefactPage, ArtefactTrial, Visibility
from core.accounts.demo import DEMO_PASSWORD
from core.accounts.models import User
from core.accounts.tests.helpers import is_signed_in, sign_in
from core.schools.models import School
from core.schools.year_groups import fits_phase
from networks.models import Membership, NetworkPage
from nlc.seeding.scales import TEST
from peer_review.models import ReviewCycle
from search.services import check_drift
from visits.models import VisitOffer

pytestmark = pytest.mark.django_db


def seed(scale="test") -> str:
    output = StringIO()
    call_command("seed_demo", scale=scale, no_progress=True, stdout=output, stderr=StringIO())
    return output.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)


def bulk_artefact(**filters) -> ArtefactPage:
    """The newest generated artefact (the demo's come first)."""
    return ArtefactPage.objects.filter(**filters).select_related("network").order_by("-pk")[0]


def test_it_reports_that_the_data_is_ready(seeded):
    assert "Test data is ready" in seeded


def test_it_builds_the_totals_of_its_scale(seeded):
    adaptations = ArtefactPage.objects.filter(adapted_from__isnull=False).count()

    assert {
        "networks": NetworkPage.objects.count(),
        "schools": School.objects.count(),
        "people": User.objects.count(),
        "artefacts": ArtefactPage.objects.count(),
        "responses": ArtefactTrial.objects.count() + adaptations,
        "visits": VisitOffer.objects.count(),
        "review_cycles": ReviewCycle.objects.count(),
    } == {
        "networks": TEST.networks,
        "schools": TEST.schools,
        "people": TEST.people,
        "artefacts": TEST.artefacts,
        "responses": TEST.responses,
        "visits": TEST.visits,
        "review_cycles": TEST.review_cycles,
    }


def test_a_tenth_of_the_artefacts_are_adaptations(seeded):
    assert ArtefactPage.objects.filter(adapted_from__isnull=False).count() == TEST.adaptations


def test_every_generated_person_belongs_to_a_network(seeded):
    in_a_network = Membership.objects.current().values("user_id")
    assert (
        not User.objects.filter(email__endswith="@schools.example.org")
        .exclude(pk__in=in_a_network)
        .exists()
    )


def test_the_page_tree_has_no_problems(seeded):
    assert Page.find_problems() == ([], [], [], [], [])


def test_generated_artefacts_sit_under_their_network(seeded):
    artefact = bulk_artefact()

    assert artefact.get_parent().pk == artefact.network_id
    assert artefact.url_path == f"{artefact.network.url_path}{artefact.slug}/"


def test_a_generated_artefact_has_a_live_revision_like_the_page(seeded):
    artefact = bulk_artefact()

    latest = artefact.get_latest_revision_as_object()

    assert artefact.live_revision_id == artefact.latest_revision_id
    assert (latest.title, latest.what_did_not_work) == (artefact.title, artefact.what_did_not_work)


def test_a_generated_public_artefact_page_renders_for_anyone(client, seeded):
    artefact = bulk_artefact(visibility=Visibility.PUBLIC, adapted_from__isnull=True)

    response = client.get(artefact.url)

    assert response.status_code == 200
    assert artefact.title in response.content.decode()


def test_a_generated_network_page_renders_with_its_people(client, seeded):
    network = NetworkPage.objects.order_by("-pk")[0]

    response = client.get(network.url)

    assert response.status_code == 200
    assert network.title in response.content.decode()


def test_search_finds_a_generated_artefact(client, seeded):
    artefact = bulk_artefact(visibility=Visibility.PUBLIC)

    response = client.get("/search/", {"q": f'"{artefact.title}"'})

    assert artefact.url in response.content.decode()


def test_the_admin_page_search_finds_a_generated_artefact(seeded):
    artefact = bulk_artefact()

    found = get_search_backend().search(artefact.title, ArtefactPage, operator="and")

    assert artefact.pk in {page.pk for page in found[:200]}


def test_the_search_index_is_in_step_with_the_pages(seeded):
    report = check_drift(include_database=True)

    assert report.database.clean, report.database


def test_a_generated_person_signs_in_with_the_demo_password(client, seeded):
    member = Membership.objects.filter(user__email__endswith="@schools.example.org").first()

    sign_in(client, member.user.email, DEMO_PASSWORD)

    assert is_signed_in(client)


def test_a_second_run_refuses_and_adds_nothing(seeded):
    before = (User.objects.count(), ArtefactPage.objects.count(), Page.objects.count())

    with pytest.raises(CommandError, match="builds on an empty database"):
        seed()

    assert (User.objects.count(), ArtefactPage.objects.count(), Page.objects.count()) == before


def test_generated_people_joined_after_their_network_began_and_wrote_after_joining(seeded):
    now = timezone.now()
    joins = {}
    for membership in Membership.objects.current().select_related("network"):
        assert membership.network.first_published_at <= membership.joined_at <= now
        joins[(membership.network_id, membership.user_id)] = membership.joined_at
    for artefact in ArtefactPage.objects.filter(owner__email__endswith="@schools.example.org"):
        assert joins[(artefact.network_id, artefact.owner_id)] <= artefact.first_published_at


def test_generated_responses_name_year_groups_their_school_teaches(seeded):
    for trial in ArtefactTrial.objects.select_related("school", "artefact"):
        assert fits_phase(trial.context, trial.school.phase if trial.school else "")
        assert trial.artefact.first_published_at <= trial.created_at
