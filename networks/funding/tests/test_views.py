from datetime import date, timedelta
from decimal import Decimal

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.funding.factories import (
    FundingReceiptFactory,
    InKindContributionFactory,
    SpendingPlanRevisionFactory,
)
from networks.funding.models import LEARNING_REQUIRED, FundingReceipt, SpendingPlanRevision
from tests.world import world_built_once

# These tests only read the world: it is built once for the module.
world = world_built_once()
pytestmark = pytest.mark.django_db

LAST_MONTH = (date.today() - timedelta(days=30)).isoformat()


def url(name, network):
    return reverse(f"funding:{name}", kwargs={"network_slug": network.slug})


@pytest.fixture
def co_leader_client(client, world):
    client.force_login(world.co_leader)
    return client


def test_the_funding_form_renders_for_a_co_leader(co_leader_client, world):
    response = co_leader_client.get(url("record_funding", world.network))

    assert response.status_code == 200
    assert b'name="amount"' in response.content and b'name="received_on"' in response.content


def test_recording_funding_redirects_to_the_funding_records(co_leader_client, world):
    response = co_leader_client.post(
        url("record_funding", world.network),
        {"source": "Education endowment grant", "amount": "£2,500", "received_on": LAST_MONTH},
    )

    assert response.status_code == 302
    assert response["Location"] == url("overview", world.network)
    assert FundingReceipt.objects.get().amount == Decimal("2500")


def test_recording_funding_with_bad_input_shows_the_errors(co_leader_client, world):
    response = co_leader_client.post(
        url("record_funding", world.network),
        {"source": "", "amount": "lots", "received_on": "soon"},
    )

    assert response.status_code == 200
    assert b"There is a problem" in response.content
    assert b"Enter a number." in response.content and b"Enter a valid date." in response.content
    assert FundingReceipt.objects.count() == 0


def test_the_contribution_form_offers_only_current_member_schools(co_leader_client, world):
    response = co_leader_client.get(url("record_contribution", world.network))

    assert response.status_code == 200
    assert "Seaforth Primary School" in response.content.decode()
    assert "Wirral Grammar School" not in response.content.decode()


def test_a_contribution_from_a_school_outside_the_network_is_refused_by_the_form(
    co_leader_client, world
):
    response = co_leader_client.post(
        url("record_contribution", world.network),
        {
            "school": world.outside_school.pk,
            "kind": "staff_days",
            "quantity": "2",
            "description": "Release time",
            "contributed_on": LAST_MONTH,
        },
    )

    assert response.status_code == 200
    assert b"Choose one of the network&#x27;s current member schools." in response.content


def test_recording_a_contribution_redirects_to_the_funding_records(co_leader_client, world):
    response = co_leader_client.post(
        url("record_contribution", world.network),
        {
            "school": world.school.pk,
            "kind": "hosting",
            "quantity": "3",
            "unit": "sessions",
            "money_value": "450",
            "description": "Hosted three enquiry afternoons",
            "contributed_on": LAST_MONTH,
        },
    )

    assert response.status_code == 302


def test_the_first_plan_form_renders_without_the_learning_field(co_leader_client, world):
    response = co_leader_client.get(url("revise_plan", world.network))

    assert response.status_code == 200
    assert b"Write the spending plan" in response.content
    assert b'name="learning"' not in response.content


def test_a_revision_without_learning_shows_why_it_matters(co_leader_client, world):
    SpendingPlanRevisionFactory(network=world.network)

    response = co_leader_client.post(
        url("revise_plan", world.network),
        {"plan": "Fewer trios.", "lines": "Supply cover: 3000", "learning": "", "based_on": "1"},
    )

    assert response.status_code == 200
    assert LEARNING_REQUIRED.replace("'", "&#x27;") in response.content.decode()
    assert SpendingPlanRevision.objects.count() == 1


def test_a_revision_with_learning_redirects_to_the_funding_records(co_leader_client, world):
    SpendingPlanRevisionFactory(network=world.network)

    response = co_leader_client.post(
        url("revise_plan", world.network),
        {
            "plan": "Fewer trios, more time each.",
            "lines": "Supply cover: £3,000\nPupil researchers: 400",
            "learning": "One observation a term was too little to change practice.",
            "based_on": "1",
        },
    )

    assert response.status_code == 302
    assert SpendingPlanRevision.objects.order_by("-number").first().total == Decimal("3400")


