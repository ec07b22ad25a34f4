"""Benchmark: the site's main pages on the demo data, as visitors and as a co-leader.

    .venv/bin/python bench/bench_pages.py [--requests 100] [--keep]

Migrates a fresh SQLite database in a temporary DATA_DIR (DJANGO_ENV=dev, DEBUG off), loads
the demo data with `seed_demo`, then requests each page through Django's test Client (the
whole middleware and template stack, no network) and reports its median and p95 time and its
SQL queries. The floor is measured in the same run: a bare Django view returning 30 KB through
the same client and middleware (bench/floor_urls.py).

Goals: the pages an anonymous visitor reads from the full-page cache (core.pagecache) have a
median within 2 times the floor (issue 14, item 2); every other page a median under 19 ms, what
Wagtail's own demo site takes for a blog page on these machines.

Exits with status 1 if a page misses its goal or answers anything but 200.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from harness import configure_django, percentile, say

GOAL_MEDIAN_MS = 19.0
GOAL_TIMES_FLOOR = 2.0
CO_LEADER = "coleader@example.org"
FLOOR = "floor"
CACHED = "cached"


def pages_to_measure() -> list[tuple[str, str | None, str]]:
    """(path, who, goal) triples; who is a demo login or None for an anonymous visitor."""
    from floor_urls import FLOOR_PATH

    from artefacts.models import ArtefactPage
    from broker.models import Collection
    from networks.models import NetworkPage
    from visits.models import VisitOffer

    network = NetworkPage.objects.live().order_by("pk").first()
    artefact = ArtefactPage.objects.live().filter(visibility="public").order_by("pk").first()
    cached = [
        "/",
        "/networks/",
        "/networks/?status=active",
        network.url,
        artefact.url,
        "/artefacts/",
        "/collections/",
        "/visits/",
        "/feeds/artefacts/",
        "/sitemap.xml",
    ]
    collection = Collection.objects.filter(published_at__isnull=False).order_by("pk").first()
    if collection:
        cached += [f"/collections/{collection.slug}/", f"/collections/{collection.slug}/feed/"]
    offer = VisitOffer.objects.filter(visibility="public", status="open").order_by("pk").first()
    if offer:
        cached.append(f"/visits/offers/{offer.pk}/")
    return (
        [(FLOOR_PATH, None, FLOOR)]
        + [(path, None, CACHED) for path in cached]
        + [(path, None, "") for path in ("/search/?q=feedback", "/api/v1/search/?q=assessment")]
        + [
            (network.url, CO_LEADER, ""),
            (artefact.url, CO_LEADER, ""),
            ("/notifications/", CO_LEADER, ""),
        ]
    )


def measure(path: str, who: str | None, requests: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.accounts.models import User

    client = Client()
    if who:
        client.force_login(User.objects.get(email=who))
    client.get(path)  # warm caches, as a running server would be
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    query_count = len(queries)  # read now: the next request resets the log
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "page": f"{path} ({who or 'anonymous'})",
        "status": status,
        "queries": query_count,
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="nlc-bench-pages-"))
    try:
        configure_django(data_dir)
        from io import StringIO

        from django.core.management import call_command

        say(f"Migrating and loading the demo data in {data_dir} …")
        call_command("migrate", verbosity=0)
        call_command("seed_demo", stdout=StringIO())
        from django.test import override_settings

        with override_settings(ROOT_URLCONF="floor_urls"):
            results = [
                {**measure(path, who, options.requests), "goal": goal}
                for path, who, goal in pages_to_measure()
            ]
        floor = next(row["median"] for row in results if row["goal"] == FLOOR)
        say(
            f"{'page':<66} {'status':>6} {'queries':>7} {'median ms':>9} {'p95 ms':>7} "
            f"{'× floor':>7}"
        )
        for row in results:
            say(
                f"{row['page']:<66} {row['status']:>6} {row['queries']:>7} "
                f"{row['median']:>9.1f} {row['p95']:>7.1f} {row['median'] / floor:>7.1f}"
            )

        def misses(row) -> bool:
            if row["status"] != 200:
                return True
            if row["goal"] == CACHED:
                return row["median"] > GOAL_TIMES_FLOOR * floor
            return row["goal"] != FLOOR and row["median"] > GOAL_MEDIAN_MS

        missed = [row["page"] for row in results if misses(row)]
        say(
            f"Goals: anonymous cached pages within {GOAL_TIMES_FLOOR:.0f} × the floor "
            f"({floor:.1f} ms), every other median under {GOAL_MEDIAN_MS:.0f} ms."
        )
        say("Goal met." if not missed else f"Goal MISSED by: {', '.join(missed)}")
        return 0 if not missed else 1
    finally:
        if options.keep:
            say(f"Kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
