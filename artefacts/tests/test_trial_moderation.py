"""Withdrawing and hiding “we tried this” responses: the services, the site's pages and the
Wagtail admin's list."""

import pytest

from django.db import IntegrityError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from artefacts import services
from artefacts.errors import ActionRefused, NotAllowed
from artefacts.factories import ArtefactTrialFactory
from artefacts.models import ArtefactTrial, TrialOutcome
from artefacts.selectors import trial_summary, trials_of
from core.accounts.factories import UserFactory
from core.notifications.models import Notification, OutboundEmail
from networks.engagement.models import Activity, ActivityKind

ANSWERS = {
    "context": "Two Year 4 classes at Pennine Primary, over half a term.",
    "outcome": TrialOutcome.PARTLY,
    "note": "Spoken feedback worked; the editing time was too short for our pupils.",
}
REASON = "It names a pupil: we never share pupils' names."


def record(artefact, by, **answers):
    trial, _ = services.record_trial(artefact=artefact, by=by, **{**ANSWERS, **answers})
    return trial


def hide(trial, by, reason=REASON):
    return services.hide_trial(artefact=trial.artefact, trial_id=trial.pk, by=by, reason=reason)


def withdraw(trial, by):
    services.withdraw_trial(artefact=trial.artefact, trial_id=trial.pk, by=by)


def withdraw_url(trial):
    return f"/artefacts/{trial.artefact_id}/tried/{trial.pk}/withdraw/"


def hide_url(trial):
    return f"/artefacts/{trial.artefact_id}/tried/{trial.pk}/hide/"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages]


def tried_activity():
    return Activity.objects.filter(kind=ActivityKind.TRIED)


@pytest.fixture
def artefact(make_artefact):
    return make_artefact(title="Live marking")


@pytest.fixture
def trial(world, artefact):
    """A response by a teacher in another network, recorded as the site does."""
    return record(artefact, world.other_member)


# --- Withdrawing: the service ------------------------------------------------------------------


def test_the_writer_withdraws_their_response_and_it_is_deleted(world, trial):
    withdraw(trial, world.other_member)

    assert not ArtefactTrial.objects.exists()


def test_a_withdrawn_response_no_longer_counts_on_the_artefact(world, artefact, trial):
    record(artefact, world.outsider)

    withdraw(trial, world.other_member)

    assert trial_summary(artefact)["people"] == 1
    assert [item.user for item in trials_of(artefact)] == [world.outsider]


def test_a_withdrawn_response_no_longer_counts_as_activity_in_the_network(world, trial):
    assert tried_activity().count() == 1

    withdraw(trial, world.other_member)

    assert not tried_activity().exists()


def test_nobody_withdraws_someone_elses_response(world, trial):
    with pytest.raises(NotAllowed, match="not yours to withdraw"):
        withdraw(trial, world.co_leader)

    assert ArtefactTrial.objects.filter(pk=trial.pk).exists()
    assert tried_activity().count() == 1


def test_withdrawing_an_unknown_response_is_refused(world, artefact):
    with pytest.raises(NotAllowed, match="not found"):
        services.withdraw_trial(artefact=artefact, trial_id=987654, by=world.other_member)


def test_a_hidden_response_cannot_be_withdrawn(world, trial):
    hide(trial, world.co_leader)

    with pytest.raises(ActionRefused, match="kept on record"):
        withdraw(trial, world.other_member)

    assert ArtefactTrial.objects.get(pk=trial.pk).is_hidden


def test_after_withdrawing_the_writer_may_say_they_tried_it_again(world, artefact, trial):
    withdraw(trial, world.other_member)

    again = record(artefact, world.other_member, note="Second go, in spring.")

    assert again.note == "Second go, in spring."
    assert trial_summary(artefact)["people"] == 1


# --- Hiding: the service -----------------------------------------------------------------------


def test_a_co_leader_hides_a_response_and_it_stays_on_record_with_who_and_why(world, trial):
    hide(trial, world.co_leader)

    stored = ArtefactTrial.objects.get(pk=trial.pk)
    assert stored.is_hidden
    assert stored.hidden_by == world.co_leader
    assert stored.hidden_reason == REASON
    assert stored.note == ANSWERS["note"]


