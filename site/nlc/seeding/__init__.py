"""`seed_demo --scale <name>`: the demo data, then national-size data written in bulk.

On an empty (migrated) database: a generated schools register imported through
`import_schools`, the demo data (so its logins and curated examples are there at every
size), then networks, people, artefacts, responses, study visits and review cycles written
with bulk INSERTs (see rows.py and tree.py), and finally the search index rebuilt from the pages
through the search engine's own bulk path. One transaction: a failure leaves the database as
it was. See scales.py for what each scale holds.
"""

import time
from collections.abc import Callable
from itertools import pairwise

from taggit.models import Tag

from django.db import connection, transaction

from wagtail.models import Page, Revision

from artefacts.models import ArtefactPage, ArtefactTrial
from core.accounts.models import User
from core.errors import ActionRefused
from core.notifications.services import emails_suppressed
from core.schools.models import School
from networks.models import NetworkPage
from peer_review.models import ReviewCycle
from visits.models import VisitOffer

from . import activity, community
from .artefacts import ArtefactLoader
from .indexing import fill_admin_search_index, rebuild_search_index
from .progress import Bar
from .register import load_register
from .rows import reset_sequences
from .scales import SCALES, Scale
from .text import Words

SEED = 2001  # as the demo data: every run builds the same data

# progress(label, total) -> a bar: bar(n) advances it, bar.done is how far it has gone
ProgressFactory = Callable[[str, int], "Bar"]


def refusal(scale: Scale) -> str | None:
    """Why this database cannot take the data (it must be empty), or None."""
    held = {
        ("person", "people"): User.objects.count(),
        ("school", "schools"): School.objects.count(),
        ("network", "networks"): NetworkPage.objects.count(),
    }
    if not any(held.values()):
        return None
    listed = ", ".join(f"{count:,} {names[count != 1]}" for names, count in held.items() if count)
    return (
        f"seed_demo --scale {scale.name} builds on an empty database, and this one already "
        f"holds {listed}: nothing was added. Start from a new database (with SQLite, move "
        "data/db.sqlite3 aside and run `manage.py migrate`), or run `seed_demo` without "
        "--scale for the demo data."
    )


def seed_at_scale(
    scale: Scale, *, seed_demo_data: Callable[[], None], progress: ProgressFactory, log
) -> dict[str, tuple[float, float]]:
    """Build `scale`'s data; returns each step's (wall clock, CPU) seconds.

    Raises ActionRefused, having written nothing, on a database that is not empty."""
    problem = refusal(scale)
    if problem:
        raise ActionRefused(problem)
    words = Words(SEED)
    marks: dict[str, tuple[float, float]] = {}  # step -> (wall clock, CPU time) at its start

    def step(name: str):
        marks[name] = (time.perf_counter(), time.process_time())
        log(f"{name} …")

    with transaction.atomic(), emails_suppressed():
        _tune_sqlite()
        step("schools register")
        bar = progress("Importing schools", scale.schools)
        result = load_register(
            scale.schools, seed=SEED, progress=lambda done, total: bar(done - bar.done)
        )
        log(f"  {result.summary()}")

        step("demo data")
        seed_demo_data()

        step("networks")
        missing = scale.networks - NetworkPage.objects.count()
        community.add_networks(max(missing, 0), words, progress("Networks", missing))
        step("people")
        missing = scale.people - User.objects.count()
        community.add_people(max(missing, 0), words, progress("People", missing))
        networks = community.load_networks()

        step("artefacts")
        missing = scale.artefacts - ArtefactPage.objects.count()
        loader = ArtefactLoader(words, networks)
        first_bulk_id = loader.writer.next_page_id
        adaptations = (
            scale.adaptations - ArtefactPage.objects.filter(adapted_from__isnull=False).count()
        )
        loader.add(max(missing, 0), max(adaptations, 0), progress("Artefacts", missing))

        step("responses")
        missing = scale.trials - ArtefactTrial.objects.count()
        activity.add_trials(
            max(missing, 0), loader.made, networks, words, progress("Responses", missing)
        )
        step("study visits")
        missing = scale.visits - VisitOffer.objects.count()
        activity.add_visit_offers(max(missing, 0), networks, words, progress("Visits", missing))
        step("review cycles")
        missing = scale.review_cycles - ReviewCycle.objects.count()
        activity.add_review_cycles(
            max(missing, 0), networks, words, progress("Review cycles", missing)
        )
        reset_sequences(_written_models())

        step("search index")
        indexed = rebuild_search_index(
            first_bulk_id if loader.made else None,
            lambda label, total: progress(f"Search index ({label})", total),
        )
        log(f"  {indexed:,} search documents")
        step("admin search index")
        pages = fill_admin_search_index(
            first_bulk_id if loader.made else None,
            lambda label, total: progress(f"Search index ({label})", total),
        )
        log(f"  {pages:,} pages in the admin's search")
    marks["end"] = (time.perf_counter(), time.process_time())
    return {
        name: (marks[after][0] - marks[name][0], marks[after][1] - marks[name][1])
        for name, after in pairwise(marks)
    }


def _tune_sqlite() -> None:
    """A bigger page cache for the load (this connection only; the default is 2 MB)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -262144")  # 256 MB


def _written_models():
    return [User, Page, Revision, Tag, VisitOffer, ReviewCycle]


__all__ = ["SCALES", "Scale", "refusal", "seed_at_scale"]
