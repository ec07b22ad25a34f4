"""Benchmark: /visits/ and an offer page with 2,000 offers and 20,000 bookings.

    .venv/bin/python bench/bench_visits.py [--offers 2000] [--bookings 20000] [--requests 100]

Migrates a fresh SQLite database in a temporary DATA_DIR (DJANGO_ENV=dev, DEBUG off), loads
the demo data with `seed_demo`, adds the offers (two sessions each, over the demo networks and
their schools) and the bookings (spread over the sessions, by generated people) with bulk
inserts, then requests the study-visit pages through Django's test Client, as bench_pages.py
does, with the same goal: every median under 19 ms. The home page is measured in the same run
and printed beside them as the floor, so a loaded machine shows as a slow floor.

Exits with status 1 if a page misses the goal or answers anything but 200.
"""

import argparse
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

from bench_pages import CO_LEADER, GOAL_MEDIAN_MS, measure
from harness import configure_django, say

PEOPLE = 1_000
SESSIONS_PER_OFFER = 2
BATCH = 2_000


def generate(offers: int, bookings: int) -> None:
    """Offers open to all, half public and half for members, with sessions 1 to 120 days ahead
    and a few places each, so that some are full (the waitlist) and some have places left."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from core.accounts.models import User
    from networks.models import NetworkPage, NetworkSchool
    from visits.models import Booking, BookingStatus, OfferStatus, VisitOffer, VisitSession

    networks = list(NetworkPage.objects.live().order_by("pk"))
    schools_of = {}
    for link in NetworkSchool.objects.order_by("pk"):
        schools_of.setdefault(link.network_id, []).append(link.school_id)
    networks = [network for network in networks if schools_of.get(network.pk)]
    password = make_password(None)
    User.objects.bulk_create(
        [
            User(
                email=f"bench-visitor-{n}@example.org",
                first_name="Bench",
                last_name=f"{n}",
                password=password,
            )
            for n in range(PEOPLE)
        ],  # fmt: skip
        batch_size=BATCH,
    )
    people = list(
        User.objects.filter(email__startswith="bench-visitor-").values_list("pk", flat=True)
    )

    made = VisitOffer.objects.bulk_create(
        [
            VisitOffer(
                network=networks[n % len(networks)],
                title=f"Bench visit {n}: live feedback in Year {n % 6 + 1}",
                summary="Two classes using live verbal feedback instead of written marking.",
                question="How do we make feedback something pupils act on the same day?",
                places=4 + n % 8,
                status=OfferStatus.OPEN,
                visibility="public" if n % 2 else "members",
            )
            for n in range(offers)
        ],
        batch_size=BATCH,
    )
    Through = VisitOffer.host_schools.through
    Through.objects.bulk_create(
        [
            Through(visitoffer_id=offer.pk, school_id=schools_of[offer.network_id][0])
            for offer in made
        ],
        batch_size=BATCH,
    )
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    sessions = VisitSession.objects.bulk_create(
        [
            VisitSession(
                offer=offer,
                starts_at=now + timedelta(days=1 + (n * 7 + part * 30) % 120, hours=9),
                ends_at=now + timedelta(days=1 + (n * 7 + part * 30) % 120, hours=15),
                host_school_id=schools_of[offer.network_id][0],
            )
            for n, offer in enumerate(made)
            for part in range(SESSIONS_PER_OFFER)
        ],
        batch_size=BATCH,
    )
    # Round-robin over the sessions, a new person each time round, so no one books twice.
    rows = []
    for n in range(bookings):
        session = sessions[n % len(sessions)]
        turn = n // len(sessions)
        rows.append(
            Booking(
                session=session,
                person_id=people[(n + turn * 7) % len(people)],
                network=networks[(n + 1) % len(networks)],
                status=(
                    BookingStatus.BOOKED
                    if turn < session.offer.places
                    else BookingStatus.WAITLISTED
                ),
                confirmed_at=timezone.now(),
            )
        )
    Booking.objects.bulk_create(rows, batch_size=BATCH)


def in_days(days: int) -> str:
    from django.utils import timezone

    return (timezone.localdate() + timedelta(days=days)).isoformat()


def pages_to_measure() -> list[tuple[str, str | None]]:
    from django.db.models import Count

    from networks.models import Membership
    from visits.models import VisitOffer

    led = Membership.objects.current().co_leaders().filter(user__email=CO_LEADER)
    led_ids = list(led.values_list("network_id", flat=True))
    busiest = VisitOffer.objects.annotate(n=Count("sessions__bookings")).order_by("-n", "pk")
    own = busiest.filter(network_id__in=led_ids, title__startswith="Bench").first()
    other = busiest.exclude(network_id__in=led_ids).filter(visibility="public").first()
    return [
        ("/visits/", None),
        ("/visits/", CO_LEADER),
        ("/visits/?page=40", None),
        ("/visits/?has_places=on&date_from=2000-01-01", CO_LEADER),
        (f"/visits/?date_from={in_days(30)}&date_to={in_days(60)}", CO_LEADER),
        (other.get_url(), None),
        (other.get_url(), CO_LEADER),
        (own.get_url(), CO_LEADER),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offers", type=int, default=2_000)
    parser.add_argument("--bookings", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="nlc-bench-visits-"))
    try:
        configure_django(data_dir)
        from io import StringIO

        from django.core.management import call_command

        from visits.models import Booking, VisitOffer

        say(f"Migrating and loading the demo data in {data_dir} …")
        call_command("migrate", verbosity=0)
        call_command("seed_demo", stdout=StringIO())
        generate(options.offers, options.bookings)
        # The bulk inserts bypass the services that keep the listing columns up to date.
        call_command("refresh_visit_listing", "--all", stdout=StringIO())
        say(
            f"{VisitOffer.objects.count():,} offers, {Booking.objects.count():,} bookings "
            "(with the demo's own)."
        )
        floor = measure("/", None, options.requests)
        results = [measure(path, who, options.requests) for path, who in pages_to_measure()]
        say(
            f"{'page':<66} {'status':>6} {'queries':>7} {'median ms':>9} {'p95 ms':>7} {'floor':>6}"
        )
        for row in [floor, *results]:
            say(
                f"{row['page']:<66} {row['status']:>6} {row['queries']:>7} "
                f"{row['median']:>9.1f} {row['p95']:>7.1f} {row['median'] / floor['median']:>5.1f}x"
            )
        missed = [
            row["page"] for row in results if row["status"] != 200 or row["median"] > GOAL_MEDIAN_MS
        ]
        say(
            f"Goal: every median under {GOAL_MEDIAN_MS:.0f} ms (bench_pages.py's); "
            f"floor = the home page in this run, {floor['median']:.1f} ms."
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
