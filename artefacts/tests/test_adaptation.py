"""Adapting an artefact: a new draft in the reader's network, linked to the original, that goes
through the usual moderation; and the lineage both pages show."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from artefacts import services
from artefacts.errors import InvalidAdaptation, NotAllowed
from artefacts.factories import sample_pdf
from artefacts.models import ArtefactPage, ModerationStatus
from artefacts.selectors import adaptations_of, adapted_from_for
from artefacts.tests.helpers import bring_schedule_forward, submitted
from artefacts.tests.helpers import publish_in_the_wagtail_editor as editor_publish
from core.notifications.models import Notification, OutboundEmail
from networks.factories import (
    ActiveNetworkFactory,
    CoLeaderFactory,
    MembershipFactory,
    ThemeFactory,
)

CHANGED = "<p>We used it with Year 8 in science, with shorter editing time.</p>"


def adapt_url(artefact):
    return f"/artefacts/{artefact.pk}/adapt/"


def adapt(original, by, network, **arguments):
    arguments.setdefault("what_we_changed", CHANGED)
    return services.adapt_artefact(original=original, network=network, by=by, **arguments)


def publish(artefact, *, author, reviewer):
    services.submit_artefact(artefact=artefact, by=author)
    services.approve_artefact(artefact=artefact, by=reviewer)
    artefact.refresh_from_db()
    return artefact


@pytest.fixture
def original(make_artefact, theme):
    return make_artefact(
        title="Live marking",
        themes=[theme],
        tags=["feedback"],
        evidence_of_impact="<p>Books showed more corrections.</p>",
        evidence_kind="observation",
        evidence_strength=3,
        documents=[sample_pdf()],
    )


# --- Starting one ------------------------------------------------------------------------------


def test_adapting_starts_a_draft_in_the_readers_network_linked_to_the_original(world, original):
    adaptation = adapt(original, world.other_member, world.other_network)

    assert adaptation.network == world.other_network
    assert adaptation.adapted_from == original
    assert not adaptation.live
    assert adaptation.moderation.status == ModerationStatus.DRAFT
    assert adaptation.owner == world.other_member
    assert adaptation.what_we_changed == CHANGED


def test_an_adaptation_copies_the_words_but_not_the_evidence_files_or_people(
    world, original, theme
):
    adaptation = adapt(original, world.other_member, world.other_network)

    assert adaptation.what_did_not_work == original.what_did_not_work
    assert list(adaptation.themes.all()) == [theme]
    assert [tag.name for tag in adaptation.tags.all()] == ["feedback"]
    assert adaptation.evidence_of_impact == ""
    assert adaptation.evidence_strength is None
    assert not adaptation.resources.raw_data
    assert [row.user for row in adaptation.contributors.all()] == [world.other_member]


def test_an_adaptation_must_say_what_changed_and_why(world, original):
    with pytest.raises(InvalidAdaptation) as refused:
        adapt(original, world.other_member, world.other_network, what_we_changed="<p> </p>")

    assert "what_we_changed" in refused.value.field_errors
    assert ArtefactPage.objects.filter(adapted_from=original).count() == 0


def test_an_adaptation_cannot_be_shared_more_widely_than_the_original(world, make_artefact):
    original = make_artefact(visibility="members")
    adaptation = adapt(original, world.other_member, world.other_network)

    with pytest.raises(InvalidAdaptation) as refused:
        services.save_draft(
            artefact=adaptation,
            by=world.other_member,
            base_revision_id=adaptation.latest_revision_id,
            fields={"visibility": "public"},
        )

    assert "visibility" in refused.value.field_errors
    assert adaptation.get_latest_revision_as_object().visibility == "members"


def test_an_adaptation_starts_with_the_originals_visibility(world, make_artefact):
    original = make_artefact(visibility="members")

    adaptation = adapt(original, world.other_member, world.other_network)

    assert adaptation.visibility == "members"


def test_a_network_only_artefact_is_adapted_in_its_own_network_only(world, make_artefact):
    original = make_artefact(visibility="network")
    MembershipFactory(network=world.other_network, user=world.member)

    with pytest.raises(NotAllowed):
        adapt(original, world.member, world.other_network)

    adaptation = adapt(original, world.member, world.network)
    assert adaptation.network == world.network


def test_an_all_rights_reserved_artefact_cannot_be_adapted(world, make_artefact):
    original = make_artefact(licence="all-rights-reserved")

    with pytest.raises(NotAllowed):
        adapt(original, world.other_member, world.other_network)


def test_an_adaptation_of_a_share_alike_artefact_keeps_its_licence(world, make_artefact):
    original = make_artefact(licence="cc-by-nc-sa-4.0")
    adaptation = adapt(original, world.other_member, world.other_network)

    with pytest.raises(InvalidAdaptation) as refused:
        services.save_draft(
            artefact=adaptation,
            by=world.other_member,
            base_revision_id=adaptation.latest_revision_id,
            fields={"licence": "cc-by-4.0"},
        )

    assert "licence" in refused.value.field_errors


def test_nobody_adapts_an_artefact_they_cannot_see(world, make_artefact):
    original = make_artefact(visibility="network")

    with pytest.raises(NotAllowed):
        adapt(original, world.other_member, world.other_network)


def test_nobody_adapts_into_a_network_where_they_may_not_write(world, original):
    with pytest.raises(NotAllowed):
        adapt(original, world.other_member, world.network)


def test_an_adaptation_goes_through_the_usual_moderation(world, original):
    adaptation = adapt(original, world.other_member, world.other_network)

    published = publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    assert published.live
    assert published.adapted_from == original
    assert [item.pk for item in adaptations_of(original, world.outsider)] == [published.pk]


# --- The lineage -------------------------------------------------------------------------------


@pytest.fixture
def published_adaptation(world, original):
    adaptation = adapt(original, world.other_member, world.other_network, title="Live marking KS3")
    return publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)


def test_the_adaptations_page_says_what_it_adapts_across_networks(
    client, world, original, published_adaptation
):
    html = client.get(published_adaptation.url).content.decode()

    assert "Adapted from" in html
    assert f'href="{original.url}"' in html
    assert world.network.title in html
    assert "What we changed and why" in html
    assert "with shorter editing time" in html


def test_the_originals_page_lists_its_published_adaptations(
    client, world, original, published_adaptation
):
    html = client.get(original.url).content.decode()

    assert "Adapted by" in html
    assert "Live marking KS3" in html
    assert world.other_network.title in html


def test_adapted_by_leaves_out_drafts(client, world, original):
    adapt(original, world.other_member, world.other_network, title="Still a draft")

    html = client.get(original.url).content.decode()

    assert "Still a draft" not in html


def test_adapted_by_leaves_out_adaptations_the_reader_may_not_see(world, make_artefact):
    original = make_artefact(visibility="members")
    adaptation = adapt(original, world.other_member, world.other_network, title="Pennine only")
    services.save_draft(
        artefact=adaptation,
        by=world.other_member,
        base_revision_id=adaptation.latest_revision_id,
        fields={"visibility": "network"},
    )
    publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    assert adaptations_of(original, world.outsider) == []
    assert [a.title for a in adaptations_of(original, world.other_co_leader)] == ["Pennine only"]


def test_adapted_from_is_hidden_when_the_reader_may_no_longer_see_the_original(
    client, original, published_adaptation
):
    original.unpublish()

    html = client.get(published_adaptation.url).content.decode()

    assert adapted_from_for(published_adaptation, AnonymousUser()) is None
    assert "Adapted from" not in html
    assert "Live marking</a>" not in html


def test_the_reviewer_sees_what_a_submitted_adaptation_adapts(client, world, original):
    adaptation = adapt(original, world.other_member, world.other_network)
    services.submit_artefact(artefact=adaptation, by=world.other_member)
    client.force_login(world.other_co_leader)

    html = client.get(f"/artefacts/{adaptation.pk}/").content.decode()

    assert f'Adapts <a href="{original.url}">Live marking</a>' in html


# --- The pages ---------------------------------------------------------------------------------


def test_readers_who_may_adapt_are_offered_it_on_the_artefact_page(client, world, original):
    client.force_login(world.other_member)

    html = client.get(original.url).content.decode()

    assert f'href="{adapt_url(original)}"' in html


def test_readers_who_may_not_adapt_are_not_offered_it(client, world, original):
    client.force_login(world.outsider)

    html = client.get(original.url).content.decode()

    assert adapt_url(original) not in html


def test_the_adapt_form_does_not_ask_which_network_of_someone_in_one(client, world, original):
    client.force_login(world.other_member)

    response = client.get(adapt_url(original))

    assert response.status_code == 200
    assert "Which network is adapting it" not in response.content.decode()
    assert world.other_network.title in response.content.decode()


def test_the_adapt_form_asks_someone_in_several_networks_which_one(client, world, original):
    CoLeaderFactory(network=world.other_network, user=world.member)
    client.force_login(world.member)

    html = client.get(adapt_url(original)).content.decode()

    assert "Which network is adapting it" in html
    assert world.network.title in html and world.other_network.title in html


def test_the_adapt_form_starts_the_draft_and_opens_it_for_editing(client, world, original):
    client.force_login(world.other_member)

    response = client.post(
        adapt_url(original),
        {"title": "Live marking in Year 8", "what_we_changed": "Shorter editing time."},
    )

    adaptation = ArtefactPage.objects.get(adapted_from=original)
    assert response.status_code == 302
    assert response["Location"] == f"/artefacts/{adaptation.pk}/edit/"
    assert adaptation.title == "Live marking in Year 8"
    assert adaptation.network == world.other_network


def test_the_adapt_form_requires_what_we_changed_and_saves_nothing(client, world, original):
    client.force_login(world.other_member)

    response = client.post(adapt_url(original), {"title": "Live marking", "what_we_changed": ""})

    assert response.status_code == 400
    assert "Say what you changed and why" in response.content.decode()
    assert not ArtefactPage.objects.filter(adapted_from=original).exists()


def test_the_adapt_form_refuses_a_network_it_did_not_offer(client, world, original):
    CoLeaderFactory(network=world.other_network, user=world.member)
    not_theirs = ActiveNetworkFactory()
    client.force_login(world.member)

    response = client.post(
        adapt_url(original), {"network": not_theirs.pk, "title": "X", "what_we_changed": "Y"}
    )

    assert response.status_code == 400
    assert not ArtefactPage.objects.filter(adapted_from=original).exists()


def test_the_adapt_form_for_an_artefact_you_cannot_see_is_not_found(client, world, make_artefact):
    original = make_artefact(visibility="network")
    client.force_login(world.other_member)

    assert client.get(adapt_url(original)).status_code == 404


def test_the_adapt_form_is_refused_to_someone_with_nowhere_to_write(client, world, original):
    client.force_login(world.outsider)

    assert client.get(adapt_url(original)).status_code == 403


def test_an_adaptation_without_what_we_changed_saves_as_a_draft_but_is_not_submitted(
    client, world, original
):
    adaptation = adapt(original, world.other_member, world.other_network)
    client.force_login(world.other_member)
    form = client.get(f"/artefacts/{adaptation.pk}/edit/").context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value not in (None, []) and not isinstance(value, list)
    }
    data.update(what_we_changed="", then="submit", artefact_type="case_study")

    response = client.post(f"/artefacts/{adaptation.pk}/edit/", data, follow=True)

    assert "Say what you changed and why" in response.content.decode()
    assert ArtefactPage.objects.get(pk=adaptation.pk).moderation.status == ModerationStatus.DRAFT


def test_the_edit_form_explains_that_an_adaptation_cannot_be_shared_more_widely(
    client, world, make_artefact
):
    original = make_artefact(visibility="members")
    adaptation = adapt(original, world.other_member, world.other_network)
    client.force_login(world.other_member)
    form = client.get(f"/artefacts/{adaptation.pk}/edit/").context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value not in (None, []) and not isinstance(value, list)
    }
    data.update(visibility="public", then="save")

    response = client.post(f"/artefacts/{adaptation.pk}/edit/", data)

    assert response.status_code == 400
    assert "cannot be shared more widely" in response.content.decode()
    assert adaptation.get_latest_revision_as_object().visibility == "members"


def test_an_adaptation_in_another_theme_is_still_listed_by_the_original(
    world, original, make_artefact
):
    other_theme = ThemeFactory(name="Transition")
    adaptation = adapt(original, world.other_member, world.other_network)
    services.save_draft(
        artefact=adaptation,
        by=world.other_member,
        base_revision_id=adaptation.latest_revision_id,
        fields={"themes": [other_theme]},
    )
    publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    assert len(adaptations_of(original, world.outsider)) == 1


def test_related_artefacts_leave_out_the_lineage_listed_apart(
    world, original, published_adaptation, make_artefact, theme
):
    from artefacts.selectors import related_artefacts

    make_artefact(title="A cousin", themes=[theme])

    assert [a.title for a in related_artefacts(original, world.outsider)] == ["A cousin"]
    assert "Live marking" not in [
        a.title for a in related_artefacts(published_adaptation, world.outsider)
    ]


# --- Telling the original's authors ------------------------------------------------------------


def notices_to(user):
    return (
        list(Notification.objects.filter(recipient=user).values_list("message", flat=True)),
        list(OutboundEmail.objects.filter(to=user.email).values_list("subject", "body_text")),
    )


def adaptation_notices_to(user) -> list[str]:
    messages, _ = notices_to(user)
    return [message for message in messages if "adapted your artefact" in message]


def republish(adaptation, *, author, reviewer, **fields):
    services.save_draft(
        artefact=adaptation,
        by=author,
        base_revision_id=ArtefactPage.objects.get(pk=adaptation.pk).latest_revision_id,
        fields=fields or {"title": adaptation.title + " (revised)"},
    )
    return publish(adaptation, author=author, reviewer=reviewer)


def test_publishing_an_adaptation_tells_the_originals_author_in_the_app_and_by_email(
    world, original, django_capture_on_commit_callbacks, mailoutbox
):
    adaptation = adapt(original, world.other_member, world.other_network, title="Live marking KS3")

    with django_capture_on_commit_callbacks(execute=True):
        publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    assert adaptation_notices_to(world.author) == [
        "Pennine Enquiry Network adapted your artefact “Live marking”: “Live marking KS3” is "
        "now published."
    ]
    sent = [message for message in mailoutbox if "adapted your artefact" in message.subject]
    assert [message.to for message in sent] == [[world.author.email]]
    assert "with shorter editing time" in sent[0].body
    assert adaptation.url in sent[0].body


def test_contributors_with_accounts_of_the_original_are_told_too(world, make_artefact):
    original = make_artefact(
        title="Live marking",
        contributors=[
            {"user": world.author, "name": world.author.display_name, "network": world.network},
            {"user": world.member, "name": world.member.display_name, "network": world.network},
            {"name": "A visiting researcher", "organisation": "Mersey University"},
        ],
    )
    adaptation = adapt(original, world.other_member, world.other_network)

    publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    assert len(adaptation_notices_to(world.author)) == 1
    assert len(adaptation_notices_to(world.member)) == 1


def test_publishing_a_new_revision_of_an_adaptation_does_not_tell_them_again(
    world, original, published_adaptation
):
    republish(published_adaptation, author=world.other_member, reviewer=world.other_co_leader)

    assert len(adaptation_notices_to(world.author)) == 1
    assert (
        OutboundEmail.objects.filter(
            to=world.author.email, subject__contains="adapted your artefact"
        ).count()
        == 1
    )


def test_authors_who_may_not_read_the_adaptation_are_not_told_and_its_title_does_not_leak(
    world, make_artefact
):
    original = make_artefact(title="Live marking", visibility="members")
    adaptation = adapt(original, world.other_member, world.other_network, title="Pennine only")
    services.save_draft(
        artefact=adaptation,
        by=world.other_member,
        base_revision_id=adaptation.latest_revision_id,
        fields={"visibility": "network"},
    )

    publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    messages, emails = notices_to(world.author)
    assert adaptation_notices_to(world.author) == []
    assert not any("Pennine only" in message for message in messages)
    assert not any("Pennine only" in subject + body for subject, body in emails)


def test_an_author_who_may_read_it_later_is_told_when_it_is_published_for_them(
    world, make_artefact
):
    original = make_artefact(title="Live marking", visibility="members")
    adaptation = adapt(original, world.other_member, world.other_network, title="Pennine only")
    services.save_draft(
        artefact=adaptation,
        by=world.other_member,
        base_revision_id=adaptation.latest_revision_id,
        fields={"visibility": "network"},
    )
    publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    republish(
        adaptation,
        author=world.other_member,
        reviewer=world.other_co_leader,
        visibility="members",
    )

    assert len(adaptation_notices_to(world.author)) == 1


def test_a_scheduled_adaptation_tells_them_when_it_is_published_not_when_approved(world, original):
    adaptation = adapt(original, world.other_member, world.other_network)
    services.submit_artefact(artefact=adaptation, by=world.other_member)
    services.approve_artefact(
        artefact=adaptation,
        by=world.other_co_leader,
        go_live_at=timezone.now() + timedelta(days=1),
    )
    assert adaptation_notices_to(world.author) == []

    bring_schedule_forward(adaptation)
    services.publish_due_artefacts()

    assert len(adaptation_notices_to(world.author)) == 1


def test_an_author_of_both_is_not_told_about_their_own_adaptation(world, original):
    MembershipFactory(network=world.other_network, user=world.author)
    adaptation = adapt(original, world.author, world.other_network)

    publish(adaptation, author=world.author, reviewer=world.other_co_leader)

    assert adaptation_notices_to(world.author) == []


def test_publishing_an_artefact_that_adapts_nothing_tells_nobody_about_adapting(world):
    artefact = submitted(world.network, world.author)

    services.approve_artefact(artefact=artefact, by=world.co_leader)

    assert not Notification.objects.filter(message__contains="adapted your artefact").exists()


def publish_in_the_wagtail_editor(client, adaptation, *, by):
    client.force_login(by)
    response = editor_publish(client, adaptation, **{"resources-count": "0"})
    assert response.status_code == 302, "the editor accepted the form and published"
    assert ArtefactPage.objects.get(pk=adaptation.pk).live


def test_an_adaptation_published_in_the_wagtail_editor_tells_the_originals_author(
    client, world, original, django_capture_on_commit_callbacks
):
    adaptation = adapt(original, world.other_member, world.other_network, title="Live marking KS3")

    with django_capture_on_commit_callbacks(execute=True):
        publish_in_the_wagtail_editor(client, adaptation, by=world.admin)

    assert adaptation_notices_to(world.author) == [
        "Pennine Enquiry Network adapted your artefact “Live marking”: “Live marking KS3” is "
        "now published."
    ]


def test_whoever_publishes_an_adaptation_in_the_wagtail_editor_is_not_told(
    client, world, make_artefact, django_capture_on_commit_callbacks
):
    original = make_artefact(title="The admin's own", owner=world.admin)
    adaptation = adapt(original, world.other_member, world.other_network)

    with django_capture_on_commit_callbacks(execute=True):
        publish_in_the_wagtail_editor(client, adaptation, by=world.admin)

    assert adaptation_notices_to(world.admin) == []


def test_an_adaptation_published_through_moderation_tells_each_author_once(
    world, original, django_capture_on_commit_callbacks
):
    adaptation = adapt(original, world.other_member, world.other_network)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(adaptation, author=world.other_member, reviewer=world.other_co_leader)

    assert callbacks, "publishing an adaptation enqueues the task after commit"
    assert len(adaptation_notices_to(world.author)) == 1


def test_telling_about_a_published_adaptation_twice_tells_nobody_twice(client, world, original):
    adaptation = adapt(original, world.other_member, world.other_network)
    publish_in_the_wagtail_editor(client, adaptation, by=world.admin)

    services.tell_about_published_adaptation(adaptation.pk)
    services.tell_about_published_adaptation(adaptation.pk)

    assert len(adaptation_notices_to(world.author)) == 1


def test_telling_about_an_adaptation_that_is_not_live_tells_nobody(world, original):
    adaptation = adapt(original, world.other_member, world.other_network)

    services.tell_about_published_adaptation(adaptation.pk)

    assert adaptation_notices_to(world.author) == []