def test_a_broker_hides_a_response(world, trial):
    hide(trial, world.broker)

    assert ArtefactTrial.objects.get(pk=trial.pk).hidden_by == world.broker


def test_a_hidden_response_no_longer_counts_on_the_artefact(world, artefact, trial):
    record(artefact, world.outsider, outcome=TrialOutcome.WORKED)

    hide(trial, world.co_leader)

    summary = trial_summary(artefact)
    assert (summary["people"], summary["partly"], summary["networks"]) == (1, 0, 0)
    assert [item.user for item in trials_of(artefact)] == [world.outsider]


def test_a_hidden_response_no_longer_counts_as_activity_in_the_network(world, trial):
    hide(trial, world.co_leader)

    assert not tried_activity().exists()


def test_the_writer_is_told_in_the_app_that_it_was_hidden_and_why(world, trial):
    Notification.objects.all().delete()
    OutboundEmail.objects.all().delete()

    hide(trial, world.co_leader)

    notification = Notification.objects.get()
    assert notification.recipient == world.other_member
    assert "hid your “we tried this” response to “Live marking”" in notification.message
    assert REASON in notification.message
    assert notification.url.endswith("#tried")
    assert not OutboundEmail.objects.exists()


def test_hiding_without_a_reason_is_refused_and_changes_nothing(world, trial):
    Notification.objects.all().delete()

    with pytest.raises(ActionRefused, match="Say why you are hiding it"):
        hide(trial, world.co_leader, reason="   ")

    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden
    assert not Notification.objects.exists()
    assert tried_activity().count() == 1


def test_hiding_with_too_long_a_reason_is_refused(world, trial):
    with pytest.raises(ActionRefused, match="200 characters or fewer"):
        hide(trial, world.co_leader, reason="x" * 201)

    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden


def test_hiding_is_refused_to_a_co_leader_of_another_network(world, trial):
    Notification.objects.all().delete()

    with pytest.raises(NotAllowed, match="you cannot hide it"):
        hide(trial, world.other_co_leader)

    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden
    assert not Notification.objects.exists()


def test_hiding_an_unknown_response_is_refused(world, artefact):
    with pytest.raises(NotAllowed, match="not found"):
        services.hide_trial(artefact=artefact, trial_id=987654, by=world.co_leader, reason=REASON)


def test_a_response_to_another_artefact_is_not_hidden_through_this_one(world, make_artefact, trial):
    other = make_artefact(title="Another artefact")

    with pytest.raises(NotAllowed):
        services.hide_trial(artefact=other, trial_id=trial.pk, by=world.co_leader, reason=REASON)

    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden


def test_hiding_a_response_twice_is_refused_and_tells_the_writer_once(world, trial):
    hide(trial, world.co_leader)

    with pytest.raises(ActionRefused, match="already hidden"):
        hide(trial, world.broker, reason="Another reason.")

    stored = ArtefactTrial.objects.get(pk=trial.pk)
    assert (stored.hidden_by, stored.hidden_reason) == (world.co_leader, REASON)
    assert Notification.objects.filter(recipient=world.other_member).count() == 1


def test_nobody_hides_their_own_response(world, artefact):
    own = record(artefact, world.broker)

    with pytest.raises(NotAllowed, match="withdraw it instead"):
        hide(own, world.broker)


def test_a_hidden_response_cannot_be_changed_by_its_writer(world, artefact, trial):
    hide(trial, world.co_leader)

    with pytest.raises(NotAllowed, match="hid your response"):
        record(artefact, world.other_member, note="Changed to get round the moderator.")

    stored = ArtefactTrial.objects.get(pk=trial.pk)
    assert stored.note == ANSWERS["note"]
    assert stored.is_hidden


def test_the_database_refuses_a_hidden_response_without_a_reason(world, trial):
    trial.hidden_at = timezone.now()

    with pytest.raises(IntegrityError):
        trial.save()


# --- The artefact page -------------------------------------------------------------------------


def test_the_writer_is_offered_to_withdraw_their_response_and_others_are_not(
    client, world, artefact, trial
):
    client.force_login(world.other_member)
    writer = client.get(artefact.url).content.decode()
    client.force_login(world.outsider)
    reader = client.get(artefact.url).content.decode()

    assert f'href="{withdraw_url(trial)}"' in writer
    assert withdraw_url(trial) not in reader


