"""Benchmark: fifty people at once for two minutes, driven by locust against gunicorn.

    .venv/bin/python bench/bench_load.py [--users 50] [--duration 2m] [--workers N]
        [--submitted 300] [--data-dir DIR] [--keep]
        [--database-url postgres://…] [--redis-url redis://…/5]

Builds the data (a temporary DATA_DIR with DJANGO_ENV=production: `migrate`, `seed_demo`,
`collectstatic`, as bench_http.py does; then, through the services, the submitted artefacts the
co-leaders will decide and the broker's draft collections, counted), starts gunicorn on
loopback (sync workers, 2 × cores + 1 unless --workers), runs locust as its own process
(`locust --headless`, bench/locustfile.py), reads its CSV, then checks every write locust saw
acknowledged (a 2xx/3xx answer to a POST) against the database.

On SQLite in DATA_DIR by default; --database-url and --redis-url (or DATABASE_URL and CACHE_URL)
run it on PostgreSQL and Redis (the Redis database is flushed first: give it one of its own).

Goals (issue 14, item 5): p95 under 500 ms over every request, no errors, no lost writes.
Exits with status 1 when one is missed.
"""

import argparse
import csv
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from io import StringIO
from pathlib import Path

from harness import say
from http_harness import (
    BENCH,
    ROOT,
    Server,
    configure_django_production,
    free_port,
    gunicorn_command,
    load_average,
    new_secret_key,
    production_environment,
)

P95_GOAL_MS = 500
TITLE_PREFIX = "Load test artefact"
COLLECTION_PREFIX = "Load test collection"
TEACHER = "teacher@example.org"
BROKER = "broker@example.org"
SECTIONS = {
    "context": "Three schools wanted pupils to answer questions at length.",
    "what_we_did": "Teachers observed each other's questioning for a term, in pairs.",
    "what_worked": "Waiting five seconds after a question doubled the pupils answering.",
    "what_did_not_work": "Observing in the last week of term: lessons were not typical.",
    "try_it_steps": "Agree one question type, observe twice, compare notes.",
    "adaptation_notes": "Works in any phase; secondary schools observed by department.",
}
QUERIES = [
    "reading",
    "feedback",
    "pupils",
    "oracy",
    "maths",
    "writing",
    "vocabulary",
    "behaviour",
    "transition",
    '"lesson study"',
    "feedbak",
    "reading -primary",
    "assessment",
    "",
]


def prepare_database(data_dir: Path, on_sqlite: bool) -> None:
    from django.core.management import call_command

    from core.accounts.models import User

    if not on_sqlite or not (data_dir / "db.sqlite3").exists():
        say("Migrating …")
        call_command("migrate", verbosity=0)
    if not User.objects.filter(email=TEACHER).exists():
        say("Loading the demo data (seed_demo) …")
        call_command("seed_demo", stdout=StringIO())
    if not (data_dir / "static" / "staticfiles.json").exists():
        say("Collecting static files (production's manifest storage needs them) …")
        call_command("collectstatic", interactive=False, verbosity=0)


def moderation_pairs():
    """(network, author, co-leader) for each network with a member to write and a co-leader
    to decide who is not that member."""
    from networks.models import Membership, NetworkPage, Role

    pairs = []
    for network in NetworkPage.objects.live().order_by("pk"):
        members = Membership.objects.current().filter(network=network).select_related("user")
        author = members.filter(role=Role.MEMBER).order_by("pk").first()
        co_leader = members.filter(role=Role.CO_LEADER).order_by("pk").first()
        if author and co_leader:
            pairs.append((network, author.user, co_leader.user))
    return pairs


