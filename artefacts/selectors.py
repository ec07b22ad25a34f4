"""Reads about artefacts. Every list of artefacts, anywhere, starts from artefacts_visible_to."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
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

from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, PageLogEntry, PageViewRestriction, Revision

from core.accounts.models import User
from core.roles import is_admin, is_broker
from core.schools.models import School
from networks.models import Membership, NetworkPage, NetworkStatus, Role, Theme

from .models import (
    ArtefactContributor,
    ArtefactModeration,
    ArtefactPage,
    ArtefactTrial,
    ArtefactType,
    ModerationStatus,
    Phase,
    Subject,
    TrialOutcome,
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

    Public ones for anyone; members-only ones for anyone signed in; network-only ones for the
    current members of their network; every one for national brokers and admins. Pages behind a
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


def _build_artefacts_visible_to(user):
    artefacts = (
        ArtefactPage.objects.live()
        .exclude(behind_view_restriction())
        .filter(network__isnull=False)
        .order_by("-first_published_at", "-pk")
    )
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return artefacts.filter(visibility=Visibility.PUBLIC)
    if is_admin(user) or is_broker(user):
        return artefacts
    my_networks = Membership.objects.current().filter(user=user).values("network_id")
    return artefacts.filter(
        Q(visibility__in=(Visibility.PUBLIC, Visibility.MEMBERS))
        | Q(visibility=Visibility.NETWORK, network_id__in=my_networks)
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


def network_artefacts(network, user):
    """The network's artefacts this person may read, shaped for cards."""
    return with_card_data(artefacts_visible_to(user).filter(network=network))


def related_artefacts(artefact, user, *, limit: int = 4, themes=None) -> list:
    """Other artefacts this person may read that share themes with this one (most shared first).

    The artefact's own lineage (what it adapts, its adaptations) is listed apart, so it is left
    out here. Two queries: the artefacts (with their networks) and their themes.
    """
    theme_ids = [theme.pk for theme in (artefact.themes.all() if themes is None else themes)]
    if not theme_ids:
        return []
    return list(
        with_card_data(
            artefacts_visible_to(user)
            .filter(themes__in=theme_ids)
            .exclude(pk__in=[artefact.pk, artefact.adapted_from_id or artefact.pk])
            .exclude(adapted_from=artefact.pk)
            .annotate(shared_themes=Count("themes", filter=Q(themes__in=theme_ids)))
            .order_by("-shared_themes", "-first_published_at", "-pk")
        )[:limit]
    )


def contributors_of(artefact):
    return (
        ArtefactContributor.objects.filter(page=artefact)
        .select_related("school", "network")
        .order_by("sort_order", "pk")
    )


def moderation_of(artefact) -> ArtefactModeration:
    """The artefact's moderation record (a draft's, when nobody has made one yet)."""
    moderation = (
        ArtefactModeration.objects.select_related(
            "submitted_revision", "submitted_by", "decided_by"
        )
        .filter(artefact=artefact)
        .first()
    )
    if moderation is None:
        status = ModerationStatus.PUBLISHED if artefact.live else ModerationStatus.DRAFT
        moderation = ArtefactModeration(artefact=artefact, status=status)
    return moderation


def revisions_of(artefact):
    """Every saved version, newest first, with who saved it."""
    return (
        Revision.page_revisions.filter(object_id=str(artefact.pk))
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def moderation_history(artefact, *, limit: int = 50) -> list:
    """The audit-log entries for the artefact (moderation steps, publishing), newest first."""
    entries = list(
        PageLogEntry.objects.filter(page_id=artefact.pk)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:limit]
    )
    for entry in entries:
        action = log_registry.get_action_label(entry.action)
        entry.label = action
        entry.comment = (entry.data or {}).get("comment", "")
    return entries


def drafts_of(user):
    """Unpublished or changed artefacts the person started, with their moderation record."""
    return (
        ArtefactPage.objects.filter(owner=user, has_unpublished_changes=True)
        .select_related("network", "moderation")
        .order_by("-latest_revision_created_at", "-pk")
    )


