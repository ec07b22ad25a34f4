"""The broker features a study-visit offer on the home page."""

import pytest

from broker.models import Feature
from broker.services.collections import feature
from core.errors import ActionRefused
from core.visibility import Visibility


def test_a_featured_study_visit_shows_on_the_home_page(client, world, make_offer):
    offer = make_offer(title="Feedback in Year 5, in person")
    feature(by=world.broker, visit_offer=offer)

    html = client.get("/").content.decode()
    featured = html.split('id="featured-heading"')[1].split("</section>")[0]

    assert "Feedback in Year 5, in person" in featured
    assert f"/visits/offers/{offer.pk}/" in featured or offer.get_absolute_url() in featured


def test_a_members_only_study_visit_cannot_be_featured(world, make_offer):
    offer = make_offer(visibility=Visibility.MEMBERS)

    with pytest.raises(ActionRefused, match="public study-visit offer"):
        feature(by=world.broker, visit_offer=offer)

    assert not Feature.objects.exists()


def test_the_broker_features_a_study_visit_by_its_number(client, world, make_offer):
    offer = make_offer()
    client.force_login(world.broker)

    response = client.post("/broker/home/visit-offer/", {"offer": str(offer.pk)})

    assert response.status_code == 302
    assert Feature.objects.get().visit_offer == offer


def test_an_unknown_offer_number_features_nothing(client, world):
    client.force_login(world.broker)

    client.post("/broker/home/visit-offer/", {"offer": "nonsense"})

    assert not Feature.objects.exists()