def submitted_artefacts(total: int) -> dict[int, list[int]]:
    """At least `total` load-test artefacts waiting for review, spread over the networks,
    made and submitted through the services; their ids by the co-leader who will decide."""
    from artefacts import services
    from artefacts.models import ArtefactPage, ModerationStatus
    from artefacts.richtext import plain_to_rich_text

    pairs = moderation_pairs()[:3]
    waiting = {
        co_leader.pk: list(
            ArtefactPage.objects.filter(
                network=network,
                title__startswith=TITLE_PREFIX,
                moderation__status=ModerationStatus.SUBMITTED,
            ).values_list("pk", flat=True)
        )
        for network, _author, co_leader in pairs
    }
    made = 0
    started = time.perf_counter()
    while sum(len(ids) for ids in waiting.values()) < total:
        network, author, co_leader = pairs[made % len(pairs)]
        number = ArtefactPage.objects.filter(title__startswith=TITLE_PREFIX).count() + 1
        artefact = services.create_artefact(
            network=network,
            by=author,
            fields={
                "title": f"{TITLE_PREFIX} {number}: observing each other's questioning",
                "summary": "Three schools observed each other's questioning for a term.",
                "artefact_type": "case_study",
                "visibility": "public",
                **{field: plain_to_rich_text(text) for field, text in SECTIONS.items()},
            },
        )
        services.submit_artefact(artefact=artefact, by=author)
        waiting[co_leader.pk].append(artefact.pk)
        made += 1
    say(
        f"Submitted artefacts waiting for review: {sum(len(ids) for ids in waiting.values())} "
        f"over {len(pairs)} networks ({made} made now, {time.perf_counter() - started:.0f} s)."
    )
    return waiting


def broker_pairs() -> list[tuple[int, int]]:
    """Three new draft collections and the published public artefacts the broker may add."""
    from artefacts.models import ArtefactPage
    from broker.services import collections as services
    from core.accounts.models import User

    broker = User.objects.get(email=BROKER)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    collections = [
        services.create_collection(
            by=broker,
            title=f"{COLLECTION_PREFIX} {index} ({stamp})",
            introduction="Made by the load test.",
        )
        for index in (1, 2, 3)
    ]
    artefacts = list(
        ArtefactPage.objects.live()
        .filter(visibility="public")
        .exclude(title__startswith=TITLE_PREFIX)
        .values_list("pk", flat=True)
    )
    pairs = [(collection.pk, artefact) for collection in collections for artefact in artefacts]
    say(f"Broker: {len(collections)} draft collections, {len(pairs)} artefacts to add at most.")
    return pairs


def session_cookie(user) -> str:
    from django.conf import settings
    from django.test import Client as DjangoClient

    client = DjangoClient()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def reading_paths() -> tuple[list[list[str]], list[list[str]]]:
    """[path, name] pairs: what anonymous readers read, and what teachers open from results."""
    from django.test import Client as DjangoClient

    from artefacts.models import ArtefactPage
    from broker.models import Collection
    from networks.models import NetworkPage
    from visits.models import VisitOffer

    networks = [network.url for network in NetworkPage.objects.live().order_by("pk")[:10]]
    artefacts = [
        page.url
        for page in ArtefactPage.objects.live()
        .filter(visibility="public")
        .exclude(title__startswith=TITLE_PREFIX)
        .order_by("pk")[:20]
    ]
    collections = [
        f"/collections/{slug}/"
        for slug in Collection.objects.published().values_list("slug", flat=True)[:5]
    ]
    offers = [
        f"/visits/offers/{pk}/"
        for pk in VisitOffer.objects.filter(visibility="public").values_list("pk", flat=True)[:10]
    ]
    anonymous = [["/", "/"], ["/networks/", "/networks/"], ["/collections/", "/collections/"]]
    anonymous += [["/visits/", "/visits/"], ["/artefacts/", "/artefacts/"]]
    anonymous += [[path, "network profile"] for path in networks]
    anonymous += [[path, "artefact"] for path in artefacts]
    anonymous += [[path, "collection"] for path in collections]
    anonymous += [[path, "visit offer"] for path in offers]
    signed_in = [[path, "artefact"] for path in artefacts] + [
        [p, "network profile"] for p in networks
    ]
    # Closed and draft offers are not found for anonymous visitors, rightly: read only pages
    # that answer, so that every error the test reports is one.
    client = DjangoClient()
    readable = [pair for pair in anonymous if client.get(pair[0]).status_code == 200]
    if len(readable) < len(anonymous):
        say(f"Left out {len(anonymous) - len(readable)} pages an anonymous visitor may not read.")
    return readable, signed_in


