"""The schools register at scale: a generated GIAS file, imported as a real one would be.

The file holds the demo schools first (same URNs and values, so the demo data finds them) and
then generated schools, a run of them per local authority, with URNs above the demo ones.
"""

import csv
import io
import random
import tempfile

from core.schools.demo import DEMO_SCHOOLS, OPEN
from core.schools.importers import COLUMNS
from core.schools.services import import_schools

FIRST_URN = 900_001
# (region, local authority, towns, postcode area)
PLACES = [
    ("North West", "Liverpool", ["Liverpool"], "L"),
    ("North West", "Lancashire", ["Preston", "Burnley", "Lancaster"], "PR"),
    ("North West", "Manchester", ["Manchester"], "M"),
    ("North East", "Newcastle upon Tyne", ["Newcastle upon Tyne"], "NE"),
    ("North East", "County Durham", ["Durham", "Consett", "Bishop Auckland"], "DH"),
    ("Yorkshire and the Humber", "Leeds", ["Leeds"], "LS"),
    ("Yorkshire and the Humber", "Sheffield", ["Sheffield"], "S"),
    ("Yorkshire and the Humber", "North Yorkshire", ["Harrogate", "Skipton", "Whitby"], "YO"),
    ("East Midlands", "Nottingham", ["Nottingham"], "NG"),
    ("East Midlands", "Lincolnshire", ["Lincoln", "Boston", "Grantham"], "LN"),
    ("West Midlands", "Birmingham", ["Birmingham"], "B"),
    ("West Midlands", "Shropshire", ["Shrewsbury", "Ludlow", "Oswestry"], "SY"),
    ("East of England", "Norfolk", ["Norwich", "King's Lynn", "Thetford"], "NR"),
    ("East of England", "Cambridgeshire", ["Cambridge", "Wisbech", "Ely"], "CB"),
    ("London", "Newham", ["London"], "E"),
    ("London", "Lambeth", ["London"], "SE"),
    ("London", "Brent", ["London"], "NW"),
    ("South East", "Kent", ["Maidstone", "Margate", "Ashford"], "ME"),
    ("South East", "Hampshire", ["Winchester", "Basingstoke", "Andover"], "SO"),
    ("South West", "Devon", ["Exeter", "Barnstaple", "Totnes"], "EX"),
    ("South West", "Cornwall", ["Truro", "Bodmin", "St Austell"], "TR"),
]
NAMES = [
    "Oakfield", "Riverside", "St Mary's", "Hillside", "Greenway", "Meadowbank", "Churchill",
    "Brookfield", "Kingsway", "Westfield", "Holy Trinity", "Beechwood", "Parkside",
    "St John's", "Millbrook", "Ashgrove", "Elmwood", "Fairfield", "Moorside", "Castle View",
]  # fmt: skip
KINDS = [
    ("Primary", "Community school", "Primary School"),
    ("Primary", "Academy converter", "Primary Academy"),
    ("Primary", "Voluntary aided school", "Church of England Primary School"),
    ("Secondary", "Academy converter", "High School"),
    ("Secondary", "Community school", "Secondary School"),
    ("Nursery", "Local authority nursery school", "Nursery School"),
    ("Special", "Community special school", "School"),
    ("All-through", "Free schools", "All-through School"),
]
HEADER = ["URN", "LA (code)", *[name for name in COLUMNS.values() if name != "URN"], "Street"]


def register_rows(count: int, seed: int) -> list[dict]:
    """`count` schools as GIAS rows by column name: the demo ones, then generated ones."""
    rng = random.Random(seed)
    rows = []
    for urn, name, kind, phase, authority, region, town, postcode in DEMO_SCHOOLS[:count]:
        rows.append(_row(urn, name, kind, phase, authority, region, town, postcode))
    generated = count - len(rows)
    per_place = max(1, -(-generated // len(PLACES)))
    for number in range(generated):
        region, authority, towns, area = PLACES[(number // per_place) % len(PLACES)]
        phase, kind, suffix = KINDS[rng.randrange(len(KINDS)) if number % 3 else 0]
        town = rng.choice(towns)
        name = f"{rng.choice(NAMES)} {suffix}"
        if number % 4:
            name = f"{town} {name}"
        postcode = f"{area}{rng.randint(1, 29)} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        rows.append(_row(FIRST_URN + number, name, kind, phase, authority, region, town, postcode))
    return rows


def _row(urn, name, kind, phase, authority, region, town, postcode) -> dict:
    values = {
        "urn": str(urn),
        "name": name,
        "establishment_type": kind,
        "phase": phase,
        "local_authority": authority,
        "region": region,
        "town": town,
        "postcode": postcode,
        "status": OPEN,
    }
    row = {COLUMNS[field]: value for field, value in values.items()}
    row.update({"LA (code)": "999", "Street": "School Lane"})
    return row


def register_file(rows: list[dict]) -> bytes:
    """The rows as the real export is written: Windows-1252, CRLF line ends."""
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=HEADER, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("cp1252")


def load_register(count: int, *, seed: int, progress=None):
    """Write the generated register to a temporary file and import it. Returns the result."""
    with tempfile.TemporaryFile() as file:
        file.write(register_file(register_rows(count, seed)))
        file.seek(0)
        return import_schools(file=file, progress=progress)
