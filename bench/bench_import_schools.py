"""Benchmark: import a 50,000-row GIAS CSV into a fresh SQLite database.

    .venv/bin/python bench/bench_import_schools.py [--rows 50000] [--keep]

Generates a Windows-1252 file shaped like the real "edubasealldata" export (about 130 columns,
the nine the importer reads among them), migrates a new SQLite database in a temporary
DATA_DIR with DJANGO_ENV=dev, then times three imports through the same service the command and
the admin use:

1. the first import (every school created);
2. a re-import of the same file (every school unchanged);
3. a re-import of a changed file (one school in ten renamed, one in fifty closed);
4. a re-import in which every school has changed (the worst case).

Exits with status 1 if any import takes longer than the goal (60 seconds).
"""

import argparse
import csv
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from harness import configure_django, say

GOAL_SECONDS = 60.0

# The real export's columns, in its order. The importer reads nine of them by name.
GIAS_COLUMNS = [
    "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName",
    "TypeOfEstablishment (code)", "TypeOfEstablishment (name)", "EstablishmentTypeGroup (code)",
    "EstablishmentTypeGroup (name)", "EstablishmentStatus (code)", "EstablishmentStatus (name)",
    "ReasonEstablishmentOpened (code)", "ReasonEstablishmentOpened (name)", "OpenDate",
    "ReasonEstablishmentClosed (code)", "ReasonEstablishmentClosed (name)", "CloseDate",
    "PhaseOfEducation (code)", "PhaseOfEducation (name)", "StatutoryLowAge", "StatutoryHighAge",
    "Boarders (code)", "Boarders (name)", "NurseryProvision (name)", "OfficialSixthForm (code)",
    "OfficialSixthForm (name)", "Gender (code)", "Gender (name)", "ReligiousCharacter (code)",
    "ReligiousCharacter (name)", "ReligiousEthos (name)", "Diocese (code)", "Diocese (name)",
    "AdmissionsPolicy (code)", "AdmissionsPolicy (name)", "SchoolCapacity",
    "SpecialClasses (code)", "SpecialClasses (name)", "CensusDate", "NumberOfPupils",
    "NumberOfBoys", "NumberOfGirls", "PercentageFSM", "TrustSchoolFlag (code)",
    "TrustSchoolFlag (name)", "Trusts (code)", "Trusts (name)", "SchoolSponsorFlag (name)",
    "SchoolSponsors (name)", "FederationFlag (name)", "Federations (code)", "Federations (name)",
    "UKPRN", "FEHEIdentifier", "FurtherEducationType (name)", "OfstedLastInsp",
    "OfstedSpecialMeasures (code)", "OfstedSpecialMeasures (name)", "LastChangedDate", "Street",
    "Locality", "Address3", "Town", "County (name)", "Postcode", "SchoolWebsite", "TelephoneNum",
    "HeadTitle (name)", "HeadFirstName", "HeadLastName", "HeadPreferredJobTitle",
    "BSOInspectorateName (name)", "InspectorateReport", "DateOfLastInspectionVisit",
    "NextInspectionVisit", "TeenMoth (name)", "TeenMothPlaces", "CCF (name)", "SENPRU (name)",
    "EBD (name)", "PlacesPRU", "FTProv (name)", "EdByOther (name)", "Section41Approved (name)",
    *[f"SEN{number} (name)" for number in range(1, 14)],
    "TypeOfResourcedProvision (name)", "ResourcedProvisionOnRoll", "ResourcedProvisionCapacity",
    "SenUnitOnRoll", "SenUnitCapacity", "GOR (code)", "GOR (name)",
    "DistrictAdministrative (code)", "DistrictAdministrative (name)", "AdministrativeWard (code)",
    "AdministrativeWard (name)", "ParliamentaryConstituency (code)",
    "ParliamentaryConstituency (name)", "UrbanRural (code)", "UrbanRural (name)",
    "GSSLACode (name)", "Easting", "Northing", "MSOA (name)", "LSOA (name)",
    "InspectorateName (name)", "SENStat", "SENNoStat", "BoardingEstablishment (name)",
    "PropsName", "PreviousLA (code)", "PreviousLA (name)", "PreviousEstablishmentNumber",
    "OfstedRating (name)", "RSCRegion (name)", "Country (name)", "UPRN", "SiteName",
    "QABName (code)", "QABName (name)", "EstablishmentAccredited (code)",
    "EstablishmentAccredited (name)", "QABReport", "CHNumber", "MSOA (code)", "LSOA (code)", "FSM",
    "AccreditationExpiryDate",
]  # fmt: skip