def build_plan(submitted: int) -> dict:
    from core.accounts.models import User
    from networks.models import Membership, Role

    anonymous, signed_in = reading_paths()
    waiting = submitted_artefacts(submitted)
    teachers = [User.objects.get(email=TEACHER)] + [
        membership.user
        for membership in Membership.objects.current()
        .filter(role=Role.MEMBER)
        .exclude(user__email=TEACHER)
        .select_related("user")
        .order_by("pk")[:11]
    ]
    return {
        "anonymous": anonymous,
        "signed_in": signed_in,
        "queries": QUERIES,
        "teachers": [session_cookie(user) for user in teachers],
        "moderators": [
            {"cookie": session_cookie(User.objects.get(pk=pk)), "artefacts": ids}
            for pk, ids in waiting.items()
        ],
        "broker": {
            "cookie": session_cookie(User.objects.get(email=BROKER)),
            "pairs": broker_pairs(),
        },
    }


def warm_up(port: int, plan: dict, workers: int) -> None:
    """Every worker imports the site and fills its caches before the timed run: each page
    read once by as many visitors at once as there are workers, three times over."""
    from concurrent.futures import ThreadPoolExecutor

    from http_harness import Client

    cookie = plan["teachers"][0]
    paths = [(path, "") for path, _name in plan["anonymous"]]
    paths += [(path, cookie) for path, _name in plan["signed_in"]]
    paths += [("/search/?q=reading", cookie)]

    def read(path_and_cookie):
        path, cookie = path_and_cookie
        client = Client(port, cookie)
        client.get(path)
        client.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(read, paths * 3))
    say(f"Warm-up: {len(paths) * 3} requests in {time.perf_counter() - started:.0f} s.")


def check_writes(writes_path: Path) -> tuple[Counter, list[str]]:
    """Every acknowledged POST against the database: (counts by kind and outcome, lost)."""
    from artefacts.models import ArtefactModeration, ModerationStatus
    from broker.models import CollectionItem

    counts, lost = Counter(), []
    lines = writes_path.read_text(encoding="utf-8").splitlines() if writes_path.exists() else []
    for line in lines:
        write = json.loads(line)
        kind = write["kind"]
        if not write["ok"]:
            counts[f"{kind} not acknowledged ({write['status']})"] += 1
            continue
        counts[f"{kind} acknowledged"] += 1
        if kind in ("approve", "return"):
            moderation = ArtefactModeration.objects.get(artefact_id=write["artefact"])
            if kind == "approve":
                stored = moderation.status == ModerationStatus.PUBLISHED
            else:
                stored = (
                    moderation.status == ModerationStatus.CHANGES_REQUESTED
                    and moderation.comment == write["comment"]
                )
        else:
            stored = CollectionItem.objects.filter(
                collection_id=write["collection"], artefact_id=write["artefact"], note=write["note"]
            ).exists()
        if not stored:
            lost.append(line)
    return counts, lost


def read_stats(prefix: Path) -> tuple[list[dict], dict]:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = list(csv.DictReader(stats))
    return [row for row in rows if row["Name"] != "Aggregated"], next(
        row for row in rows if row["Name"] == "Aggregated"
    )


def print_stats(rows: list[dict], total: dict) -> None:
    say(f"{'request':<46} {'count':>6} {'fail':>5} {'median':>7} {'p95':>6} {'p99':>6} {'max':>6}")
    for row in [*sorted(rows, key=lambda row: row["Name"]), total]:
        name = f"{row['Type']} {row['Name']}".strip()
        say(
            f"{name[:46]:<46} {row['Request Count']:>6} {row['Failure Count']:>5} "
            f"{row['50%']:>7} {row['95%']:>6} {row['99%']:>6} {float(row['Max Response Time']):>6.0f}"
        )


def failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as found:
        return [
            f"{row['Occurrences']} × {row['Method']} {row['Name']}: {row['Error']}"
            for row in csv.DictReader(found)
        ]


