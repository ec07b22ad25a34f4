"""Reads about artefacts, one module per activity; every list of artefacts, anywhere, starts
from artefacts_visible_to (selectors.visible). Each says how many queries it runs."""

from .files import StoredFile, pending_uploads, stored_document, stored_file_at, stored_image
from .lineage import adaptations_of, adapted_from_for, networks_to_adapt_into
from .moderation import (
    awaiting_review_by,
    drafts_of,
    moderation_history,
    moderation_of,
    networks_to_write_in,
    revisions_of,
    revisions_page,
)
from .trials import (
    hidden_trials_of,
    trial_by,
    trial_networks_for,
    trial_on,
    trial_summary,
    trials_moderated_by,
    trials_of,
)
from .visible import (
    CARD_FIELDS,
    FEED_LENGTH,
    artefacts_for_feed,
    artefacts_visible_to,
    behind_view_restriction,
    contributors_of,
    filter_artefacts,
    first_cards,
    network_artefacts,
    related_artefacts,
    themes,
    with_card_data,
)
from .writing import ArtefactFormOptions, artefact_form_options, tags_of

__all__ = [
    "pending_uploads",
    "ArtefactFormOptions",
    "CARD_FIELDS",
    "FEED_LENGTH",
    "StoredFile",
    "adaptations_of",
    "adapted_from_for",
    "artefact_form_options",
    "artefacts_for_feed",
    "artefacts_visible_to",
    "awaiting_review_by",
    "behind_view_restriction",
    "contributors_of",
    "drafts_of",
    "filter_artefacts",
    "first_cards",
    "hidden_trials_of",
    "moderation_history",
    "moderation_of",
    "network_artefacts",
    "networks_to_adapt_into",
    "networks_to_write_in",
    "related_artefacts",
    "revisions_of",
    "revisions_page",
    "stored_document",
    "stored_file_at",
    "stored_image",
    "tags_of",
    "themes",
    "trial_by",
    "trial_networks_for",
    "trial_on",
    "trial_summary",
    "trials_moderated_by",
    "trials_of",
    "with_card_data",
]
