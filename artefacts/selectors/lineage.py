"""Where an artefact came from and where it went: the artefact it adapts, its adaptations, and
the networks someone may adapt it into."""

from ..models import (
    Visibility,
)
from .moderation import networks_to_write_in
from .visible import artefacts_visible_to, first_cards, with_card_data


def adapted_from_for(artefact, user):
    """The artefact this one adapts, if this person may read it (else None). At most one query."""
    if not artefact.adapted_from_id:
        return None
    return with_card_data(artefacts_visible_to(user).filter(pk=artefact.adapted_from_id)).first()


def adaptations_of(artefact, user, *, limit: int = 12) -> list:
    """Published adaptations of the artefact, from any network, that this person may read.

    One query; newest first.
    """
    return first_cards(artefacts_visible_to(user).filter(adapted_from=artefact), limit)


def networks_to_adapt_into(user, artefact):
    """The networks where the person may start an adaptation of the artefact.

    An artefact shared with its own network only is adapted in that network only.
    """
    networks = networks_to_write_in(user)
    if artefact.visibility == Visibility.NETWORK:
        networks = networks.filter(pk=artefact.network_id)
    return networks