def awaiting_review_by(user):
    """Submitted artefacts in networks the person co-leads (they may not approve their own)."""
    led = Membership.objects.co_leaders().filter(user=user).values("network_id")
    return (
        ArtefactPage.objects.filter(
            network_id__in=led, moderation__status=ModerationStatus.SUBMITTED
        )
        .exclude(owner=user)
        .select_related("network", "moderation", "moderation__submitted_by")
        .order_by("moderation__submitted_at", "pk")
    )


def networks_to_write_in(user):
    """The open networks where the person may start an artefact."""
    return (
        NetworkPage.objects.filter(
            pk__in=Membership.objects.current()
            .filter(user=user, role__in=(Role.CO_LEADER, Role.MEMBER))
            .values("network_id")
        )
        .exclude(status=NetworkStatus.CLOSED)
        .order_by("title")
        .distinct()
    )


# --- Lineage ---------------------------------------------------------------------------------


def adapted_from_for(artefact, user):
    """The artefact this one adapts, if this person may read it (else None). At most one query."""
    if not artefact.adapted_from_id:
        return None
    return with_card_data(artefacts_visible_to(user).filter(pk=artefact.adapted_from_id)).first()


def adaptations_of(artefact, user, *, limit: int = 12) -> list:
    """Published adaptations of the artefact, from any network, that this person may read.

    One query; newest first.
    """
    return list(with_card_data(artefacts_visible_to(user).filter(adapted_from=artefact))[:limit])


def networks_to_adapt_into(user, artefact):
    """The networks where the person may start an adaptation of the artefact.

    An artefact shared with its own network only is adapted in that network only.
    """
    networks = networks_to_write_in(user)
    if artefact.visibility == Visibility.NETWORK:
        networks = networks.filter(pk=artefact.network_id)
    return networks


# --- “We tried this” -------------------------------------------------------------------------


def trials_of(artefact, *, limit: int = 20) -> list:
    """The latest shown “we tried this” responses, with who, their school and network (and
    `artefact` set, for the permission checks). One query."""
    trials = list(
        ArtefactTrial.objects.shown()
        .filter(artefact=artefact)
        .select_related("user", "network", "school")
        .order_by("-updated_at", "-pk")[:limit]
    )
    for trial in trials:
        trial.artefact = artefact
    return trials


def trial_summary(artefact) -> dict:
    """How many people tried it, in how many networks and schools, and how it went (hidden
    responses left out). One query."""
    return (
        ArtefactTrial.objects.shown()
        .filter(artefact=artefact)
        .aggregate(
            people=Count("pk"),
            networks=Count("network", distinct=True),
            schools=Count("school", distinct=True),
            worked=Count("pk", filter=Q(outcome=TrialOutcome.WORKED)),
            partly=Count("pk", filter=Q(outcome=TrialOutcome.PARTLY)),
            did_not_work=Count("pk", filter=Q(outcome=TrialOutcome.DID_NOT_WORK)),
        )
    )


