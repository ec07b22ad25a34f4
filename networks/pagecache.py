"""The cached pages a network appears on (core.pagecache): its profile and everything beneath
it (its artefacts show its name), the directory, home and sitemap. Who is in it, its schools and
the figures on its profile (indicators and their observations, funding totals, engagement) purge
its profile, and with it the sections kept with it for signed-in people (core.pagecache)."""

from django.urls import reverse

from core.pagecache import page_path, subtree, touches

from .baselining.models import Indicator, Observation
from .engagement.models import Activity
from .funding.models import FundingReceipt, InKindContribution, SpendingPlanRevision
from .models import Membership, NetworkPage, NetworkSchool

DIRECTORY = "/networks/"
HOME = "/"


def sitemap_paths() -> list[str]:
    """The sitemap index and its section (every ?p= page of it, as a purge covers every query
    of a path): site/nlc/sitemaps.py."""
    return [reverse("sitemap"), reverse("sitemap_section", kwargs={"section": "pages"})]


def network_shown_on(network: NetworkPage) -> list[str]:
    return [subtree(page_path(network)), DIRECTORY, HOME, *sitemap_paths()]


def profile_of(row) -> list[str]:
    """A row shown on its network's profile (and counted in the directory)."""
    network = NetworkPage.objects.filter(pk=row.network_id).first()
    return [page_path(network), DIRECTORY]


def observation_shown_on(observation) -> list[str]:
    indicator = Indicator.objects.filter(pk=observation.indicator_id).first()
    return profile_of(indicator) if indicator else [DIRECTORY]


def register() -> None:
    touches(Observation)(observation_shown_on)
    touches(NetworkPage)(network_shown_on)
    for model in (
        Membership,
        NetworkSchool,
        Indicator,
        FundingReceipt,
        InKindContribution,
        SpendingPlanRevision,
        Activity,
    ):
        touches(model)(profile_of)
