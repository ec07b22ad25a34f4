"""Onboarding: after verifying their address a new person says who they are (name, role,
school from the register by name or URN), may skip it and come back, and sees what to do next."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.accounts.factories import TEST_PASSWORD, UserFactory
from core.accounts.models import UNNAMED, User, WorkRole
from core.schools.factories import ClosedSchoolFactory, SchoolFactory

from .helpers import link_in_last_email, sign_in

pytestmark = pytest.mark.django_db

NEWCOMER = "new.teacher@school.example.org"
ONBOARDING = "/accounts/welcome/"
REMINDER = "Tell colleagues who you are"


def sign_up(client, email: str = NEWCOMER):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": TEST_PASSWORD, "password2": TEST_PASSWORD},
        follow=True,
    )


def confirm(client, email: str = NEWCOMER):
    return client.post(link_in_last_email(email, "/accounts/confirm-email/"))


@pytest.fixture
def newcomer(db):
    return UserFactory(email=NEWCOMER, first_name="", last_name="")


@pytest.fixture
def school(db):
    return SchoolFactory(name="Brookside Primary School", urn=139876, town="Leeds")


def details(**changes) -> dict:
    return {
        "first_name": "Priya",
        "last_name": "Shah",
        "work_role": WorkRole.TEACHER,
        "school": "",
        "save": "1",
        **changes,
    }


def test_confirming_the_address_leads_through_sign_in_to_onboarding(client, mailoutbox):
    sign_up(client)

    response = confirm(client)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=%2Faccounts%2Fwelcome%2F"


def test_signing_in_after_confirming_lands_on_onboarding(client, mailoutbox):
    sign_up(client)
    login_page = confirm(client).url

    response = client.post(login_page, {"login": NEWCOMER, "password": TEST_PASSWORD})

    assert response.url == ONBOARDING


def test_a_signed_in_person_confirming_an_address_goes_straight_to_onboarding(
    client, newcomer, mailoutbox
):
    client.force_login(newcomer)
    client.post(reverse("account_email"), {"action_add": "", "email": "priya@example.org"})

    response = confirm(client, "priya@example.org")

    assert response.url == ONBOARDING


def test_a_person_who_finished_onboarding_is_not_sent_back_to_it(client, school, mailoutbox):
    person = UserFactory(work_role=WorkRole.TEACHER, school=school)
    client.force_login(person)
    client.post(reverse("account_email"), {"action_add": "", "email": "second@example.org"})

    response = confirm(client, "second@example.org")

    assert response.url != ONBOARDING


def test_onboarding_saves_name_role_and_the_school_found_by_name(client, newcomer, school):
    client.force_login(newcomer)

    response = client.post(ONBOARDING, details(school="Brookside"))

    assert response.url == reverse("accounts_onboarding_next")
    newcomer.refresh_from_db()
    assert (newcomer.display_name, newcomer.work_role, newcomer.school) == (
        "Priya Shah",
        WorkRole.TEACHER,
        school,
    )
    assert newcomer.has_finished_onboarding


def test_onboarding_finds_the_school_by_its_urn(client, newcomer, school):
    SchoolFactory(name="Brookside Academy")
    client.force_login(newcomer)

    client.post(ONBOARDING, details(school=" 139876 "))

    newcomer.refresh_from_db()
    assert newcomer.school == school


def test_find_school_lists_the_matches_and_keeps_what_was_typed(client, newcomer, school):
    other = SchoolFactory(name="Brookside High School", town="Bristol")
    client.force_login(newcomer)

    page = client.post(ONBOARDING, {**details(school="Brookside"), "find": "1"}).content.decode()

    assert "Brookside Primary School, Leeds (URN 139876)" in page
    assert f'value="{other.pk}"' in page
    assert 'value="Priya"' in page
    newcomer.refresh_from_db()
    assert newcomer.school is None


def test_choosing_one_of_several_matches_saves_that_school(client, newcomer, school):
    other = SchoolFactory(name="Brookside High School")
    client.force_login(newcomer)

    client.post(ONBOARDING, details(school="Brookside", school_choice=str(other.pk)))

    newcomer.refresh_from_db()
    assert newcomer.school == other


def test_several_matches_without_a_choice_ask_to_choose_and_keep_the_name(client, newcomer, school):
    SchoolFactory(name="Brookside High School")
    client.force_login(newcomer)

    page = client.post(ONBOARDING, details(school="Brookside")).content.decode()

    assert "More than one school matches “Brookside”: choose yours from the list." in page
    assert 'value="Priya"' in page and 'value="Shah"' in page
    newcomer.refresh_from_db()
    assert (newcomer.first_name, newcomer.school) == ("", None)


def test_a_wrong_urn_says_so_and_keeps_the_name(client, newcomer, school):
    client.force_login(newcomer)

    page = client.post(ONBOARDING, details(school="999999")).content.decode()

    assert "No school in the register has the URN 999999." in page
    assert 'value="Priya"' in page
    newcomer.refresh_from_db()
    assert newcomer.first_name == ""


def test_a_name_no_school_matches_says_so(client, newcomer, school):
    client.force_login(newcomer)

    page = client.post(ONBOARDING, details(school="Nowhere Academy")).content.decode()

    assert "No open school in the register matches “Nowhere Academy”." in page


def test_a_closed_school_is_refused(client, newcomer):
    closed = ClosedSchoolFactory(name="Old Mill School", urn=100200)
    client.force_login(newcomer)

    page = client.post(ONBOARDING, details(school=str(closed.urn))).content.decode()

    assert "Old Mill School is closed." in page
    newcomer.refresh_from_db()
    assert newcomer.school is None


def test_a_school_is_needed_unless_the_person_works_outside_schools(client, newcomer):
    client.force_login(newcomer)

    page = client.post(ONBOARDING, details()).content.decode()

    assert "Enter your school&#x27;s name or URN" in page
    newcomer.refresh_from_db()
    assert not newcomer.has_finished_onboarding


def test_someone_working_outside_schools_finishes_without_a_school(client, newcomer):
    client.force_login(newcomer)

    client.post(ONBOARDING, details(work_role=WorkRole.OUTSIDE))

    newcomer.refresh_from_db()
    assert newcomer.has_finished_onboarding and newcomer.school is None


def test_a_missing_name_is_refused_by_field(client, newcomer, school):
    client.force_login(newcomer)

    page = client.post(ONBOARDING, details(first_name="  ", school="139876")).content.decode()

    assert "There is a problem" in page
    assert "Enter your first name." in page
    newcomer.refresh_from_db()
    assert newcomer.school is None


def test_onboarding_asks_anonymous_visitors_to_sign_in(client, db):
    response = client.get(ONBOARDING)

    assert response.url.startswith(reverse("account_login"))


def test_a_person_who_skipped_is_reminded_on_their_own_pages(client, newcomer):
    client.force_login(newcomer)
    client.get(reverse("accounts_onboarding_next"))

    assert REMINDER in client.get(reverse("accounts_profile")).content.decode()
    assert REMINDER in client.get(reverse("notifications:list")).content.decode()


def test_the_reminder_is_not_on_every_page(client, newcomer):
    client.force_login(newcomer)

    assert REMINDER not in client.get("/networks/").content.decode()


def test_coming_back_the_form_holds_what_was_saved(client, school):
    person = UserFactory(first_name="Priya", work_role=WorkRole.LEADER, school=school)
    client.force_login(person)

    page = client.get(ONBOARDING).content.decode()

    assert 'value="Priya"' in page
    assert re.search(rf'name="school_choice" value="{school.pk}"[^>]*checked', page)
    assert re.search(r'name="work_role" value="leader"[^>]*checked', page)


def test_once_finished_the_reminder_goes(client, newcomer, school):
    client.force_login(newcomer)

    client.post(ONBOARDING, details(school="139876"))

    assert REMINDER not in client.get(reverse("accounts_profile")).content.decode()


def test_what_to_do_next_links_to_the_directory_and_to_proposing(client, newcomer):
    client.force_login(newcomer)

    page = client.get(reverse("accounts_onboarding_next")).content.decode()

    assert 'href="/networks/"' in page
    assert f'href="{reverse("networks:propose")}"' in page
    assert "Ask to join this network" in page


def test_a_person_without_a_name_is_not_shown_by_their_email(db):
    person = UserFactory(email="newteacher@example.org", first_name="", last_name="")

    assert person.display_name == UNNAMED
    assert "newteacher" not in str(person)


def test_a_named_person_is_shown_by_their_name(db):
    assert User(email="a@example.org", first_name="Ada", last_name="Lovelace").display_name == (
        "Ada Lovelace"
    )


def test_signing_in_with_a_password_still_works_after_onboarding(client, newcomer, school):
    client.force_login(newcomer)
    client.post(ONBOARDING, details(school="139876"))
    client.logout()

    sign_in(client, NEWCOMER, TEST_PASSWORD)

    assert "_auth_user_id" in client.session


def test_a_newcomer_signing_in_is_not_greeted_by_a_placeholder_name(client, newcomer):
    response = sign_in(client, NEWCOMER, TEST_PASSWORD)

    page = response.content.decode()
    assert "You are signed in." in page
    assert f"signed in as {UNNAMED}" not in page


def test_suggestions_list_matching_schools_as_labels(client, newcomer, school):
    client.force_login(newcomer)

    response = client.get(reverse("accounts_school_suggestions"), {"q": "brooks"})

    assert response.json() == {"schools": ["Brookside Primary School, Leeds (URN 139876)"]}


def test_suggestions_need_a_few_letters(client, newcomer, school):
    client.force_login(newcomer)

    response = client.get(reverse("accounts_school_suggestions"), {"q": "br"})

    assert response.json() == {"schools": []}


def test_a_chosen_suggestion_is_read_as_its_schools_urn(client, newcomer, school):
    SchoolFactory(name="Brookside Primary School", town="Bristol")
    client.force_login(newcomer)

    client.post(ONBOARDING, details(school="Brookside Primary School, Leeds (URN 139876)"))

    newcomer.refresh_from_db()
    assert newcomer.school == school


def test_finding_a_school_takes_the_same_queries_however_many_match(client, newcomer):
    client.force_login(newcomer)
    SchoolFactory(name="Riverside Primary School")

    def queries_to_find() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.post(ONBOARDING, {**details(school="Riverside"), "find": "1"})
        return len(queries)

    few = queries_to_find()
    SchoolFactory.create_batch(12, name="Riverside Academy")

    assert queries_to_find() == few


def test_a_number_too_long_for_a_urn_is_refused_with_a_message(client, newcomer):
    client.force_login(newcomer)

    response = client.post(ONBOARDING, details(school="9" * 30))

    assert response.status_code == 200
    assert f"No school in the register has the URN {'9' * 30}." in response.content.decode()
