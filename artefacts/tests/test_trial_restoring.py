"""Showing a hidden “we tried this” response again, in the site: the moderators of an artefact's
responses see the hidden ones on its page, each with a button that shows it again."""

import pytest

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape

from artefacts import permissions, services
from artefacts.factories import ArtefactTrialFactory
from artefacts.models import ArtefactTrial, TrialOutcome, Visibility
from artefacts.selectors import trial_summary
from core.notifications.models import Notification
from networks.engagement.models import Activity, ActivityKind
from networks.factories import ActiveNetworkFactory, MembershipFactory, SchoolFactory

ANSWERS = {
    "context": "Two Year 4 classes at Pennine Primary, over half a term.",
    "outcome": TrialOutcome.PARTLY,
    "note": "Spoken feedback worked; the editing time was too short for our pupils.",
}
REASON = "It names a pupil: we never share pupils' names."
SHOW_AGAIN = "Show this response again"


def restore_url(trial):
    return f"/artefacts/{trial.artefact_id}/tried/{trial.pk}/show-again/"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


@pytest.fixture
def artefact(make_artefact):
    return make_artefact(title="Live marking")


@pytest.fixture
def hidden_trial(world, artefact):
    """A response by a teacher in another network, recorded and hidden as the site does."""
    trial, _ = services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)
    return services.hide_trial(
        artefact=artefact, trial_id=trial.pk, by=world.co_leader, reason=REASON
    )


# --- Seeing the hidden responses on the artefact page ------------------------------------------


@pytest.mark.parametrize("who", ["co_leader", "second_co_leader", "broker", "admin"])
def test_moderators_see_each_hidden_response_with_who_hid_it_when_and_why(
    client, world, artefact, hidden_trial, who
):
    client.force_login(getattr(world, who))

    html = client.get(artefact.url).content.decode()

    assert "Hidden responses" in html
    assert escape(world.other_member.display_name) in html
    assert f"by {escape(world.co_leader.display_name)}." in html
    assert date_format(timezone.localtime(hidden_trial.hidden_at), "j F Y") in html
    assert "It names a pupil: we never share pupils&#x27; names." in html
    assert f'action="{restore_url(hidden_trial)}"' in html
    assert SHOW_AGAIN in html


@pytest.mark.parametrize(
    "who", ["anonymous", "outsider", "author", "member", "critical_friend", "other_co_leader"]
)
def test_nobody_else_sees_hidden_responses(client, world, artefact, hidden_trial, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))

    html = client.get(artefact.url).content.decode()

    assert "Hidden responses" not in html
    assert "It names a pupil" not in html
    assert restore_url(hidden_trial) not in html


def test_the_writer_sees_their_own_hidden_note_but_not_the_moderators_list(
    client, world, artefact, hidden_trial
):
    client.force_login(world.other_member)

    html = client.get(artefact.url).content.decode()

    assert f"{escape(world.co_leader.display_name)} hid your response" in html
    assert "Hidden responses" not in html
    assert SHOW_AGAIN not in html


def test_a_moderator_is_not_offered_to_show_their_own_hidden_response_again(
    client, world, artefact
):
    own = ArtefactTrialFactory(artefact=artefact, user=world.broker, hidden=True)
    client.force_login(world.broker)

    html = client.get(artefact.url).content.decode()

    assert "Hidden responses" in html
    assert restore_url(own) not in html


def test_moderators_see_no_hidden_list_when_nothing_is_hidden(client, world, artefact):
    services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)
    client.force_login(world.co_leader)

    html = client.get(artefact.url).content.decode()

    assert "Hidden responses" not in html


# --- Showing it again --------------------------------------------------------------------------


def test_a_co_leader_shows_a_response_again_and_it_shows_and_counts_again(
    client, world, artefact, hidden_trial
):
    client.force_login(world.co_leader)

    response = client.post(restore_url(hidden_trial))

    assert response.status_code == 302
    assert response["Location"] == f"{artefact.url}#tried"
    assert "The response shows again" in " ".join(messages_of(response))
    assert not ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden
    assert trial_summary(artefact)["people"] == 1
    assert Activity.objects.filter(kind=ActivityKind.TRIED, user=world.other_member).exists()
    html = client.get(artefact.url).content.decode()
    assert "Tried by 1 teacher" in html
    assert ANSWERS["note"] in html
    assert "Hidden responses" not in html


