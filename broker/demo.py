"""Demo data for the broker: two collections of artefacts, each with a study visit on its theme
(one collection featured on the home page), a featured artefact, a published synthesis, an
introduction waiting for Mersey's co-leaders, and the demo teacher following a theme and a
collection.

Runs after the artefacts' demo data, through the services as the national broker
(broker@example.org). Collections are found by slug and the synthesis by theme, so a second run
adds nothing.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from artefacts.models import Visibility
from artefacts.selectors import artefacts_visible_to, with_card_data
from networks.models import NetworkPage, Theme
from visits.selectors import open_offers

from .models import Collection, Feature, Follow, Introduction, Synthesis
from .selectors.connections import suggestions_for
from .services import collections, follows, introductions, syntheses

BROKER = "broker@example.org"
TEACHER = "teacher@example.org"

COLLECTIONS = [
    {
        "slug": "feedback-that-moves-learning-on",
        "title": "Feedback that moves learning on",
        "theme": "Assessment for learning",
        "introduction": (
            "Networks that replaced written marking with live, spoken and peer feedback, and "
            "what happened when they did. Start with the first item: it is the clearest account "
            "of what did not work."
        ),
        "feature": True,
    },
    {
        "slug": "pupils-as-researchers",
        "title": "Pupils as researchers",
        "theme": "Pupil voice",
        "introduction": (
            "Schools where pupils designed and ran enquiries into their own learning: how they "
            "set it up, and what the adults had to stop doing."
        ),
        "feature": False,
    },
]
NOTES = [
    "The clearest account of what did not work, and what the network changed because of it.",
    "Tried in other networks since: read the “we tried this” responses under it.",
    "A tool you can use next week, with the steps the schools followed.",
    "A different phase, the same challenge: useful for adapting it.",
]
VISIT_NOTE = "See it at work: book a place on the study visit and take your own question."


def seed(log) -> None:
    users = get_user_model().objects
    broker = users.filter(email=BROKER).first()
    if broker is None or not NetworkPage.objects.exists():
        log("no demo broker or networks yet; nothing added")
        return
    themes = {theme.name: theme for theme in Theme.objects.all()}
    added = 0
    for spec in COLLECTIONS:
        added += _collection(broker, spec, themes.get(spec["theme"]))
    added += _featured_artefact(broker)
    added += _synthesis(broker, themes.get("Assessment for learning"))
    added += _introduction(broker)
    added += _follows(users.filter(email=TEACHER).first(), themes.get("Assessment for learning"))
    log(f"{added} things added (collections, features, synthesis, introduction, follows)")


def _public_artefacts(broker, theme, limit):
    return list(
        artefacts_visible_to(broker)
        .filter(visibility=Visibility.PUBLIC, themes=theme)
        .order_by("first_published_at", "pk")[:limit]
    )


def _collection(broker, spec, theme) -> int:
    if theme is None or Collection.objects.filter(slug=spec["slug"]).exists():
        return 0
    collection = collections.create_collection(
        by=broker, title=spec["title"], introduction=spec["introduction"], theme=theme
    )
    for artefact, note in zip(_public_artefacts(broker, theme, 4), NOTES, strict=False):
        collections.add_artefact(collection=collection, by=broker, artefact=artefact, note=note)
    offer = open_offers(user=AnonymousUser(), theme=theme.slug).first()
    if offer is not None:
        collections.add_visit_offer(collection=collection, by=broker, offer=offer, note=VISIT_NOTE)
    collections.publish_collection(collection=collection, by=broker)
    if spec["feature"]:
        collections.feature(by=broker, collection=collection)
    return 1


def _featured_artefact(broker) -> int:
    if Feature.objects.filter(artefact__isnull=False).exists():
        return 0
    most_tried = (
        with_card_data(artefacts_visible_to(broker).filter(visibility=Visibility.PUBLIC))
        .order_by("-tried_count", "pk")
        .first()
    )
    if most_tried is None:
        return 0
    collections.feature(by=broker, artefact=most_tried)
    return 1


def _synthesis(broker, theme) -> int:
    if theme is None or Synthesis.objects.filter(theme=theme).exists():
        return 0
    synthesis = syntheses.create_synthesis(
        by=broker,
        theme=theme,
        title="Feedback that moves learning on: what networks found",
        summary=(
            "Feedback given during the lesson, spoken or from peers, changed what pupils did "
            "next far more often than written comments after it. It took most networks two "
            "attempts to make peer feedback specific enough to act on."
        ),
        narrative=(
            "Several networks started from the same frustration: marking took teachers' "
            "evenings and pupils barely read it [1]. Those that moved feedback into the lesson "
            "found pupils corrected their work the same day [2].\n\nWhere it spread, schools "
            "adapted the routines to older pupils and other subjects rather than copying them."
        ),
        what_worked="Short, spoken feedback at the desk; time in the lesson to act on it.",
        what_did_not_work=(
            "Whole-class feedback sheets, ignored after the first month; peer feedback without "
            "a model of what useful feedback sounds like."
        ),
        last_reviewed_on=timezone.localdate(),
    )
    for artefact in _public_artefacts(broker, theme, 3):
        syntheses.cite_artefact(synthesis=synthesis, by=broker, artefact=artefact)
    if synthesis.citations.exists():
        syntheses.publish_synthesis(synthesis=synthesis, by=broker)
    return 1


def _introduction(broker) -> int:
    learner = NetworkPage.objects.filter(title="Mersey Learning Partnership").first()
    if learner is None or Introduction.objects.filter(learner=learner).exists():
        return 0
    suggestions = suggestions_for(learner, limit=1)
    if not suggestions:
        return 0
    suggestion = suggestions[0]
    introductions.send_introduction(
        by=broker,
        learner=learner,
        source=suggestion.network,
        theme=suggestion.theme,
        reason=suggestion.reason,
    )
    return 1


def _follows(teacher, theme) -> int:
    if teacher is None or theme is None or Follow.objects.filter(user=teacher).exists():
        return 0
    follows.follow(user=teacher, kind="theme", target=theme)
    featured = Collection.objects.filter(slug=COLLECTIONS[0]["slug"]).first()
    if featured is not None:
        follows.follow(user=teacher, kind="collection", target=featured)
    return 1