@pytest.mark.parametrize("who", ["co_leader", "broker", "admin"])
def test_moderators_are_offered_to_hide_each_response(client, world, artefact, trial, who):
    client.force_login(getattr(world, who))

    html = client.get(artefact.url).content.decode()

    assert f'href="{hide_url(trial)}"' in html


@pytest.mark.parametrize("who", ["anonymous", "outsider", "author", "member", "other_co_leader"])
def test_other_readers_are_not_offered_to_hide_responses(client, world, artefact, trial, who):
    if who != "anonymous":
        client.force_login(getattr(world, who))

    html = client.get(artefact.url).content.decode()

    assert hide_url(trial) not in html
    assert "Hide this response" not in html


@pytest.mark.parametrize("who", ["anonymous", "other_member", "co_leader"])
def test_a_hidden_response_disappears_from_the_page_for_everyone(
    client, world, artefact, trial, who
):
    hide(trial, world.co_leader)
    if who != "anonymous":
        client.force_login(getattr(world, who))

    html = client.get(artefact.url).content.decode()

    assert ANSWERS["note"] not in html
    assert "Nobody has said they tried it yet" in html


def test_a_hidden_response_no_longer_counts_on_the_cards(client, world, artefact, trial):
    record(artefact, world.outsider)
    hide(trial, world.co_leader)

    html = client.get("/artefacts/").content.decode()

    assert "Tried by 1 teacher" in html


def test_the_writer_sees_on_the_page_that_their_response_was_hidden_and_why(
    client, world, artefact, trial
):
    hide(trial, world.co_leader)
    client.force_login(world.other_member)

    html = client.get(artefact.url).content.decode()

    assert f"{escape(world.co_leader.display_name)} hid your response" in html
    assert "It names a pupil: we never share pupils&#x27; names." in html
    assert "Change what you said about trying it" not in html


def test_the_tried_form_sends_the_writer_of_a_hidden_response_back_with_a_message(
    client, world, artefact, trial
):
    hide(trial, world.co_leader)
    client.force_login(world.other_member)

    response = client.post(f"/artefacts/{artefact.pk}/tried/", ANSWERS)

    assert response.status_code == 302
    assert "can no longer be changed" in " ".join(messages_of(response))
    assert ArtefactTrial.objects.get(pk=trial.pk).is_hidden


# --- Withdrawing: the pages --------------------------------------------------------------------


def test_the_withdraw_page_asks_the_writer_to_confirm_and_deletes_nothing(client, world, trial):
    client.force_login(world.other_member)

    response = client.get(withdraw_url(trial))

    assert response.status_code == 200
    assert "Withdraw your response?" in response.content.decode()
    assert ArtefactTrial.objects.filter(pk=trial.pk).exists()


def test_confirming_withdraws_the_response_and_returns_to_the_artefact(
    client, world, artefact, trial
):
    client.force_login(world.other_member)

    response = client.post(withdraw_url(trial))

    assert response.status_code == 302
    assert response["Location"] == f"{artefact.url}#tried"
    assert "Your response is withdrawn" in " ".join(messages_of(response))
    assert not ArtefactTrial.objects.exists()


def test_withdrawing_needs_the_csrf_token(world, trial):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.other_member)

    response = client.post(withdraw_url(trial))

    assert response.status_code == 403
    assert ArtefactTrial.objects.filter(pk=trial.pk).exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_withdrawing_someone_elses_response_gives_a_message_not_an_error(
    client, world, artefact, trial, method
):
    client.force_login(world.outsider)

    response = getattr(client, method)(withdraw_url(trial))

    assert response.status_code == 302
    assert response["Location"] == f"{artefact.url}#tried"
    assert "not yours to withdraw" in " ".join(messages_of(response))
    assert ArtefactTrial.objects.filter(pk=trial.pk).exists()


def test_withdrawing_an_unknown_response_gives_a_message_not_an_error(client, world, artefact):
    client.force_login(world.other_member)

    response = client.post(f"/artefacts/{artefact.pk}/tried/987654/withdraw/")

    assert response.status_code == 302
    assert "not found" in " ".join(messages_of(response))


