"""Writing and reading evidence syntheses."""

from datetime import timedelta

import pytest

from django.utils import timezone

from artefacts.factories import ArtefactTrialFactory
from artefacts.models import Visibility
from broker.models import Synthesis
from broker.services import syntheses as services
from core.accounts.factories import UserFactory
from core.errors import ActionRefused, NotAllowed

WORDS = {
    "title": "Feedback that moves learning on",
    "summary": "Spoken feedback in the lesson helped; written comments rarely did.",
    "narrative": "Networks in the north-west tried live marking [1].",
    "what_worked": "Feedback at the desk.",
    "what_did_not_work": "Feedback sheets, ignored after a month.",
}


@pytest.fixture
def synthesis(world, theme):
    return services.create_synthesis(
        by=world.broker, theme=theme, last_reviewed_on=timezone.localdate(), **WORDS
    )


def test_only_brokers_write_syntheses(world, theme):
    with pytest.raises(NotAllowed, match="Only the national brokers"):
        services.create_synthesis(
            by=world.co_leader, theme=theme, last_reviewed_on=timezone.localdate(), **WORDS
        )


def test_a_synthesis_must_say_what_did_not_work(world, theme):
    with pytest.raises(ActionRefused) as refusal:
        services.create_synthesis(
            by=world.broker,
            theme=theme,
            last_reviewed_on=timezone.localdate(),
            **{**WORDS, "what_did_not_work": " "},
        )

    assert "what_did_not_work" in refusal.value.field_errors


def test_the_review_date_cannot_be_in_the_future(world, theme):
    with pytest.raises(ActionRefused) as refusal:
        services.create_synthesis(
            by=world.broker,
            theme=theme,
            last_reviewed_on=timezone.localdate() + timedelta(days=1),
            **WORDS,
        )

    assert "last_reviewed_on" in refusal.value.field_errors


def test_a_theme_has_one_synthesis(world, theme, synthesis):
    with pytest.raises(ActionRefused, match="has a synthesis already"):
        services.create_synthesis(
            by=world.broker, theme=theme, last_reviewed_on=timezone.localdate(), **WORDS
        )


def test_a_synthesis_without_citations_cannot_be_published(world, synthesis):
    with pytest.raises(ActionRefused, match="Cite at least one artefact"):
        services.publish_synthesis(synthesis=synthesis, by=world.broker)


def test_the_published_page_shows_the_words_figures_and_review_date(
    client, world, theme, synthesis, make_artefact
):
    artefact = make_artefact(title="Live marking", themes=[theme])
    for _ in range(5):
        ArtefactTrialFactory(artefact=artefact, user=UserFactory(), outcome="worked")
    services.cite_artefact(synthesis=synthesis, by=world.broker, artefact=artefact)
    services.publish_synthesis(synthesis=synthesis, by=world.broker)

    html = client.get(f"/syntheses/{theme.slug}/").content.decode()

    assert "Feedback sheets, ignored after a month." in html
    assert "Evidence last reviewed" in html
    assert "Outcomes teachers reported (5 responses)" in html
    assert "Live marking" in html


def test_a_citation_the_reader_may_not_read_is_left_out(
    client, world, theme, synthesis, make_artefact
):
    services.cite_artefact(
        synthesis=synthesis, by=world.broker, artefact=make_artefact(title="Open evidence")
    )
    services.cite_artefact(
        synthesis=synthesis,
        by=world.broker,
        artefact=make_artefact(title="Network-only evidence", visibility=Visibility.NETWORK),
    )
    services.publish_synthesis(synthesis=synthesis, by=world.broker)
    client.force_login(world.other_member)

    html = client.get(f"/syntheses/{theme.slug}/").content.decode()

    assert "Open evidence" in html
    assert "Network-only evidence" not in html


def test_a_draft_synthesis_is_not_found_except_by_brokers(client, world, theme, synthesis):
    assert client.get(f"/syntheses/{theme.slug}/").status_code == 404
    client.force_login(world.broker)
    assert client.get(f"/syntheses/{theme.slug}/").status_code == 200


def test_an_unknown_theme_has_no_synthesis_page(client, db):
    assert client.get("/syntheses/no-such-theme/").status_code == 404


def test_a_broker_writes_a_synthesis_through_the_pages(client, world, theme):
    client.force_login(world.broker)

    response = client.post(
        "/broker/syntheses/new/",
        {"theme": theme.pk, "last_reviewed_on": timezone.localdate().isoformat(), **WORDS},
    )

    synthesis = Synthesis.objects.get()
    assert response["Location"] == f"/broker/syntheses/{synthesis.pk}/"


def test_a_co_leader_cannot_open_the_writing_pages(client, world):
    client.force_login(world.co_leader)

    assert client.get("/broker/syntheses/new/").status_code == 403
