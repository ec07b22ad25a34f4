"""Networks in search (networks.search.NetworkDocument): what a network's document holds."""

import pytest

from core.vocabulary import Phase
from networks.factories import NetworkPageFactory, NetworkSchoolFactory, SchoolFactory, ThemeFactory
from search import services
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_only(settings):
    settings.ELASTICSEARCH_URL = ""


def test_network_document_takes_facets_from_its_current_schools_and_themes():
    theme = ThemeFactory(name="Oracy")
    network = NetworkPageFactory(themes=[theme])
    NetworkSchoolFactory(
        network=network, school=SchoolFactory(region="North East", phase=Phase.PRIMARY)
    )
    NetworkSchoolFactory(
        network=network,
        school=SchoolFactory(region="Yorkshire and the Humber", phase=Phase.SECONDARY),
    )
    services.index_page(page_id=network.pk)
    document = SearchDocument.objects.get(page_id=network.pk)
    assert document.themes == ["oracy"]
    assert document.phases == ["primary", "secondary"]
    assert document.regions == ["North East", "Yorkshire and the Humber"]
    assert document.network_id == network.pk
    assert "Oracy" in document.text.keywords
