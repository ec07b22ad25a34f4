"""Who may do what with the broker's work. Views, templates, services and the API ask here.

Each rule is a predicate `can_x(...) -> bool` with a companion `why_not_x(...) -> str | None`
giving the message a page, the admin or the API shows (None when it is allowed).

* Only national brokers curate collections, feature things on the home page, write evidence
  syntheses and send introductions between networks.
* A study-visit offer goes in a collection when it is listed on /visits/ (open or full) and the
  broker may read it (visits.permissions); never a private visit (a peer review's) nor one
  arranged between two networks.
* A published collection or synthesis is read by anyone; a draft by the brokers only.
* The spread of learning (aggregates over every network) is for the brokers and admins.
* A co-leader of either network answers an introduction, once per network.
* Anyone signed in follows networks, themes and collections.
"""

from django.http import Http404

from core.roles import is_admin, is_broker, is_signed_in
from networks.models import NetworkStatus
from networks.permissions import is_co_leader
from visits.permissions import why_not_view_offer

from .models import Collection, Introduction, Synthesis

ONLY_BROKERS = "Only the national brokers can do that."


def _verdict(why_not) -> bool:
    return why_not is None


# --- Curating --------------------------------------------------------------------------------


def why_not_curate(user) -> str | None:
    if not is_signed_in(user):
        return "Sign in as a national broker to curate collections."
    if not is_broker(user):
        return "Only the national brokers curate collections and the home page."
    return None


def can_curate(user) -> bool:
    return _verdict(why_not_curate(user))


def why_not_add_visit_offer(user, offer) -> str | None:
    """Put a study-visit offer in a collection (who, and which offers)."""
    reason = why_not_curate(user)
    if reason:
        return reason
    if offer is None:
        return "Give the address of a study-visit offer."
    if offer.private:
        return "This visit is private to its hosts and visitors: it cannot go in a collection."
    if offer.is_arranged:
        return "This visit was arranged between two networks: it cannot go in a collection."
    reason = why_not_view_offer(user, offer)
    if reason:
        return reason
    if not offer.is_listed:
        return (
            f"This offer is {offer.get_status_display().lower()}: only an offer open for booking "
            "(or full, with a waitlist) can be added."
        )
    return None


def can_add_visit_offer(user, offer) -> bool:
    return _verdict(why_not_add_visit_offer(user, offer))


def why_not_view_collection(user, collection) -> str | None:
    if collection.is_published or can_curate(user):
        return None
    return "This collection is a draft: only the national brokers can see it."


def can_view_collection(user, collection) -> bool:
    return _verdict(why_not_view_collection(user, collection))


def collection_or_404(user, slug) -> Collection:
    """The collection if this person may read it; the same 404 when it does not exist."""
    collection = Collection.objects.select_related("theme", "cover").filter(slug=slug).first()
    if collection is None or not can_view_collection(user, collection):
        raise Http404("No collection found.")
    return collection


# --- Syntheses -------------------------------------------------------------------------------


def why_not_write_synthesis(user) -> str | None:
    if not is_signed_in(user) or not is_broker(user):
        return "Only the national brokers write evidence syntheses."
    return None


def can_write_synthesis(user) -> bool:
    return _verdict(why_not_write_synthesis(user))


def why_not_view_synthesis(user, synthesis) -> str | None:
    if synthesis.is_published or can_write_synthesis(user):
        return None
    return "This synthesis is a draft: only the national brokers can see it."


def can_view_synthesis(user, synthesis) -> bool:
    return _verdict(why_not_view_synthesis(user, synthesis))


def synthesis_or_404(user, theme_slug) -> Synthesis:
    synthesis = Synthesis.objects.select_related("theme").filter(theme__slug=theme_slug).first()
    if synthesis is None or not can_view_synthesis(user, synthesis):
        raise Http404("No synthesis found.")
    return synthesis


# --- Reading what the broker reads -----------------------------------------------------------


def why_not_view_spread(user) -> str | None:
    if is_broker(user) or is_admin(user):
        return None
    return "Only the national brokers and administrators can see the spread of learning."


def can_view_spread(user) -> bool:
    return _verdict(why_not_view_spread(user))


# --- Introductions ---------------------------------------------------------------------------


def why_not_send_introduction(user, learner, source) -> str | None:
    if not is_signed_in(user) or not is_broker(user):
        return "Only the national brokers introduce networks to one another."
    if learner.pk == source.pk:
        return "Introduce a network to another network, not to itself."
    if not (learner.live and source.live):
        return "Both networks must be published."
    if NetworkStatus.CLOSED in (learner.status, source.status):
        return "A closed network cannot be introduced."
    return None


def can_send_introduction(user, learner, source) -> bool:
    return _verdict(why_not_send_introduction(user, learner, source))


def why_not_view_introduction(user, introduction) -> str | None:
    if is_broker(user) or is_admin(user):
        return None
    if is_co_leader(user, introduction.learner) or is_co_leader(user, introduction.source):
        return None
    return "Only the co-leaders of the two networks and the national brokers see this."


def can_view_introduction(user, introduction) -> bool:
    return _verdict(why_not_view_introduction(user, introduction))


def why_not_accept_introduction(user, introduction, network) -> str | None:
    side = introduction.side_of(network)
    if side is None or not is_co_leader(user, network):
        return "Only a co-leader of one of the two networks can accept the introduction."
    if network.status == NetworkStatus.CLOSED:
        return "The network has closed."
    if introduction.accepted_by_side(side):
        return f"{network.title} has accepted this introduction already."
    return None


def can_accept_introduction(user, introduction, network) -> bool:
    return _verdict(why_not_accept_introduction(user, introduction, network))


def introduction_or_404(user, introduction_id) -> Introduction:
    introduction = (
        Introduction.objects.select_related("learner", "source", "theme", "sent_by")
        .filter(pk=introduction_id)
        .first()
    )
    if introduction is None or not can_view_introduction(user, introduction):
        raise Http404("No introduction found.")
    return introduction


# --- Following -------------------------------------------------------------------------------


def why_not_follow(user) -> str | None:
    if not is_signed_in(user):
        return "Sign in to follow networks, themes and collections."
    return None


def can_follow(user) -> bool:
    return _verdict(why_not_follow(user))


__all__ = [
    "ONLY_BROKERS",
    "can_curate",
    "can_follow",
    "can_view_collection",
    "can_view_spread",
    "collection_or_404",
    "why_not_curate",
    "why_not_follow",
    "why_not_view_collection",
    "why_not_view_spread",
]
