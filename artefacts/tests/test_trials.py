"""“We tried this”: recording, changing, validating and showing teachers' responses."""

import pytest

from django.core.exceptions import ValidationError

from artefacts import services
from artefacts.errors import ActionRefused, NotAllowed
from artefacts.models import ArtefactTrial, TrialOutcome
from core.notifications.models import Notification, OutboundEmail
from networks.engagement.models import Activity, ActivityKind
from networks.factories import MembershipFactory

ANSWERS = {
    "context": "Two Year 4 classes at Pennine Primary, over half a term.",
    "outcome": TrialOutcome.PARTLY,
    "note": "Spoken feedback worked; the editing time was too short for our pupils.",
}


def tried_url(artefact):
    return f"/artefacts/{artefact.pk}/tried/"


def record(artefact, by, **answers):
    return services.record_trial(artefact=artefact, by=by, **{**ANSWERS, **answers})


# --- The service -------------------------------------------------------------------------------


def test_a_teacher_from_another_network_records_that_they_tried_an_artefact(world, make_artefact):
    artefact = make_artefact()

    trial, created = record(artefact, world.other_member)

    assert created
    assert trial.network == world.other_network
    assert trial.school is not None
    assert trial.outcome == TrialOutcome.PARTLY
    assert trial.context == ANSWERS["context"]


def test_recording_again_changes_the_same_response(world, make_artefact):
    artefact = make_artefact()
    first, _ = record(artefact, world.other_member)

    second, created = record(artefact, world.other_member, outcome=TrialOutcome.WORKED)

    assert not created
    assert second.pk == first.pk
    assert ArtefactTrial.objects.get().outcome == TrialOutcome.WORKED


def test_the_first_response_tells_the_authors_in_the_app_and_by_email(
    world, make_artefact, django_capture_on_commit_callbacks, mailoutbox
):
    artefact = make_artefact(title="Live marking")

    with django_capture_on_commit_callbacks(execute=True):
        record(artefact, world.other_member)

    notification = Notification.objects.get(recipient=world.author)
    assert "tried “Live marking”: it partly worked" in notification.message
    assert notification.url.endswith("#tried")
    assert [message.to for message in mailoutbox] == [[world.author.email]]
    assert "the editing time was too short" in mailoutbox[0].body


def test_changing_a_response_does_not_tell_the_authors_again(world, make_artefact):
    artefact = make_artefact()
    record(artefact, world.other_member)

    record(artefact, world.other_member, note="Second term: it worked better.")

    assert Notification.objects.filter(recipient=world.author).count() == 1
    assert OutboundEmail.objects.filter(to=world.author.email).count() == 1


def test_trying_an_artefact_counts_as_activity_in_the_triers_network(world, make_artefact):
    artefact = make_artefact()

    record(artefact, world.other_member)
    record(artefact, world.other_member, outcome=TrialOutcome.WORKED)

    activity = Activity.objects.get(kind=ActivityKind.TRIED)
    assert (activity.user, activity.network) == (world.other_member, world.other_network)


def test_someone_in_no_network_records_a_response_without_activity(world, make_artefact):
    artefact = make_artefact()

    trial, _ = record(artefact, world.outsider)

    assert trial.network is None
    assert not Activity.objects.filter(kind=ActivityKind.TRIED).exists()


def test_someone_in_several_networks_must_say_which_one_they_tried_it_with(world, make_artefact):
    artefact = make_artefact()
    MembershipFactory(network=world.network, user=world.other_member)

    with pytest.raises(ActionRefused, match="Choose the network"):
        record(artefact, world.other_member)

    trial, _ = record(artefact, world.other_member, network=world.network)
    assert trial.network == world.network


def test_nobody_records_trying_it_with_a_network_they_do_not_belong_to(world, make_artefact):
    artefact = make_artefact()

    with pytest.raises(NotAllowed):
        record(artefact, world.other_member, network=world.network)

    assert not ArtefactTrial.objects.exists()


def test_authors_cannot_say_they_tried_their_own_artefact(world, make_artefact):
    artefact = make_artefact()

    with pytest.raises(NotAllowed):
        record(artefact, world.author)


def test_nobody_can_try_an_artefact_they_cannot_see(world, make_artefact):
    artefact = make_artefact(visibility="network")

    with pytest.raises(NotAllowed):
        record(artefact, world.other_member)

    assert not ArtefactTrial.objects.exists()


def test_nobody_can_try_a_draft(world, make_draft):
    artefact = make_draft()

    with pytest.raises(NotAllowed):
        record(artefact, world.other_member)


def test_an_unknown_outcome_is_refused_and_nothing_is_saved(world, make_artefact):
    artefact = make_artefact()

    with pytest.raises(ValidationError) as refused:
        record(artefact, world.other_member, outcome="brilliant")

    assert "outcome" in refused.value.message_dict
    assert not ArtefactTrial.objects.exists()
    assert not Notification.objects.exists()
    assert not Activity.objects.filter(kind=ActivityKind.TRIED).exists()


