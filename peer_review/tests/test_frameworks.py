"""Frameworks: the default one ships with every install; a version in use can not change."""

import html

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

from core.accounts.factories import AdminFactory, BrokerFactory
from peer_review import services
from peer_review.models import Criterion, Framework, FrameworkVersion, RubricLevel, VersionInUse
from peer_review.models.frameworks import version_in_use_message


@pytest.mark.django_db
def test_a_fresh_install_has_the_default_framework_with_six_domains_and_four_levels():
    version = FrameworkVersion.objects.get(framework__slug="networked-learning")
    domains = [domain.title for domain in version.domains.all()]
    assert domains == [
        "Leadership of learning",
        "Collaborative enquiry",
        "Professional learning",
        "Pupil voice",
        "Impact on pupils",
        "How the network itself works",
    ]
    criteria = Criterion.objects.filter(domain__version=version)
    assert criteria.count() == 12
    for criterion in criteria:
        levels = list(criterion.levels.values_list("number", "label"))
        assert levels == [(1, "Emerging"), (2, "Developing"), (3, "Embedded"), (4, "Leading")]
        assert all(len(level.descriptor) > 40 for level in criterion.levels.all())


@pytest.mark.django_db
def test_loading_the_default_framework_again_adds_nothing():
    call_command("load_review_framework")
    assert Framework.objects.filter(slug="networked-learning").count() == 1
    assert (
        RubricLevel.objects.filter(
            criterion__domain__version__framework__slug="networked-learning"
        ).count()
        == 48
    )


def test_a_version_without_cycles_can_change(world):
    criterion = Criterion.objects.filter(domain__version=world.version).first()
    criterion.title = "Sharper title"
    criterion.save()
    assert Criterion.objects.get(pk=criterion.pk).title == "Sharper title"


def test_a_criterion_of_a_version_in_use_refuses_to_change(cycle):
    criterion = cycle.focus_criteria.first()
    criterion.title = "Changed after rating"
    with pytest.raises(VersionInUse, match="can no longer change"):
        criterion.save()
    assert Criterion.objects.get(pk=criterion.pk).title != "Changed after rating"


def test_a_rubric_level_of_a_version_in_use_refuses_to_change(cycle):
    level = RubricLevel.objects.filter(criterion__in=cycle.focus_criteria.all()).first()
    level.descriptor = "Something else"
    with pytest.raises(VersionInUse):
        level.save()


def test_a_version_in_use_refuses_to_be_deleted(cycle):
    with pytest.raises(VersionInUse):
        cycle.framework_version.delete()
    assert FrameworkVersion.objects.filter(pk=cycle.framework_version_id).exists()


def test_the_admin_form_shows_why_a_version_in_use_can_not_change(cycle):
    criterion = cycle.focus_criteria.first()
    with pytest.raises(ValidationError, match="Make a new version"):
        criterion.full_clean()


def test_a_new_version_copies_domains_criteria_and_levels_and_is_not_yet_ready(cycle):
    copy = services.copy_version(version=cycle.framework_version)
    assert copy.number == 2
    assert copy.ready is False
    old = list(
        Criterion.objects.filter(domain__version=cycle.framework_version).values_list(
            "code", flat=True
        )
    )
    new = list(Criterion.objects.filter(domain__version=copy).values_list("code", flat=True))
    assert new == old
    assert RubricLevel.objects.filter(criterion__domain__version=copy).count() == 4 * len(old)
    criterion = Criterion.objects.filter(domain__version=copy).first()
    criterion.title = "Edited in the new version"
    criterion.save()


def test_the_admin_refuses_to_delete_a_version_in_use(client, cycle):
    client.force_login(AdminFactory())
    url = reverse(
        "wagtailsnippets_peer_review_frameworkversion:delete", args=[cycle.framework_version_id]
    )
    response = client.post(url)
    assert response.status_code == 409
    assert b"can no longer change" in response.content
    assert FrameworkVersion.objects.filter(pk=cycle.framework_version_id).exists()


def test_a_broker_makes_a_new_version_from_the_admin(client, cycle):
    client.force_login(BrokerFactory(is_staff=False))
    url = reverse("peer_review_copy_version", args=[cycle.framework_version_id])
    assert client.get(url).status_code == 200
    response = client.post(url)
    copy = FrameworkVersion.objects.get(framework=cycle.framework_version.framework, number=2)
    assert response.status_code == 302
    assert response.url == reverse(
        "wagtailsnippets_peer_review_frameworkversion:edit", args=[copy.pk]
    )


def test_the_frameworks_appear_in_the_admin_for_a_broker(client, db):
    client.force_login(BrokerFactory())
    response = client.get(reverse("wagtailsnippets_peer_review_criterion:list"))
    assert response.status_code == 200


def _edit_form(client, model: str, pk: int):
    """The snippet editor's form as the browser would post it back."""
    url = reverse(f"wagtailsnippets_peer_review_{model}:edit", args=[pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, querydict_from_html(response.content.decode(), form_id="w-editor-form")


def test_the_admin_edit_form_saves_a_version_no_cycle_uses(client, world):
    client.force_login(AdminFactory())
    url, data = _edit_form(client, "frameworkversion", world.version.pk)
    data["notes"] = "Sharper wording before any cycle."

    response = client.post(url, data)

    assert response.status_code == 302
    world.version.refresh_from_db()
    assert world.version.notes == "Sharper wording before any cycle."


def test_the_admin_edit_form_refuses_to_change_a_version_in_use(client, cycle):
    client.force_login(AdminFactory())
    version = cycle.framework_version
    url, data = _edit_form(client, "frameworkversion", version.pk)
    data["notes"] = "Sharper wording after the first cycle."
    data["domains-0-title"] = "Renamed domain"

    response = client.post(url, data)

    assert response.status_code == 200
    assert version_in_use_message(version) in html.unescape(response.content.decode())
    version.refresh_from_db()
    assert version.notes != "Sharper wording after the first cycle."
    assert "Renamed domain" not in {domain.title for domain in version.domains.all()}


def test_the_admin_edit_form_refuses_to_change_a_criterion_of_a_version_in_use(client, cycle):
    client.force_login(AdminFactory())
    criterion = cycle.focus_criteria.first()
    url, data = _edit_form(client, "criterion", criterion.pk)
    data["title"] = "Changed after rating"
    data["levels-0-descriptor"] = "Something else"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Make a new version from it" in html.unescape(response.content.decode())
    criterion.refresh_from_db()
    assert criterion.title != "Changed after rating"
    assert "Something else" not in set(criterion.levels.values_list("descriptor", flat=True))
