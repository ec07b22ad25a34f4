"""Which published artefacts a person may read, and the lists made from them. Every list of
artefacts, anywhere, starts from artefacts_visible_to."""

from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Substr

from wagtail.models import Page, PageViewRestriction

from core.roles import is_admin, is_broker
from networks.models import Theme
from networks.permissions import current_network_ids

from ..models import (
    ArtefactContributor,
    ArtefactPage,
    ArtefactTrial,
    ArtefactType,
    Visibility,
)

FEED_LENGTH = 50


def behind_view_restriction():
    """True for a page with a Wagtail privacy restriction on itself or an ancestor.

    The same rule as Wagtail's PageQuerySet.public(), but as a subquery of the query it filters
    instead of a query of its own first: a restricted page's path is a prefix of its
    descendants' paths.
    """
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
        )
    )


def artefacts_visible_to(user):
    """The published artefacts this person may read, newest first. One query however used.

    Public ones for anyone; members-only ones for current members of any network; network-only
    ones for the current members of their network; every one for national brokers and admins
    (artefacts.permissions.visibility_allows, in SQL). Pages behind a
    Wagtail privacy restriction are left out for everyone (search never indexes them either).

    A page asks this several times (related, lineage, sections): the unevaluated query is built
    once per user object and each caller gets its own copy.
    """
    memo = getattr(user, "__dict__", None)
    if memo is None:
        return _build_artefacts_visible_to(user)
    if "_artefacts_visible_to" not in memo:
        memo["_artefacts_visible_to"] = _build_artefacts_visible_to(user)
    return memo["_artefacts_visible_to"].all()


PUBLIC_AUDIENCE = "public"
WHOLE_AUDIENCE = "all"


def reader_audience(user) -> str:
    """Who this person reads as: two people with the same audience may read the same
    artefacts (artefacts_visible_to), so what is worked out for one can be kept for the other.
    "public", "all" (national brokers and admins) or "members:<their network ids>"."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return PUBLIC_AUDIENCE
    if is_admin(user) or is_broker(user):
        return WHOLE_AUDIENCE
    my_networks = current_network_ids(user)
    if not my_networks:
        return PUBLIC_AUDIENCE
    return "members:" + ",".join(str(pk) for pk in sorted(my_networks))


def reader_audience_in(user, network) -> str:
    """Who this person reads as among one network's artefacts: "public", "members" (another
    network's member) or "all" (its members, national brokers and admins read every one)."""
    audience = reader_audience(user)
    if audience in (PUBLIC_AUDIENCE, WHOLE_AUDIENCE):
        return audience
    return WHOLE_AUDIENCE if network.pk in current_network_ids(user) else "members"


def _build_artefacts_visible_to(user):
    artefacts = (
        ArtefactPage.objects.live()
        .exclude(behind_view_restriction())
        .filter(network__isnull=False)
        .order_by("-first_published_at", "-pk")
    )
    audience = reader_audience(user)
    if audience == PUBLIC_AUDIENCE:
        return artefacts.filter(visibility=Visibility.PUBLIC)
    if audience == WHOLE_AUDIENCE:
        return artefacts
    return artefacts.filter(
        Q(visibility__in=(Visibility.PUBLIC, Visibility.MEMBERS))
        | Q(visibility=Visibility.NETWORK, network_id__in=current_network_ids(user))
    )


CARD_FIELDS = (
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale",
    "content_type",
    "first_published_at",
    "artefact_type",
    "visibility",
    "summary",
    "network__title",
    "network__slug",
    "network__url_path",
    "network__path",
    "network__depth",
    "network__locale",
    "network__content_type",
)


def with_card_data(artefacts):
    """What an artefact card shows: its network and how many people said they tried it (title,
    type, date and summary are its own; hidden responses do not count). Still one query.

    Only the columns a card and its link need are loaded: the sections are long rich text.
    """
    tried = (
        ArtefactTrial.objects.shown()
        .filter(artefact_id=OuterRef("pk"))
        .order_by()
        .values("artefact_id")
        .annotate(people=Count("pk"))
        .values("people")[:1]
    )
    return (
        artefacts.select_related("network")
        .only(*CARD_FIELDS)
        .annotate(tried_count=Coalesce(Subquery(tried, output_field=IntegerField()), Value(0)))
    )


