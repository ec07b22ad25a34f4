"""Benchmark: pages over real HTTP against the floor, a bare Django view, in the same run.

    .venv/bin/python bench/bench_http.py [--requests 100] [--scale demo|regional|national]
                                         [--data-dir DIR] [--keep]

Migrates a fresh SQLite database in a temporary DATA_DIR and loads the demo data with
`seed_demo` (at `--scale national`, the demo data and a country's worth on top; the seed's time
is printed), or reuses DIR from an earlier `--keep` run. It recomputes the broker's spread
figures as the hourly Celery task does (and prints how long that took), collects the static
files, then starts
two gunicorn servers with the same command line (two sync workers, loopback only,
DJANGO_ENV=production, DEBUG off): the site, and bench/floor_app.py, a bare Django view that
returns 30 KB. The signed-in people's sessions are made through Django's test client machinery
(`force_login`) in this process, on the same database and SECRET_KEY, and sent as a cookie.

Every round requests each page once, the floor among them, over one keep-alive connection per
visitor (http.client), so a busy machine slows the floor and the pages alike. It prints each
page's status, SQL queries (counted in this process through Django's test client), median and
p95 in milliseconds and its median as a multiple of the floor's.

Goals (issue 14): for a signed-in teacher and co-leader, the network profile, an artefact page,
/visits/ and a review cycle page within 25 times the floor; the pages anonymous visitors read
within 2 times the floor. Issue 13: the broker's /broker/spread/ within the signed-in budget. Exits with status 1 if a goal is missed or a page answers anything
but 200.
"""

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path

from harness import percentile, say
from http_harness import (
    BENCH,
    ROOT,
    Client,
    Server,
    configure_django_production,
    free_port,
    gunicorn_command,
    load_average,
    new_secret_key,
    production_environment,
)

SIGNED_IN_GOAL = 25.0
ANONYMOUS_GOAL = 2.0
TEACHER = "teacher@example.org"
CO_LEADER = "coleader@example.org"
BROKER = "broker@example.org"
SIGNED_IN = (TEACHER, CO_LEADER, BROKER)
WARM_UP_REQUESTS = 6  # both workers load templates and fill per-process caches first
FLOOR = "floor"
WHO_LABELS = {None: "anonymous", TEACHER: "teacher", CO_LEADER: "co-leader", BROKER: "broker"}


@dataclass
class Row:
    path: str
    who: str | None  # a demo login, None for anonymous, FLOOR for the bare view
    goal: float | None
    status: int = 0
    queries: int | None = None
    times: list[float] = field(default_factory=list)

    @property
    def label(self) -> str:
        if self.who == FLOOR:
            return f"{self.path} (floor: bare Django view, 30 KB)"
        return f"{self.path} ({WHO_LABELS.get(self.who, self.who)})"


def prepare_database(data_dir: Path, scale: str) -> None:
    from django.core.management import call_command

    from broker.services.spread import refresh_spread

    if not (data_dir / "db.sqlite3").exists():
        say(f"Migrating and loading the data ({scale} scale) in {data_dir} …")
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        output = StringIO()
        call_command("seed_demo", scale=scale, no_progress=True, stdout=output)
        say(f"seed_demo --scale {scale}: {time.perf_counter() - started:.0f} s")
        for line in output.getvalue().splitlines():
            if "s (CPU" in line:
                say(line)
    started = time.perf_counter()
    refresh_spread()
    say(f"The spread figures recomputed (the hourly task): {time.perf_counter() - started:.1f} s")
    if not (data_dir / "static" / "staticfiles.json").exists():
        say("Collecting static files (production's manifest storage needs them) …")
        call_command("collectstatic", interactive=False, verbosity=0)


def pages_to_measure() -> list[Row]:
    from artefacts.models import ArtefactPage
    from broker.models import Collection
    from networks.models import Membership
    from peer_review.models import ReviewCycle
    from visits.models import VisitOffer

    network = Membership.objects.current().get(user__email=TEACHER).network
    artefacts = ArtefactPage.objects.live().filter(network=network).order_by("pk")
    artefact = artefacts.filter(visibility="public").first() or artefacts.first()
    cycle = ReviewCycle.objects.filter(network=network).order_by("-pk").first()
    signed_in = [network.url, artefact.url, "/visits/", f"/reviews/{cycle.pk}/"]
    collection = Collection.objects.published().order_by("pk").first()
    offer = VisitOffer.objects.filter(visibility="public").order_by("pk").first()
    anonymous = [
        "/",
        "/networks/",
        network.url,
        artefact.url,
        "/collections/",
        *([f"/collections/{collection.slug}/"] if collection else []),
        "/visits/",
        *([f"/visits/offers/{offer.pk}/"] if offer else []),
        "/feeds/artefacts/",
        "/sitemap.xml",
    ]
    rows = [Row(path, who, SIGNED_IN_GOAL) for who in (TEACHER, CO_LEADER) for path in signed_in]
    rows.append(Row("/broker/spread/", BROKER, SIGNED_IN_GOAL))
    return rows + [Row(path, None, ANONYMOUS_GOAL) for path in anonymous]