def test_withdrawing_from_an_artefact_you_cannot_see_is_not_found(client, world, make_artefact):
    artefact = make_artefact(visibility="network")
    trial = ArtefactTrialFactory(artefact=artefact, user=world.member)
    client.force_login(world.other_member)

    assert client.post(withdraw_url(trial)).status_code == 404
    assert ArtefactTrial.objects.filter(pk=trial.pk).exists()


def test_anonymous_people_are_asked_to_sign_in_to_withdraw(client, trial):
    response = client.post(withdraw_url(trial))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert ArtefactTrial.objects.filter(pk=trial.pk).exists()


def test_the_tried_form_offers_the_writer_to_withdraw(client, world, artefact, trial):
    client.force_login(world.other_member)

    html = client.get(f"/artefacts/{artefact.pk}/tried/").content.decode()

    assert f'href="{withdraw_url(trial)}"' in html


# --- Hiding: the pages -------------------------------------------------------------------------


def test_the_hide_form_shows_the_response_and_asks_why(client, world, trial):
    client.force_login(world.co_leader)

    response = client.get(hide_url(trial))

    assert response.status_code == 200
    html = response.content.decode()
    assert ANSWERS["note"] in html
    assert "Why you are hiding it" in html


def test_the_hide_form_hides_it_and_returns_to_the_artefact(client, world, artefact, trial):
    client.force_login(world.co_leader)

    response = client.post(hide_url(trial), {"reason": REASON})

    assert response.status_code == 302
    assert response["Location"] == f"{artefact.url}#tried"
    assert "has been told why" in " ".join(messages_of(response))
    assert ArtefactTrial.objects.get(pk=trial.pk).hidden_reason == REASON


def test_the_hide_form_without_a_reason_explains_and_hides_nothing(client, world, trial):
    client.force_login(world.co_leader)

    response = client.post(hide_url(trial), {"reason": ""})

    assert response.status_code == 400
    assert "Say why you are hiding it" in response.content.decode()
    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden


def test_the_hide_form_refuses_too_long_a_reason(client, world, trial):
    client.force_login(world.co_leader)

    response = client.post(hide_url(trial), {"reason": "x" * 201})

    assert response.status_code == 400
    assert "200 characters or fewer" in response.content.decode()
    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_hide_form_is_refused_with_a_message_to_someone_who_may_not_moderate(
    client, world, artefact, trial, method
):
    client.force_login(world.member)

    response = getattr(client, method)(hide_url(trial), {"reason": REASON})

    assert response.status_code == 302
    assert response["Location"] == f"{artefact.url}#tried"
    assert "you cannot hide it" in " ".join(messages_of(response))
    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden


def test_hiding_an_unknown_response_through_the_page_gives_a_message(client, world, artefact):
    client.force_login(world.co_leader)

    response = client.post(f"/artefacts/{artefact.pk}/tried/987654/hide/", {"reason": REASON})

    assert response.status_code == 302
    assert "not found" in " ".join(messages_of(response))


def test_hiding_an_already_hidden_response_through_the_page_says_so(client, world, trial):
    hide(trial, world.co_leader)
    client.force_login(world.broker)

    response = client.post(hide_url(trial), {"reason": "Another reason."})

    assert response.status_code == 302
    assert "already hidden" in " ".join(messages_of(response))
    assert ArtefactTrial.objects.get(pk=trial.pk).hidden_by == world.co_leader


# --- The Wagtail admin -------------------------------------------------------------------------

ADMIN_LIST = "/admin/artefact_trials/"


def admin_hide_url(trial):
    return f"{ADMIN_LIST}hide/{trial.pk}/"


def admin_inspect_url(trial):
    return f"{ADMIN_LIST}inspect/{trial.pk}/"


@pytest.fixture
def responses_in_both_networks(world, make_artefact):
    """One shown and one hidden response to an artefact of each network."""
    ours = make_artefact(title="Ours")
    theirs = make_artefact(title="Theirs", network=world.other_network, owner=world.other_member)
    trials = {
        "ours": record(ours, world.outsider, note="Ours, shown."),
        "theirs": record(theirs, world.outsider, note="Theirs, shown."),
    }
    hide(record(ours, world.other_member, note="Ours, hidden."), world.co_leader)
    hide(record(theirs, world.member, note="Theirs, hidden."), world.other_co_leader)
    return trials