def test_a_revision_on_top_of_someone_else_s_shows_the_conflict(co_leader_client, world):
    SpendingPlanRevisionFactory(network=world.network)
    SpendingPlanRevisionFactory(network=world.network, author=world.second_co_leader)

    response = co_leader_client.post(
        url("revise_plan", world.network),
        {"plan": "Trios.", "lines": "Cover: 1", "learning": "We learned.", "based_on": "1"},
    )

    assert response.status_code == 200
    assert b"Aisha Ahmed revised the plan (revision 2) while you were editing." in response.content


def test_a_member_who_is_not_a_co_leader_cannot_open_the_funding_form(client, world):
    client.force_login(world.member)

    assert client.get(url("record_funding", world.network)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, world):
    response = client.get(url("record_funding", world.network))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_closed_network_s_forms_redirect_with_a_message(co_leader_client, world, closed_network):
    response = co_leader_client.get(url("revise_plan", world.network), follow=True)

    assert response.redirect_chain[-1][0] == url("overview", world.network)
    assert b"has closed, so its funding records and spending plan are read-only" in response.content


def test_the_funding_records_are_shown_to_a_member(client, world):
    FundingReceiptFactory(network=world.network, note="For the summer conference")
    client.force_login(world.member)

    response = client.get(url("overview", world.network))

    assert response.status_code == 200
    assert b"For the summer conference" in response.content
    assert b"Record funding received" not in response.content


def test_the_funding_records_are_refused_to_an_outsider(client, world):
    client.force_login(world.outsider)

    assert client.get(url("overview", world.network)).status_code == 403


def test_the_funding_records_of_an_unknown_network_are_not_found(co_leader_client):
    response = co_leader_client.get(reverse("funding:overview", kwargs={"network_slug": "nowhere"}))

    assert response.status_code == 404


def test_the_profile_shows_the_public_the_totals_but_not_the_plan_history(client, world):
    FundingReceiptFactory(network=world.network, amount=Decimal("12000"), note="Private note")
    SpendingPlanRevisionFactory(network=world.network)
    SpendingPlanRevisionFactory(
        network=world.network, learning="Hosting had to rotate between schools."
    )

    content = client.get(world.network.url).content.decode()

    assert "£12,000" in content
    assert "Hosting had to rotate between schools." not in content
    assert 'class="plan-revision"' not in content
    assert "Private note" not in content
    assert url("overview", world.network) not in content


def test_the_profile_shows_members_the_plan_history(client, world):
    SpendingPlanRevisionFactory(network=world.network)
    SpendingPlanRevisionFactory(
        network=world.network, learning="Hosting had to rotate between schools."
    )
    client.force_login(world.member)

    content = client.get(world.network.url).content.decode()

    assert "Hosting had to rotate between schools." in content


def test_the_profile_hides_the_plan_history_from_another_networks_co_leader(client, world):
    SpendingPlanRevisionFactory(
        network=world.network, learning="Hosting had to rotate between schools."
    )
    client.force_login(world.other_co_leader)

    assert (
        "Hosting had to rotate between schools."
        not in client.get(world.network.url).content.decode()
    )


def test_the_profile_links_co_leaders_to_the_funding_records(co_leader_client, world):
    content = co_leader_client.get(world.network.url).content.decode()

    assert url("overview", world.network) in content


def add_funding_records(world, count):
    for _ in range(count):
        FundingReceiptFactory(network=world.network)
        InKindContributionFactory(network=world.network, school=world.school)
        SpendingPlanRevisionFactory(
            network=world.network, lines=[("Supply cover", "4800"), ("Hosting", "300")]
        )


def test_the_profile_section_runs_the_same_queries_for_2_or_20_revisions(
    co_leader_client, world, django_assert_num_queries
):
    add_funding_records(world, 2)
    co_leader_client.get(world.network.url)  # warm the per-process caches
    caches[settings.PAGE_CACHE_ALIAS].clear()  # read the section, not what the page cache kept
    with CaptureQueriesContext(connection) as few:
        co_leader_client.get(world.network.url)
    add_funding_records(world, 18)

    caches[settings.PAGE_CACHE_ALIAS].clear()  # read the section, not what the page cache kept
    with django_assert_num_queries(len(few)):
        response = co_leader_client.get(world.network.url)
    assert response.content.decode().count('class="plan-revision"') == 20


def test_the_funding_records_page_runs_the_same_queries_for_2_or_20_records(
    co_leader_client, world, django_assert_num_queries
):
    add_funding_records(world, 2)
    co_leader_client.get(url("overview", world.network))
    with CaptureQueriesContext(connection) as few:
        co_leader_client.get(url("overview", world.network))
    add_funding_records(world, 18)

    with django_assert_num_queries(len(few)):
        co_leader_client.get(url("overview", world.network))