def session_cookies() -> dict[str | None, str]:
    from django.conf import settings
    from django.test import Client as DjangoClient

    from core.accounts.models import User

    cookies = {None: ""}
    for email in SIGNED_IN:
        client = DjangoClient()
        client.force_login(User.objects.get(email=email))
        cookies[email] = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
    return cookies


def count_queries(rows: list[Row]) -> None:
    from django.db import connection
    from django.test import Client as DjangoClient
    from django.test.utils import CaptureQueriesContext

    from core.accounts.models import User

    clients = {None: DjangoClient()}
    for email in SIGNED_IN:
        clients[email] = DjangoClient()
        clients[email].force_login(User.objects.get(email=email))
    for row in rows:
        client = clients[row.who]
        client.get(row.path)
        with CaptureQueriesContext(connection) as queries:
            client.get(row.path)
        row.queries = len(queries)


def measure(rows: list[Row], floor: Row, site_port: int, floor_port: int, rounds: int) -> None:
    cookies = session_cookies()
    clients = {who: Client(site_port, cookie) for who, cookie in cookies.items()}
    floor_client = Client(floor_port)
    everything = [floor, *rows]

    def one(row: Row) -> tuple[int, float]:
        client = floor_client if row.who == FLOOR else clients[row.who]
        status, _body, elapsed = client.get(row.path)
        return status, elapsed

    for row in everything:
        for _ in range(WARM_UP_REQUESTS):
            row.status, _ = one(row)
    for _ in range(rounds):
        for row in everything:
            status, elapsed = one(row)
            row.times.append(elapsed)
            if status != 200:
                row.status = status
    for client in [*clients.values(), floor_client]:
        client.close()


def report(rows: list[Row], floor: Row) -> list[str]:
    floor_median = statistics.median(floor.times)
    say(f"{'page':<72} {'status':>6} {'queries':>7} {'median ms':>9} {'p95 ms':>7} {'× floor':>8}")
    missed = []
    for row in [floor, *rows]:
        median = statistics.median(row.times)
        ratio = median / floor_median
        met = row.goal is None or (row.status == 200 and ratio <= row.goal)
        queries = "" if row.queries is None else str(row.queries)
        say(
            f"{row.label:<72} {row.status:>6} {queries:>7} {median:>9.1f} "
            f"{percentile(row.times, 0.95):>7.1f} {ratio:>8.1f}"
            + ("" if met else f"  MISSED (goal {row.goal:g}×)")
        )
        if not met:
            missed.append(row.label)
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests a page")
    parser.add_argument(
        "--scale",
        choices=["demo", "regional", "national"],
        default="demo",
        help="the data seeded in a new DATA_DIR (national takes minutes)",
    )
    parser.add_argument("--data-dir", type=Path, help="reuse this DATA_DIR (kept afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    data_dir = options.data_dir or Path(tempfile.mkdtemp(prefix="nlc-bench-http-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    log_dir = Path(tempfile.mkdtemp(prefix="nlc-bench-http-logs-"))
    keep = options.keep or options.data_dir is not None
    try:
        environment = production_environment(data_dir.resolve(), new_secret_key())
        configure_django_production(environment)
        prepare_database(data_dir, options.scale)
        rows = pages_to_measure()
        count_queries(rows)
        from django.db import connections

        connections.close_all()
        floor = Row("/floor/", FLOOR, None)
        site_port, floor_port = free_port(), free_port()
        site = gunicorn_command(
            "nlc.wsgi:application", site_port, chdir=ROOT / "site", log_dir=log_dir, name="site"
        )
        bare = gunicorn_command(
            "floor_app:application", floor_port, chdir=BENCH, log_dir=log_dir, name="floor"
        )
        say(f"Load average before: {load_average()}")
        with (
            Server(bare, floor_port, environment, floor.path),
            Server(site, site_port, environment, "/"),
        ):
            measure(rows, floor, site_port, floor_port, options.requests)
        say(f"Load average after: {load_average()}")
        missed = report(rows, floor)
        say(
            f"Goals: signed-in pages within {SIGNED_IN_GOAL:g}× the floor's median, "
            f"anonymous pages within {ANONYMOUS_GOAL:g}×; {options.requests} requests a page."
        )
        say("Goals met." if not missed else f"Goal MISSED by {len(missed)} page(s).")
        return 0 if not missed else 1
    finally:
        shutil.rmtree(log_dir, ignore_errors=True)
        if keep:
            say(f"Kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