def first_cards(artefacts, limit: int) -> list:
    """The first `limit` of these artefacts, in their order, shaped for cards. One query.

    The response counts are worked out for those rows only: annotated on the whole list, they
    were counted for every row before the sort (hundreds in a national-size network).
    """
    order = artefacts.query.order_by
    first = artefacts.values("pk")[:limit]
    return list(with_card_data(ArtefactPage.objects.filter(pk__in=first)).order_by(*order))


def network_artefacts(network, user):
    """The network's artefacts this person may read, shaped for cards."""
    return with_card_data(artefacts_visible_to(user).filter(network=network))


def related_artefacts(artefact, user, *, limit: int = 4, themes=None) -> list:
    """Other artefacts this person may read that share themes with this one (most shared first,
    then newest). One query.

    The artefact's own lineage (what it adapts, its adaptations) is listed apart, so it is left
    out here. Ranking every artefact that shares a theme reads tens of thousands of rows at
    national size; instead, for each number of shared themes n, the newest `limit` artefacts
    sharing at least n are found by walking the pages newest first (the index on
    first_published_at), and the answer is ranked among those few. That is exact: an artefact
    in the first `limit` sharing n themes is among the newest `limit` sharing at least n, as
    everything ranked above it shares at least n too.
    """
    theme_ids = [theme.pk for theme in (artefact.themes.all() if themes is None else themes)]
    if not theme_ids:
        return []
    others = (
        artefacts_visible_to(user)
        .order_by()
        .exclude(pk__in=[artefact.pk, artefact.adapted_from_id or artefact.pk])
        .exclude(adapted_from=artefact.pk)
    )
    shares_one = Exists(
        ArtefactPage.themes.through.objects.filter(
            artefactpage_id=OuterRef("pk"), theme_id__in=theme_ids
        )
    )
    candidates = Q()
    for at_least in range(1, len(theme_ids) + 1):
        sharing = (
            others.filter(shares_one)
            if at_least == 1
            else others.alias(shared=_shared_themes(theme_ids)).filter(shared__gte=at_least)
        )
        newest = (
            Page.objects.filter(Exists(sharing.filter(pk=OuterRef("pk"))))
            .order_by("-first_published_at", "-pk")
            .values("pk")[:limit]
        )
        candidates |= Q(pk__in=newest)
    return list(
        with_card_data(ArtefactPage.objects.filter(candidates))
        .annotate(shared_themes=_shared_themes(theme_ids))
        .order_by("-shared_themes", "-first_published_at", "-pk")[:limit]
    )


def _shared_themes(theme_ids):
    """How many of these themes an artefact has (a subquery: no join to group by)."""
    shared = (
        ArtefactPage.themes.through.objects.filter(
            artefactpage_id=OuterRef("pk"), theme_id__in=theme_ids
        )
        .order_by()
        .values("artefactpage_id")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return Coalesce(Subquery(shared, output_field=IntegerField()), Value(0))


def contributors_of(artefact):
    return (
        ArtefactContributor.objects.filter(page=artefact)
        .select_related("school", "network")
        .order_by("sort_order", "pk")
    )


# --- Feeds -----------------------------------------------------------------------------------


def artefacts_for_feed(*, network=None, theme=None, limit: int = FEED_LENGTH) -> list:
    """The latest public artefacts, optionally of one network or theme, for the Atom feed.

    Three queries whatever the number: the artefacts with their networks, their contributors
    and their themes.
    """
    artefacts = artefacts_visible_to(AnonymousUser()).select_related("network")
    if network is not None:
        artefacts = artefacts.filter(network=network)
    if theme is not None:
        artefacts = artefacts.filter(themes=theme)
    return list(
        artefacts.prefetch_related(
            Prefetch("contributors", queryset=ArtefactContributor.objects.order_by("sort_order")),
            "themes",
        )[:limit]
    )


# --- Lists -----------------------------------------------------------------------------------


def filter_artefacts(artefacts, *, artefact_type: str = "", theme: str = ""):
    """Narrow a list to one type and one focus theme (by slug). Returns the artefacts and the
    filters that apply: an unknown type is ignored."""
    if artefact_type in ArtefactType.values:
        artefacts = artefacts.filter(artefact_type=artefact_type)
    else:
        artefact_type = ""
    if theme:
        artefacts = artefacts.filter(themes__slug=theme).distinct()
    return artefacts, {"type": artefact_type, "theme": theme}


def themes() -> list:
    return list(Theme.objects.all())