def trial_by(user, artefact) -> ArtefactTrial | None:
    """The person's own response about the artefact, if they gave one (hidden or not: the
    writer is shown why it was hidden). One query."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ArtefactTrial.objects.filter(artefact=artefact, user=user)
        .select_related("hidden_by")
        .first()
    )


def trial_on(artefact, trial_id) -> ArtefactTrial | None:
    """One response (shown or hidden) to the artefact, with who wrote it; None if there is no
    such response on it. Callers ask artefacts.permissions what the person may do with it."""
    trial = (
        ArtefactTrial.objects.filter(artefact=artefact, pk=trial_id)
        .select_related("user", "network", "school")
        .first()
    )
    if trial is not None:
        trial.artefact = artefact
    return trial


def trials_moderated_by(user):
    """The responses, shown and hidden, this person may moderate, newest first: every one for
    the national brokers and admins; those to the artefacts of the open networks they co-lead
    for co-leaders; none for anyone else. Loaded with everything a listing shows (one query)."""
    trials = ArtefactTrial.objects.select_related(
        "artefact__network",
        "artefact__latest_revision",
        "user",
        "network",
        "school",
        "hidden_by",
    ).order_by("-updated_at", "-pk")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return trials.none()
    if is_admin(user) or is_broker(user):
        return trials
    led = (
        Membership.objects.co_leaders()
        .filter(user=user)
        .exclude(network__status=NetworkStatus.CLOSED)
        .values("network_id")
    )
    return trials.filter(artefact__network_id__in=led)


def trial_networks_for(user):
    """The networks a person may say they tried an artefact with: their current ones."""
    return (
        NetworkPage.objects.filter(pk__in=Membership.objects.network_ids_of(user))
        .order_by("title")
        .distinct()
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


# --- Writing ---------------------------------------------------------------------------------


def tags_of(page) -> list:
    """The tags of this version of the artefact, in one query.

    A draft's tags live in its revision, where select_related means nothing: prefetch_related
    loads them there, and skips the tags select_related already joined for a live page.
    """
    items = page.tagged_items.select_related("tag").prefetch_related("tag")
    return sorted((item.tag for item in items), key=lambda tag: tag.name.casefold())


@dataclass
class ArtefactFormOptions:
    """What the artefact form offers for one network, author and version."""

    memberships: dict  # user id → current membership in the network, with user and school
    contributors: object  # the people who may be credited (None: nobody)
    contributor_labels: dict  # user id → "Name (School)"
    schools: object  # the schools that may be named (None: none)
    themes: object
    phases: object
    subjects: object
    tags: list  # the version's own tags

    def contributor_label(self, user) -> str:
        return self.contributor_labels.get(user.pk, user.display_name)


def artefact_form_options(network, *, author, artefact=None) -> ArtefactFormOptions:
    """The people and schools the form offers: the network's current members and schools, and
    anyone or any school the version already names (so a credit survives someone leaving).
    `artefact` is the latest version (a revision's page object) when editing. Two queries, and
    one more for an artefact's tags; the choices themselves are queried when shown."""
    memberships = {
        membership.user_id: membership
        for membership in Membership.objects.current()
        .filter(network=network)
        .select_related("user", "school")
    }
    current_ids = set(memberships) - {author.pk}
    previous = (
        (
            {row.user_id for row in artefact.contributors.all() if row.user_id}
            if artefact is not None
            else set()
        )
        - current_ids
        - {author.pk}
    )
    labels = {
        user_id: f"{m.user.display_name} ({m.school.name})" if m.school_id else m.user.display_name
        for user_id, m in memberships.items()
    }
    school_ids = set(
        network.school_links.filter(left_on__isnull=True).values_list("school_id", flat=True)
    )
    if artefact is not None:
        school_ids |= {school.pk for school in artefact.schools.all()}
    return ArtefactFormOptions(
        memberships=memberships,
        contributors=User.objects.filter(pk__in=current_ids | previous).order_by(
            "first_name", "last_name"
        )
        if current_ids | previous
        else None,
        contributor_labels=labels,
        schools=School.objects.filter(pk__in=school_ids).order_by("name") if school_ids else None,
        themes=Theme.objects.all(),
        phases=Phase.objects.all(),
        subjects=Subject.objects.all(),
        tags=tags_of(artefact) if artefact is not None else [],
    )


# --- Revisions -------------------------------------------------------------------------------


def revisions_page(artefact, page_number, *, per_page: int = 25):
    """One page of the artefact's versions, newest first, each with `previous_id`: the version
    saved before it (None for the first). Two queries besides the count."""
    all_revisions = revisions_of(artefact)
    page_obj = Paginator(all_revisions, per_page).get_page(page_number)
    versions = list(page_obj.object_list)
    for newer, older in zip(versions, versions[1:], strict=False):
        newer.previous_id = older.pk
    if versions:
        oldest = versions[-1]
        oldest.previous_id = (
            all_revisions.filter(created_at__lte=oldest.created_at)
            .exclude(pk=oldest.pk)
            .exclude(created_at=oldest.created_at, pk__gt=oldest.pk)
            .values_list("pk", flat=True)
            .first()
        )
    return page_obj, versions
