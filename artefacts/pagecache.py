"""The cached pages an artefact appears on (core.pagecache), purged when it or what it shows
changes: its own page, its network's profile and artefact list, the artefact list, home,
directory, feed and sitemap, the artefacts it adapts or that adapt it, and the artefacts whose
"related" panel may list it (they share a theme: the panel is kept with every artefact's page,
public or not, per audience). Collections and visit offers that list
it register themselves (broker, visits)."""

from django.urls import reverse

from wagtail.models import PageViewRestriction

from core.pagecache import page_path, page_paths, subtree, touches
from networks.models import NetworkPage
from networks.pagecache import sitemap_paths

from .models import ArtefactModeration, ArtefactPage, ArtefactTrial

DIRECTORY = "/networks/"
HOME = "/"


def site_lists() -> list[str]:
    return [
        HOME,
        DIRECTORY,
        reverse("artefacts:index"),
        reverse("artefact_feed"),
        *sitemap_paths(),
    ]


def network_paths(network) -> list[str]:
    if network is None:
        return []
    return [
        page_path(network),
        reverse("artefacts:network_list", kwargs={"network_slug": network.slug}),
    ]


def shown_on(artefact: ArtefactPage) -> list[str]:
    """Every cached path that shows this artefact, or a card or link of it, but the related
    panels of other artefacts (`related_panels_showing`)."""
    paths = [subtree(page_path(artefact)), *site_lists(), *network_paths(artefact.network)]
    lineage = ArtefactPage.objects.filter(
        pk=artefact.adapted_from_id
    ) | ArtefactPage.objects.filter(adapted_from=artefact.pk)
    paths += page_paths(lineage)
    return paths


def related_panels_showing(artefact: ArtefactPage) -> list[str]:
    """The artefacts whose "related" panel may list this one: they share a theme. Public ones
    are cached whole for anonymous visitors; every one keeps its panel per audience for the
    signed-in (artefacts.reading). At national size that is thousands of pages, so it is
    worked out in the background."""
    theme_ids = [theme.pk for theme in artefact.themes.all()] if artefact.pk else []
    if not theme_ids:
        return []
    return page_paths(
        ArtefactPage.objects.live().filter(themes__in=theme_ids).exclude(pk=artefact.pk).distinct()
    )


def related_panels_near_restriction(restriction: PageViewRestriction) -> list[str]:
    """A privacy restriction on an artefact, or on a page above some, takes them out of every
    "related" panel: the panels that may list them are purged, in the background. (Lifting a
    restriction only leaves them out of the panels a little longer.)"""
    restricted = ArtefactPage.objects.descendant_of(restriction.page, inclusive=True)
    theme_ids = set(
        ArtefactPage.themes.through.objects.filter(artefactpage__in=restricted).values_list(
            "theme_id", flat=True
        )
    )
    if not theme_ids:
        return []
    return page_paths(ArtefactPage.objects.live().filter(themes__in=theme_ids).distinct())


def _artefact_of(row) -> ArtefactPage | None:
    return ArtefactPage.objects.filter(pk=row.artefact_id).first()


def trial_shown_on(trial: ArtefactTrial) -> list[str]:
    """A "we tried this" response is on its artefact's page and in the count on its cards."""
    artefact = _artefact_of(trial)
    return shown_on(artefact) if artefact else []


def trial_related_panels(trial: ArtefactTrial) -> list[str]:
    artefact = _artefact_of(trial)
    return related_panels_showing(artefact) if artefact else []


def moderation_shown_on(moderation: ArtefactModeration) -> list[str]:
    return [subtree(page_path(_artefact_of(moderation)))]


def network_shown_on(network: NetworkPage) -> list[str]:
    """A network's name is on every artefact card and in the feed."""
    return site_lists()


def register() -> None:
    touches(ArtefactPage)(shown_on)
    touches(ArtefactPage, in_background=True)(related_panels_showing)
    touches(ArtefactTrial)(trial_shown_on)
    touches(ArtefactTrial, in_background=True)(trial_related_panels)
    touches(ArtefactModeration)(moderation_shown_on)
    touches(PageViewRestriction, in_background=True)(related_panels_near_restriction)
    touches(NetworkPage)(network_shown_on)