def test_the_writer_is_told_when_their_response_shows_again(client, world, hidden_trial):
    Notification.objects.all().delete()
    client.force_login(world.second_co_leader)

    client.post(restore_url(hidden_trial))

    notification = Notification.objects.get()
    assert notification.recipient == world.other_member
    assert "showed your “we tried this” response to “Live marking” again" in notification.message


@pytest.mark.parametrize("who", ["member", "author", "other_co_leader"])
def test_showing_again_is_refused_with_the_rules_message(
    client, world, artefact, hidden_trial, who
):
    client.force_login(getattr(world, who))

    response = client.post(restore_url(hidden_trial))

    assert response.status_code == 302
    assert response["Location"] == f"{artefact.url}#tried"
    assert messages_of(response) == [permissions.TRIAL_NOT_YOURS_TO_RESTORE]
    assert ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_showing_again_a_response_to_an_artefact_they_cannot_read_is_not_found(
    client, world, make_artefact
):
    private = make_artefact(visibility=Visibility.NETWORK)
    trial = ArtefactTrialFactory(artefact=private, user=world.critical_friend, hidden=True)
    client.force_login(world.other_co_leader)

    response = client.post(restore_url(trial))

    assert response.status_code == 404
    assert ArtefactTrial.objects.get(pk=trial.pk).is_hidden


def test_showing_again_asks_anonymous_visitors_to_sign_in(client, hidden_trial):
    response = client.post(restore_url(hidden_trial))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_showing_again_only_answers_a_post(client, world, hidden_trial):
    client.force_login(world.co_leader)

    response = client.get(restore_url(hidden_trial))

    assert response.status_code == 405
    assert ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_showing_again_needs_the_csrf_token(world, hidden_trial):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.co_leader)

    response = client.post(restore_url(hidden_trial))

    assert response.status_code == 403
    assert ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_showing_again_a_response_that_is_not_hidden_says_so(client, world, artefact):
    trial, _ = services.record_trial(artefact=artefact, by=world.other_member, **ANSWERS)
    client.force_login(world.co_leader)

    response = client.post(restore_url(trial))

    assert response.status_code == 302
    assert messages_of(response) == [permissions.TRIAL_NOT_HIDDEN]


def test_showing_again_an_unknown_response_gives_a_message(client, world, artefact):
    client.force_login(world.co_leader)

    response = client.post(f"/artefacts/{artefact.pk}/tried/987654/show-again/")

    assert response.status_code == 302
    assert messages_of(response) == [permissions.TRIAL_NOT_YOURS_TO_RESTORE]


# --- Query budget ------------------------------------------------------------------------------


def add_hidden_trials(artefact, count, *, by):
    """Hidden responses from teachers in as many different networks and schools."""
    for _ in range(count):
        membership = MembershipFactory(network=ActiveNetworkFactory(), school=SchoolFactory())
        ArtefactTrialFactory(
            artefact=artefact,
            user=membership.user,
            network=membership.network,
            school=membership.school,
            hidden=True,
            hidden_by=by,
        )


@pytest.mark.parametrize("who", ["co_leader", "broker"])
def test_artefact_page_runs_as_many_queries_with_5_hidden_responses_as_with_1(
    client, world, artefact, django_assert_num_queries, who
):
    client.force_login(getattr(world, who))
    add_hidden_trials(artefact, 1, by=world.second_co_leader)
    client.get(artefact.url)  # warm the site-root cache
    # Nothing kept with the page (core.pagecache.kept_with_page): count the sections' queries.
    caches[settings.PAGE_CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(artefact.url).status_code == 200
    with_one = len(captured.captured_queries)

    add_hidden_trials(artefact, 4, by=world.second_co_leader)

    caches[settings.PAGE_CACHE_ALIAS].clear()
    with django_assert_num_queries(with_one):
        html = client.get(artefact.url).content.decode()
    assert html.count(SHOW_AGAIN) == 5