PLACES = [
    ("North West", "Liverpool", "Liverpool", "L"),
    ("North West", "Lancashire", "Preston", "PR"),
    ("West Midlands", "Birmingham", "Birmingham", "B"),
    ("London", "Newham", "London", "E"),
    ("London", "Camden", "London", "NW"),
    ("South West", "Cornwall", "Truro", "TR"),
    ("Yorkshire and the Humber", "Leeds", "Leeds", "LS"),
    ("East of England", "Norfolk", "Norwich", "NR"),
    ("South East", "Kent", "Maidstone", "ME"),
    ("North East", "Newcastle upon Tyne", "Newcastle upon Tyne", "NE"),
    ("East Midlands", "Nottingham", "Nottingham", "NG"),
    ("Wales (pseudo)", "Cardiff", "Caerdydd", "CF"),
]
STEMS = [
    "St Mary’s", "Ysgol Gymraeg Llundain", "Oakfield", "Brookside", "Holy Trinity", "Hillcrest",
    "Sainte-Thérèse", "Riverside", "Our Lady of Lourdes", "Kingsmead", "Parkside", "Zoë Ward",
]  # fmt: skip
KINDS = [
    ("Primary", "Community school", "Primary School"),
    ("Secondary", "Academy converter", "High School"),
    ("Not applicable", "Community special school", "Special School"),
    ("All-through", "Free schools", "All-through School"),
    ("Nursery", "Local authority nursery school", "Nursery School"),
]


def school_row(number: int, *, renamed=False, closed=False) -> dict:
    region, local_authority, town, area = PLACES[number % len(PLACES)]
    phase, establishment_type, ending = KINDS[number % len(KINDS)]
    name = f"{STEMS[number % len(STEMS)]} {ending} {number}"
    status = "Closed" if closed or number % 7 == 0 else "Open"
    return {
        "URN": str(100000 + number),
        "EstablishmentName": f"{name} (renamed)" if renamed else name,
        "TypeOfEstablishment (name)": establishment_type,
        "PhaseOfEducation (name)": phase,
        "LA (name)": local_authority,
        "GOR (name)": region,
        "Town": town,
        "Postcode": f"{area}{number % 30 + 1} {number % 9 + 1}QX",
        "EstablishmentStatus (name)": status,
    }


def write_gias_csv(path: Path, rows: int, *, rename_every=0, close_every=0) -> None:
    """Write the file; every `rename_every`-th school renamed, every `close_every`-th closed."""
    # The other columns hold short values (a third of them empty, as in the real export), drawn
    # from a fixed pool so every run writes the same file.
    pool = random.Random(2001)
    fillers = [
        ["" if index % 3 == 0 else f"{column[:8]} {pool.randint(0, 9999)}" for index in range(97)]
        for column in GIAS_COLUMNS
    ]
    known_columns = list(school_row(0))
    positions = [GIAS_COLUMNS.index(column) for column in known_columns]
    with path.open("w", encoding="cp1252", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(GIAS_COLUMNS)
        for number in range(rows):
            row = [values[number % 97] for values in fillers]
            known = school_row(
                number,
                renamed=bool(rename_every) and number % rename_every == 0,
                closed=bool(close_every) and number % close_every == 1,
            )
            for column, position in zip(known_columns, positions, strict=True):
                row[position] = known[column]
            writer.writerow(row)


def timed_import(label: str, path: Path) -> float:
    from core.schools.services import import_schools

    started = time.perf_counter()
    with path.open("rb") as file:
        result = import_schools(file=file)
    seconds = time.perf_counter() - started
    rate = result.rows / seconds if seconds else float("inf")
    say(f"{label:<34} {seconds:7.2f} s  {rate:10,.0f} rows/s   {result.summary()}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="bench-schools-"))
    try:
        configure_django(data_dir)
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        say(f"Database: {connection.settings_dict['NAME']} ({connection.vendor})")

        first = data_dir / "edubasealldata.csv"
        changed = data_dir / "edubasealldata-changed.csv"
        renamed = data_dir / "edubasealldata-renamed.csv"
        started = time.perf_counter()
        write_gias_csv(first, options.rows)
        write_gias_csv(changed, options.rows, rename_every=10, close_every=50)
        write_gias_csv(renamed, options.rows, rename_every=1)
        size = first.stat().st_size / 1024 / 1024
        say(
            f"Generated 3 files of {options.rows:,} rows × {len(GIAS_COLUMNS)} columns "
            f"({size:.1f} MB each, Windows-1252) in {time.perf_counter() - started:.1f} s"
        )

        timings = [
            timed_import("First import, every school new", first),
            timed_import("Re-import, same file", first),
            timed_import("Re-import, 10% renamed, 2% closed", changed),
            timed_import("Re-import, every school renamed", renamed),
        ]
        slowest = max(timings)
        verdict = "within" if slowest < GOAL_SECONDS else "OVER"
        say(f"Slowest import: {slowest:.2f} s, {verdict} the {GOAL_SECONDS:.0f} s goal.")
        return 0 if slowest < GOAL_SECONDS else 1
    finally:
        if options.keep:
            say(f"Kept {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