@pytest.mark.parametrize("who", ["broker", "admin"])
def test_brokers_and_admins_see_every_response_in_the_admin(
    client, world, responses_in_both_networks, who
):
    client.force_login(getattr(world, who))

    html = client.get(ADMIN_LIST).content.decode()

    assert html.count("Hidden by") == 2
    for trial in ArtefactTrial.objects.all():
        assert admin_inspect_url(trial) in html
    for trial in responses_in_both_networks.values():
        assert admin_hide_url(trial) in html


@pytest.mark.parametrize("who", ["co_leader", "member"])
def test_network_roles_moderate_in_the_site_not_the_admin(
    client, world, responses_in_both_networks, who
):
    """Network roles have no admin access (tests/foundation/test_admin_door.py)."""
    ours = responses_in_both_networks["ours"]
    client.force_login(getattr(world, who))

    listing = client.get(ADMIN_LIST)
    inspect = client.get(admin_inspect_url(ours))
    hiding = client.post(admin_hide_url(ours), {"reason": REASON})

    assert listing.status_code == inspect.status_code == hiding.status_code == 302
    assert listing["Location"].startswith("/admin/login/")
    assert not ArtefactTrial.objects.get(pk=ours.pk).is_hidden


def test_a_broker_opens_a_response_in_the_admin_and_sees_who_hid_it_and_why(client, world, trial):
    hide(trial, world.co_leader)
    client.force_login(world.broker)

    html = client.get(admin_inspect_url(trial)).content.decode()

    assert ANSWERS["note"] in html
    assert escape(world.co_leader.display_name) in html
    assert "It names a pupil" in html


def test_a_broker_hides_a_response_from_the_admin(client, world, trial):
    client.force_login(world.broker)

    response = client.post(admin_hide_url(trial), {"reason": REASON})

    assert response.status_code == 302
    stored = ArtefactTrial.objects.get(pk=trial.pk)
    assert (stored.hidden_by, stored.hidden_reason) == (world.broker, REASON)
    assert Notification.objects.filter(recipient=world.other_member, url__endswith="#tried")


def test_the_admin_hide_form_requires_a_reason(client, world, trial):
    client.force_login(world.broker)

    response = client.post(admin_hide_url(trial), {"reason": " "})

    assert response.status_code == 400
    assert "Say why you are hiding it" in response.content.decode()
    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden


def test_the_admin_does_not_hide_a_response_twice(client, world, trial):
    hide(trial, world.co_leader)
    client.force_login(world.broker)

    response = client.post(admin_hide_url(trial), {"reason": "Another reason."})

    assert response.status_code == 302
    assert ArtefactTrial.objects.get(pk=trial.pk).hidden_by == world.co_leader


def test_nobody_edits_or_deletes_a_response_in_the_admin(client, world, trial):
    client.force_login(world.admin)

    edit = client.post(f"{ADMIN_LIST}edit/{trial.pk}/", {"outcome": TrialOutcome.WORKED})
    delete = client.post(f"{ADMIN_LIST}delete/{trial.pk}/")

    assert edit.status_code in (302, 403, 404)
    assert delete.status_code in (302, 403, 404)
    assert ArtefactTrial.objects.get(pk=trial.pk).outcome == TrialOutcome.PARTLY


@pytest.mark.parametrize("who", ["broker", "admin"])
def test_the_admin_list_runs_as_many_queries_with_10_responses_as_with_2(
    client, world, make_artefact, who
):
    def grow(count):
        for _ in range(count):
            artefact = make_artefact()
            ArtefactTrialFactory(artefact=artefact, user=UserFactory())

    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(ADMIN_LIST).status_code == 200
        return len(captured.captured_queries)

    client.force_login(getattr(world, who))
    grow(2)
    client.get(ADMIN_LIST)
    few = count_queries()
    grow(8)

    assert count_queries() == few


# --- Showing a hidden response again -----------------------------------------------------------


def restore(trial, by):
    return services.restore_trial(artefact=trial.artefact, trial_id=trial.pk, by=by)