def environment_for(options, data_dir: Path) -> dict[str, str]:
    environment = production_environment(data_dir.resolve(), new_secret_key())
    if options.database_url:
        environment["DATABASE_URL"] = options.database_url
    if options.redis_url:
        environment["CACHE_URL"] = options.redis_url
    return environment


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=int, default=10)
    parser.add_argument("--duration", default="2m", help="locust's --run-time")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--submitted", type=int, default=300, help="artefacts waiting for review")
    parser.add_argument("--data-dir", type=Path, help="reuse this DATA_DIR (kept afterwards)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--redis-url", default=os.environ.get("CACHE_URL", ""))
    options = parser.parse_args()
    if importlib.util.find_spec("locust") is None:
        say("locust is not installed: .venv/bin/pip install -e '.[bench]'")
        return 1

    data_dir = options.data_dir or Path(tempfile.mkdtemp(prefix="nlc-bench-load-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    work_dir = Path(tempfile.mkdtemp(prefix="nlc-bench-load-run-"))
    keep = options.keep or options.data_dir is not None
    try:
        environment = environment_for(options, data_dir)
        if options.redis_url:
            flush_redis(options.redis_url)
        configure_django_production(environment)
        from django.db import connection, connections

        say(f"Database: {connection.vendor}; cache: {environment.get('CACHE_URL', 'embedded')}")
        prepare_database(data_dir, on_sqlite=connection.vendor == "sqlite")
        plan = build_plan(options.submitted)
        connections.close_all()
        plan_path, writes_path = work_dir / "plan.json", work_dir / "writes.jsonl"
        plan_path.write_text(json.dumps(plan), encoding="utf-8")

        port = free_port()
        site = gunicorn_command(
            "nlc.wsgi:application",
            port,
            chdir=ROOT / "site",
            log_dir=work_dir,
            name="site",
            workers=options.workers,
        )
        prefix = work_dir / "locust"
        locust = [
            *(sys.executable, "-m", "locust", "--headless"),
            *("-u", str(options.users), "-r", str(options.spawn_rate), "-t", options.duration),
            *("--host", f"http://127.0.0.1:{port}", "-f", str(BENCH / "locustfile.py")),
            *("--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"),
            *("--exit-code-on-error", "0", "--stop-timeout", "10"),
        ]
        say(
            f"gunicorn: {options.workers} sync workers on 127.0.0.1:{port}; locust: "
            f"{options.users} users, {options.spawn_rate}/s, {options.duration}."
        )
        say(f"Load average before: {load_average()}")
        server_log = work_dir / "site-output.log"
        locust_log = work_dir / "locust-output.log"
        with (
            open(server_log, "wb") as server_output,
            open(locust_log, "wb") as locust_output,
            Server(site, port, environment, "/", output=server_output),
        ):
            warm_up(port, plan, options.workers)
            subprocess.run(
                locust,
                env={
                    **environment,
                    "NLC_LOAD_PLAN": str(plan_path),
                    "NLC_LOAD_WRITES": str(writes_path),
                },
                cwd=ROOT,
                check=True,
                stdout=locust_output,
                stderr=subprocess.STDOUT,
            )
        say(f"Load average after: {load_average()}")

        rows, total = read_stats(prefix)
        print_stats(rows, total)
        errors = failures(prefix)
        for error in errors:
            say(f"  error: {error}")
        server_text = server_log.read_text(encoding="utf-8", errors="replace")
        say(
            f"Server log ({server_log.name}): {server_text.count('Traceback')} tracebacks, "
            f"{server_text.count('database is locked')} “database is locked”."
        )
        counts, lost = check_writes(writes_path)
        waiting = sum(len(moderator["artefacts"]) for moderator in plan["moderators"])
        decided = sum(c for k, c in counts.items() if k.split()[0] in ("approve", "return"))
        say(
            f"Submitted artefacts waiting before the run: {waiting}; POSTs deciding one: {decided}."
        )
        for name, count in sorted(counts.items()):
            say(f"  writes: {name}: {count}")
        for line in lost:
            say(f"  LOST: {line}")
        p95 = float(total["95%"])
        error_count = int(total["Failure Count"])
        missed = []
        if p95 >= P95_GOAL_MS:
            missed.append(f"p95 {p95:.0f} ms (goal under {P95_GOAL_MS})")
        if error_count:
            missed.append(f"{error_count} errors (goal 0)")
        if lost:
            missed.append(f"{len(lost)} lost writes (goal 0)")
        say(
            f"Requests {total['Request Count']}, {float(total['Requests/s']):.1f}/s; p95 {p95:.0f} ms; "
            f"errors {error_count}; acknowledged writes "
            f"{sum(c for k, c in counts.items() if k.endswith(' acknowledged'))}, lost {len(lost)}."
        )
        say("Goals met." if not missed else "Goal MISSED: " + "; ".join(missed))
        return 0 if not missed else 1
    finally:
        if keep:
            say(f"Kept {data_dir} and {work_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
            shutil.rmtree(work_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
