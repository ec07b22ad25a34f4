"""Build small GIAS CSV files for the tests, shaped like the real export."""

import csv
import io

from core.schools.importers import COLUMNS

# A few of the real export's other columns, around and between the ones the importer reads.
OTHER_COLUMNS = ["LA (code)", "EstablishmentNumber", "OpenDate", "Street", "GOR (code)"]
HEADER = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentNumber",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "OpenDate",
    "PhaseOfEducation (name)",
    "Street",
    "Town",
    "Postcode",
    "GOR (code)",
    "GOR (name)",
]
assert set(COLUMNS.values()) <= set(HEADER)


def school(urn, name="Oakfield Primary School", **fields) -> dict:
    """One row, by GIAS column name; keyword arguments use the model's field names."""
    row = {
        "URN": str(urn),
        "EstablishmentName": name,
        "TypeOfEstablishment (name)": "Community school",
        "PhaseOfEducation (name)": "Primary",
        "LA (name)": "Liverpool",
        "GOR (name)": "North West",
        "Town": "Liverpool",
        "Postcode": "L4 0TH",
        "EstablishmentStatus (name)": "Open",
        "LA (code)": "341",
        "EstablishmentNumber": "2001",
        "OpenDate": "01-09-1990",
        "Street": "Anfield Road",
        "GOR (code)": "B",
    }
    for field, value in fields.items():
        row[COLUMNS[field]] = value
    return row


def gias_csv(rows, *, header=HEADER, encoding="cp1252", bom=False) -> bytes:
    """The bytes of a CSV with `header` and one line per row (a dict, or a list of raw cells)."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(row if isinstance(row, list) else [row.get(name, "") for name in header])
    data = text.getvalue().encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data