def test_a_blank_note_is_refused(world, make_artefact):
    artefact = make_artefact()

    with pytest.raises(ValidationError) as refused:
        record(artefact, world.other_member, note="   ")

    assert "note" in refused.value.message_dict


# --- The form ----------------------------------------------------------------------------------


def test_the_form_records_a_response_and_returns_to_the_artefact(client, world, make_artefact):
    artefact = make_artefact()
    client.force_login(world.other_member)

    response = client.post(tried_url(artefact), ANSWERS)

    assert response.status_code == 302
    assert response["Location"] == f"{artefact.url}#tried"
    assert ArtefactTrial.objects.get().user == world.other_member


def test_the_form_explains_what_is_missing_and_saves_nothing(client, world, make_artefact):
    artefact = make_artefact()
    client.force_login(world.other_member)

    response = client.post(tried_url(artefact), {"context": "", "note": ""})

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Say where and with whom you tried it." in html
    assert "Choose how it went." in html
    assert "Say what happened" in html
    assert not ArtefactTrial.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [{"outcome": "brilliant"}, {"note": "x" * 3001}, {"context": "x" * 501}],
    ids=["unknown outcome", "note too long", "context too long"],
)
def test_the_form_refuses_odd_input_with_an_error_not_a_crash(client, world, make_artefact, bad):
    artefact = make_artefact()
    client.force_login(world.other_member)

    response = client.post(tried_url(artefact), {**ANSWERS, **bad})

    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert not ArtefactTrial.objects.exists()


def test_the_form_starts_from_your_earlier_response(client, world, make_artefact):
    artefact = make_artefact()
    record(artefact, world.other_member, note="Our first go was rushed.")
    client.force_login(world.other_member)

    html = client.get(tried_url(artefact)).content.decode()

    assert "Our first go was rushed." in html
    assert "Change what you said about trying it" in html


def test_someone_in_several_networks_chooses_the_network_in_the_form(client, world, make_artefact):
    artefact = make_artefact()
    MembershipFactory(network=world.network, user=world.other_member)
    client.force_login(world.other_member)

    missing = client.post(tried_url(artefact), ANSWERS)
    chosen = client.post(tried_url(artefact), {**ANSWERS, "network": world.other_network.pk})

    assert missing.status_code == 400
    assert "Choose the network you tried it with." in missing.content.decode()
    assert chosen.status_code == 302
    assert ArtefactTrial.objects.get().network == world.other_network


def test_the_form_for_an_artefact_you_cannot_see_is_not_found(client, world, make_artefact):
    artefact = make_artefact(visibility="network")
    client.force_login(world.other_member)

    assert client.get(tried_url(artefact)).status_code == 404
    assert client.post(tried_url(artefact), ANSWERS).status_code == 404
    assert not ArtefactTrial.objects.exists()


def test_the_form_is_refused_to_the_artefacts_authors(client, world, make_artefact):
    artefact = make_artefact()
    client.force_login(world.author)

    assert client.post(tried_url(artefact), ANSWERS).status_code == 403


def test_anonymous_people_are_asked_to_sign_in_to_respond(client, make_artefact):
    artefact = make_artefact()

    response = client.get(tried_url(artefact))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- Showing them ------------------------------------------------------------------------------


def test_artefact_page_shows_the_responses_and_how_many_tried_it(client, world, make_artefact):
    artefact = make_artefact()
    record(artefact, world.other_member, note="Spoken feedback worked in Year 4.")
    record(artefact, world.outsider, outcome=TrialOutcome.DID_NOT_WORK, note="Too noisy.")

    html = client.get(artefact.url).content.decode()

    assert "Tried by 2 teachers</strong> in 1 network" in html
    assert "1 that it did not work" in html
    assert "Spoken feedback worked in Year 4." in html
    assert world.other_network.title in html
    assert "It did not work" in html


def test_artefact_page_invites_readers_who_may_respond(client, world, make_artefact):
    artefact = make_artefact()
    client.force_login(world.other_member)

    html = client.get(artefact.url).content.decode()

    assert f'href="{tried_url(artefact)}"' in html
    assert "We tried this: say how it went" in html


def test_artefact_page_asks_anonymous_readers_to_sign_in_to_respond(client, make_artefact):
    artefact = make_artefact()

    html = client.get(artefact.url).content.decode()

    assert "to say you tried it" in html
    assert f'href="{tried_url(artefact)}"' not in html


def test_artefact_cards_show_how_many_tried_it(client, world, make_artefact):
    artefact = make_artefact(title="Tried and tested")
    record(artefact, world.other_member)
    record(artefact, world.outsider)

    html = client.get("/artefacts/").content.decode()

    assert "Tried by 2 teachers" in html
