"""The schools register and the GIAS upload in the Wagtail admin, through the test client."""

import pytest

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.accounts.factories import UserFactory
from core.schools.factories import ClosedSchoolFactory, SchoolFactory
from core.schools.models import School, SchoolImport

from .gias import HEADER, gias_csv, school

pytestmark = pytest.mark.django_db

INDEX = reverse("schools:index")
IMPORT = reverse("schools:import")
# Session, user (with the broker check), profile, count, locale, two for the sidebar, the status
# filter's choices (region and phase are core.vocabulary's) and the page of schools: none of
# them per school.
QUERIES_ON_REGISTER_PAGE = 9
# The same furniture, then the latest imports with their uploaders in one query.
QUERIES_ON_IMPORT_FORM = 7


def upload(client, data: bytes, name="edubasealldata20260101.csv", **extra):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data, "text/csv")}, **extra)


def test_admin_uploads_a_file_the_task_runs_and_the_result_page_shows_counts_and_bad_rows(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    data = gias_csv(
        [school(100001, "St Mary’s Primary School"), school("abc"), school(100003, status="Closed")]
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, data)

    school_import = SchoolImport.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("schools:import_detail", args=[school_import.pk])
    page = client.get(response.url).content.decode()
    assert "Done" in page
    assert '<th scope="row">Schools added</th><td>2</td>' in page
    assert '<th scope="row">Bad rows skipped</th><td>1</td>' in page
    assert "<tr><td>3</td><td>URN &#x27;abc&#x27; is not a number</td></tr>" in page
    assert School.objects.get(urn=100001).name == "St Mary’s Primary School"
    assert school_import.uploaded_by == admin_user


def test_import_waiting_to_run_shows_its_status_and_a_refresh_link(client, admin_user):
    client.force_login(admin_user)

    response = upload(client, gias_csv([school(100001)]))  # on_commit never runs in this test

    page = client.get(response.url).content.decode()
    assert "waiting to run" in page
    assert "Refresh" in page
    assert School.objects.count() == 0


def test_broker_can_upload(client, broker, django_capture_on_commit_callbacks):
    client.force_login(broker)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, gias_csv([school(100001)]))

    assert response.status_code == 302
    assert School.objects.filter(urn=100001).exists()


def test_ordinary_user_cannot_reach_the_upload_and_nothing_is_stored(client, ordinary_user):
    client.force_login(ordinary_user)

    response = upload(client, gias_csv([school(100001)]))

    assert response.status_code == 302
    assert "/admin/login/" in response.url
    assert SchoolImport.objects.count() == 0
    assert School.objects.count() == 0


def test_editor_with_admin_access_who_is_not_a_broker_is_refused(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = upload(client, gias_csv([school(100001)]), follow=True)

    assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert SchoolImport.objects.count() == 0
    assert client.get(INDEX).status_code == 302


def test_file_missing_a_column_is_refused_on_the_form_and_nothing_is_stored(client, admin_user):
    client.force_login(admin_user)

    response = upload(client, gias_csv([school(100001)], header=[n for n in HEADER if n != "URN"]))

    assert response.status_code == 200
    assert "missing required column: URN" in response.content.decode()
    assert SchoolImport.objects.count() == 0


def test_file_that_is_not_a_csv_is_refused_on_the_form(client, admin_user):
    client.force_login(admin_user)

    response = upload(client, b"%PDF-1.7\x00\x01", name="register.csv")

    assert "not a CSV text file" in response.content.decode()
    assert SchoolImport.objects.count() == 0


def test_file_without_a_csv_name_is_refused_on_the_form(client, admin_user):
    client.force_login(admin_user)

    response = upload(client, gias_csv([school(100001)]), name="register.xlsx")

    assert "Choose a CSV file" in response.content.decode()


def test_file_over_the_size_limit_is_refused_saying_the_limit(client, admin_user, settings):
    settings.SCHOOLS_IMPORT_MAX_BYTES = 1024
    client.force_login(admin_user)

    response = upload(client, gias_csv([school(100000 + n) for n in range(100)]))

    assert "the largest file you can import is 1.0\xa0KB" in response.content.decode()
    assert SchoolImport.objects.count() == 0


def test_failed_import_page_says_nothing_was_imported_and_why(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    school_import = SchoolImport.objects.create(
        original_name="old.csv", status=SchoolImport.Status.FAILED, failure="The file is empty."
    )

    page = client.get(reverse("schools:import_detail", args=[school_import.pk])).content.decode()

    assert "Nothing was imported." in page
    assert "The file is empty." in page


def test_register_lists_schools_and_offers_the_import_to_an_admin(client, admin_user):
    SchoolFactory(name="Oakfield Primary School")
    client.force_login(admin_user)

    page = client.get(INDEX).content.decode()

    assert "Oakfield Primary School" in page
    assert IMPORT in page


def test_register_filters_by_region_phase_and_status(client, admin_user):
    SchoolFactory(name="Kept School", region="London", phase="secondary")
    SchoolFactory(name="Other Region School", region="North West", phase="secondary")
    SchoolFactory(name="Other Phase School", region="London", phase="primary")
    ClosedSchoolFactory(name="Closed School", region="London", phase="secondary")
    client.force_login(admin_user)

    page = client.get(INDEX, {"region": "London", "phase": "secondary", "status": "Open"})

    names = {school.name for school in page.context["object_list"]}
    assert names == {"Kept School"}


def test_register_search_finds_a_school_by_urn_or_name(client, admin_user):
    SchoolFactory(urn=123456, name="Oakfield Primary School")
    SchoolFactory(urn=654321, name="Brookside School")
    client.force_login(admin_user)

    by_urn = client.get(INDEX, {"q": "123456"}).context["object_list"]
    by_name = client.get(INDEX, {"q": "brookside"}).context["object_list"]

    assert [school.urn for school in by_urn] == [123456]
    assert [school.urn for school in by_name] == [654321]


def test_register_offers_no_add_edit_or_delete(client, admin_user):
    school = SchoolFactory()
    client.force_login(admin_user)

    page = client.get(INDEX).content.decode()

    assert reverse("schools:add") not in page
    assert reverse("schools:edit", args=[school.pk]) not in page
    assert reverse("schools:inspect", args=[school.pk]) in page
    assert client.get(reverse("schools:edit", args=[school.pk])).status_code == 302


@pytest.mark.parametrize("count", [5, 50])
def test_register_page_runs_the_same_number_of_queries_for_5_or_50_schools(
    client, admin_user, django_assert_num_queries, count
):
    SchoolFactory.create_batch(count)
    client.force_login(admin_user)
    client.get(INDEX)  # warm per-process caches (content types, site)

    with django_assert_num_queries(QUERIES_ON_REGISTER_PAGE):
        client.get(INDEX)


def test_schools_menu_item_is_shown_to_a_broker_but_not_to_other_editors(client, broker):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))

    client.force_login(broker)
    broker_home = client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    editor_home = client.get(reverse("wagtailadmin_home")).content.decode()

    assert '"url": "/admin/schools/"' in broker_home
    assert '"url": "/admin/schools/"' not in editor_home


@pytest.mark.parametrize("count", [2, 12])
def test_import_form_runs_the_same_number_of_queries_for_2_or_12_earlier_imports(
    client, admin_user, django_assert_num_queries, count
):
    for _ in range(count):
        SchoolImport.objects.create(original_name="old.csv", uploaded_by=UserFactory())
    client.force_login(admin_user)
    client.get(IMPORT)

    with django_assert_num_queries(QUERIES_ON_IMPORT_FORM):
        response = client.get(IMPORT)

    assert response.content.decode().count("old.csv") == min(count, 10)