def admin_restore_url(trial):
    return f"{ADMIN_LIST}restore/{trial.pk}/"


@pytest.fixture
def hidden_trial(world, trial):
    return hide(trial, world.co_leader)


def test_a_moderator_shows_a_hidden_response_again(world, hidden_trial):
    restore(hidden_trial, world.second_co_leader)

    stored = ArtefactTrial.objects.get(pk=hidden_trial.pk)
    assert not stored.is_hidden
    assert (stored.hidden_by, stored.hidden_reason) == (None, "")


def test_a_response_shown_again_counts_on_the_artefact_again(world, artefact, hidden_trial):
    restore(hidden_trial, world.broker)

    assert trial_summary(artefact)["people"] == 1
    assert [item.user for item in trials_of(artefact)] == [world.other_member]


def test_a_response_shown_again_counts_as_activity_from_when_it_was_written(world, hidden_trial):
    restore(hidden_trial, world.broker)

    activity = tried_activity().get()
    assert activity.user == world.other_member
    assert activity.occurred_at == ArtefactTrial.objects.get(pk=hidden_trial.pk).updated_at


def test_the_writer_is_told_in_the_app_that_their_response_shows_again(world, hidden_trial):
    Notification.objects.all().delete()

    restore(hidden_trial, world.broker)

    notification = Notification.objects.get()
    assert notification.recipient == world.other_member
    assert "showed your “we tried this” response to “Live marking” again" in notification.message


def test_the_audit_log_keeps_who_hid_a_response_and_who_showed_it_again(
    world, artefact, hidden_trial
):
    from wagtail.models import PageLogEntry

    restore(hidden_trial, world.broker)

    entries = PageLogEntry.objects.filter(page=artefact, action__startswith="artefacts.trial_")
    logged = [(entry.action, entry.user, entry.data.get("reason")) for entry in entries]
    assert sorted(logged, key=lambda row: row[0]) == [
        ("artefacts.trial_hidden", world.co_leader, REASON),
        ("artefacts.trial_restored", world.broker, None),
    ]


def test_showing_a_response_that_is_not_hidden_is_refused(world, trial):
    Notification.objects.all().delete()

    with pytest.raises(ActionRefused, match="not hidden"):
        restore(trial, world.co_leader)

    assert not Notification.objects.exists()


def test_showing_a_hidden_response_again_is_refused_to_a_co_leader_of_another_network(
    world, hidden_trial
):
    with pytest.raises(NotAllowed, match="cannot show it again"):
        restore(hidden_trial, world.other_co_leader)

    assert ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_showing_an_unknown_response_again_is_refused(world, artefact):
    with pytest.raises(NotAllowed, match="not found"):
        services.restore_trial(artefact=artefact, trial_id=987654, by=world.broker)


def test_the_admin_offers_to_show_hidden_responses_again(client, world, hidden_trial):
    client.force_login(world.broker)

    html = client.get(ADMIN_LIST).content.decode()

    assert admin_restore_url(hidden_trial) in html
    assert admin_hide_url(hidden_trial) not in html


def test_the_admin_asks_to_confirm_before_showing_a_response_again(client, world, hidden_trial):
    client.force_login(world.broker)

    response = client.get(admin_restore_url(hidden_trial))

    assert response.status_code == 200
    assert "It names a pupil" in response.content.decode()
    assert ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_a_broker_shows_a_response_again_from_the_admin(client, world, hidden_trial):
    client.force_login(world.broker)

    response = client.post(admin_restore_url(hidden_trial))

    assert response.status_code == 302
    assert not ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_a_co_leader_cannot_show_a_response_again_from_the_admin(client, world, hidden_trial):
    client.force_login(world.second_co_leader)

    assert client.post(admin_restore_url(hidden_trial)).status_code == 302
    assert ArtefactTrial.objects.get(pk=hidden_trial.pk).is_hidden


def test_the_admin_says_so_when_a_response_is_not_hidden(client, world, trial):
    client.force_login(world.broker)

    response = client.post(admin_restore_url(trial), follow=True)

    assert "That response is not hidden." in response.content.decode()
    assert not ArtefactTrial.objects.get(pk=trial.pk).is_hidden
