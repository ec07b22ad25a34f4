"""A two-key proposal can say why: the reason is kept, shown beside the decision waiting on the
people page and written in the e-mail; an over-long one is refused beside its field."""

import pytest

from core.errors import ActionRefused
from core.notifications.models import OutboundEmail
from networks import services
from networks.models import Decision, DecisionKind
from networks.models.decisions import DECISION_REASON_MAX_LENGTH

pytestmark = pytest.mark.django_db

APPOINT = DecisionKind.APPOINT_CO_LEADER


def test_a_proposal_keeps_its_reason(network, co_leader):
    decision = services.propose_decision(
        network=network,
        kind=APPOINT,
        target=network.member_memberships[0],
        reason="  She has led our Year 5 trials all year.  ",
        by=co_leader,
    )

    assert Decision.objects.get(pk=decision.pk).reason == "She has led our Year 5 trials all year."


def test_the_e_mail_to_the_other_co_leader_gives_the_reason(network, co_leader, second_co_leader):
    services.propose_decision(
        network=network,
        kind=APPOINT,
        target=network.member_memberships[0],
        reason="She has led our Year 5 trials all year.",
        by=co_leader,
    )

    email = OutboundEmail.objects.get(to=second_co_leader.email)
    assert "Why: She has led our Year 5 trials all year." in email.body_text


def test_an_over_long_reason_is_refused_beside_its_field(network, co_leader):
    with pytest.raises(ActionRefused) as refusal:
        services.propose_decision(
            network=network,
            kind=APPOINT,
            target=network.member_memberships[0],
            reason="x" * (DECISION_REASON_MAX_LENGTH + 1),
            by=co_leader,
        )

    assert set(refusal.value.field_errors) == {"reason"}
    assert not Decision.objects.exists()


def test_the_people_page_proposes_with_a_reason_and_shows_it(
    client, network, co_leader, second_co_leader
):
    client.force_login(co_leader)
    client.post(
        f"/networks/{network.slug}/manage/decisions/propose/",
        {
            "kind": APPOINT,
            "target": network.member_memberships[0].pk,
            "reason": "She has led our Year 5 trials all year.",
        },
    )
    client.force_login(second_co_leader)

    html = client.get(f"/networks/{network.slug}/manage/").content.decode()

    assert "Why: She has led our Year 5 trials all year." in html
