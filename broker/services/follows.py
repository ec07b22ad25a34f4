"""Following, preferences, unsubscribing, and telling followers in the app."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from artefacts.models import ArtefactPage
from artefacts.permissions import author_ids, can_read_live_artefact
from core.errors import ActionRefused, refuse_unless
from core.notifications.services import notify
from networks.permissions import can_view_network
from visits.permissions import can_view_offer

from ..models import (
    FOLLOW_TARGETS,
    Collection,
    CollectionItem,
    DigestPreference,
    Follow,
    FollowNotice,
)
from ..permissions import can_follow, can_view_collection, why_not_follow
from ..tokens import user_id_from


def _may_see(user, kind: str, target) -> bool:
    if kind == "network":
        return can_view_network(user, target)
    if kind == "collection":
        return can_view_collection(user, target)
    return True  # themes are public vocabulary


@transaction.atomic
def follow(*, user, kind: str, target) -> Follow:
    """Follow a network, theme or collection (following it again changes nothing)."""
    refuse_unless(can_follow(user), why_not_follow(user) or "")
    if kind not in FOLLOW_TARGETS or target is None or not _may_see(user, kind, target):
        raise ActionRefused("There is nothing like that to follow.")
    existing = Follow.objects.filter(user=user, **{kind: target}).first()
    return existing or Follow.objects.create(user=user, **{kind: target})


@transaction.atomic
def unfollow(*, user, follow_id: int) -> None:
    refuse_unless(can_follow(user), why_not_follow(user) or "")
    Follow.objects.filter(user=user, pk=follow_id).delete()


@transaction.atomic
def set_preferences(*, user, weekly_digest: bool, in_app: bool) -> DigestPreference:
    refuse_unless(can_follow(user), why_not_follow(user) or "")
    preference, _ = DigestPreference.objects.update_or_create(
        user=user, defaults={"weekly_digest": weekly_digest, "in_app": in_app}
    )
    return preference


@transaction.atomic
def unsubscribe(*, token: str):
    """Stop the weekly digest of the person the token names; no sign-in. Returns that person.
    A token that is not valid raises ActionRefused and changes nothing."""
    user_id = user_id_from(token or "")
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        raise ActionRefused(
            "This unsubscribe link is not valid: it may have been copied only in part. Nothing "
            "has changed. Sign in and open “Following” to stop the weekly digest."
        )
    DigestPreference.objects.update_or_create(user=user, defaults={"weekly_digest": False})
    return user


# --- Telling followers -----------------------------------------------------------------------


def _in_app_wanted(followers):
    return followers.exclude(digest_preference__in_app=False).filter(is_active=True)


def _tell_once(users, *, key: str, message: str, url: str) -> int:
    told = 0
    for user in users:
        _, created = FollowNotice.objects.get_or_create(user=user, key=key)
        if created:
            notify(recipient=user, message=message[:300], url=url)
            told += 1
    return told


@transaction.atomic
def tell_followers_about_artefact(*, artefact_id: int) -> int:
    """Tell, in the app, the people following the artefact's network or one of its themes who
    may read it (its authors apart). Safe to run again: nobody is told twice."""
    artefact = ArtefactPage.objects.select_related("network").filter(pk=artefact_id).first()
    if artefact is None or not artefact.live or artefact.network is None:
        return 0
    theme_ids = list(artefact.themes.values_list("pk", flat=True))
    users = get_user_model().objects.filter(
        Q(follows__network=artefact.network) | Q(follows__theme__in=theme_ids)
    )
    users = _in_app_wanted(users).exclude(pk__in=author_ids(artefact)).distinct()
    readers = [user for user in users if can_read_live_artefact(user, artefact)]
    return _tell_once(
        readers,
        key=f"artefact:{artefact.pk}",
        message=f"New from {artefact.network.title}: “{artefact.title}”",
        url=artefact.url or "",
    )


@transaction.atomic
def tell_followers_about_collection(*, collection_id: int) -> int:
    """A collection was published: tell the people following its theme."""
    collection = Collection.objects.select_related("theme").filter(pk=collection_id).first()
    if collection is None or not collection.is_published or collection.theme is None:
        return 0
    users = _in_app_wanted(get_user_model().objects.filter(follows__theme=collection.theme))
    return _tell_once(
        users.distinct(),
        key=f"collection:{collection.pk}",
        message=f"A new collection on {collection.theme.name}: “{collection.title}”",
        url=collection.get_absolute_url(),
    )


def _may_read_item(user, item) -> bool:
    if item.artefact_id:
        return can_read_live_artefact(user, item.artefact)
    return can_view_offer(user, item.visit_offer)


@transaction.atomic
def tell_followers_about_item(*, item_id: int) -> int:
    """An artefact or a study-visit offer joined a published collection: tell its followers
    who may read it."""
    item = (
        CollectionItem.objects.select_related(
            "collection", "artefact__network", "visit_offer__network"
        )
        .filter(pk=item_id)
        .first()
    )
    if item is None or not item.collection.is_published:
        return 0
    users = _in_app_wanted(get_user_model().objects.filter(follows__collection=item.collection))
    readers = [user for user in users.distinct() if _may_read_item(user, item)]
    return _tell_once(
        readers,
        key=f"item:{item.pk}",
        message=f"Added to “{item.collection.title}”: “{item.target.title}”",
        url=item.collection.get_absolute_url(),
    )
