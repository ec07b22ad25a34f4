"""Reading the Get Information about Schools (GIAS) establishments CSV ("edubasealldata").

This module only reads and checks the file; `core.schools.services.import_schools` writes.
Columns are matched by header name, so the ~130 other columns of the real export, and their
order, do not matter. The real file is Windows-1252; UTF-8 with or without a byte order mark is
accepted too.

Two kinds of problem:
- a fatal one (not a CSV, an encoding we cannot read, required columns missing) raises
  `SchoolImportError` before anything is written;
- a bad row (no URN, a URN that is not a number, no name, ...) is yielded as a `RowError` with its
  line number, so the good rows can still be imported.
"""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from core.vocabulary import phase_from_register, region_from_register

# Model field -> GIAS column header.
COLUMNS = {
    "urn": "URN",
    "name": "EstablishmentName",
    "establishment_type": "TypeOfEstablishment (name)",
    "phase": "PhaseOfEducation (name)",
    "local_authority": "LA (name)",
    "region": "GOR (name)",
    "town": "Town",
    "postcode": "Postcode",
    "status": "EstablishmentStatus (name)",
}

# The text fields compared on re-import, in this order, followed by is_open.
TEXT_FIELDS = (
    "name",
    "establishment_type",
    "phase",
    "local_authority",
    "region",
    "town",
    "postcode",
    "status",
)
COMPARED_FIELDS = (*TEXT_FIELDS, "is_open")
REGION_INDEX = TEXT_FIELDS.index("region")

CLOSED_STATUS = "closed"
MAX_URN = 2_147_483_647  # the largest value every database accepts in a PositiveIntegerField
READ_CHUNK_BYTES = 1 << 20
UTF8_BOM_AS_CP1252 = "ï»¿"  # a BOM on a file that is otherwise Windows-1252


class SchoolImportError(Exception):
    """The file cannot be imported at all. Nothing has been written."""


class RowError(NamedTuple):
    """A row that was skipped: (line, reason), the line number being the one a spreadsheet shows."""

    line: int
    reason: str

    def __str__(self):
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class SchoolRow:
    """A valid row: the values of one School, ready to compare with what is stored."""

    line: int
    urn: int
    values: tuple  # in COMPARED_FIELDS order

    def as_fields(self) -> dict:
        return dict(zip(COMPARED_FIELDS, self.values, strict=True))


def max_lengths() -> dict[str, int]:
    from .models import School

    return {name: School._meta.get_field(name).max_length for name in TEXT_FIELDS}


def detect_encoding(file) -> tuple[str, int]:
    """Return the codec to read the file with and the number of lines in it.

    UTF-8 is tried strictly first (it never decodes Windows-1252 accents by accident), then
    Windows-1252. Anything else, or a binary file, is refused with a message saying so.
    """
    file.seek(0)
    utf8 = codecs.getincrementaldecoder("utf-8")(errors="strict")
    is_utf8 = True
    size = lines = 0
    last_byte = b""
    while chunk := file.read(READ_CHUNK_BYTES):
        if b"\x00" in chunk:
            raise SchoolImportError(
                "This is not a CSV text file (it contains binary data). Export the "
                "establishments file from Get Information about Schools as CSV and upload that."
            )
        size += len(chunk)
        lines += chunk.count(b"\n")
        last_byte = chunk[-1:]
        if is_utf8:
            try:
                utf8.decode(chunk)
            except UnicodeDecodeError:
                is_utf8 = False
    if size == 0:
        raise SchoolImportError("The file is empty.")
    if is_utf8:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            is_utf8 = False
    if last_byte != b"\n":
        lines += 1
    if is_utf8:
        return "utf-8-sig", lines

    file.seek(0)
    offset = 0
    while chunk := file.read(READ_CHUNK_BYTES):
        try:
            chunk.decode("cp1252")
        except UnicodeDecodeError as error:
            raise SchoolImportError(
                "The file's text encoding is not recognised: it is neither Windows-1252 (the "
                "encoding of the GIAS export) nor UTF-8 (byte 0x"
                f"{chunk[error.start]:02X} at position {offset + error.start:,} is not valid "
                "in either). Download the CSV from Get Information about Schools again."
            ) from None
        offset += len(chunk)
    return "cp1252", lines


class Register:
    """An open GIAS CSV whose encoding and header have been checked.

    `rows()` yields a `SchoolRow` or a `RowError` for every non-blank line after the header.
    """

    def __init__(self, file):
        self.file = file
        self.encoding, line_count = detect_encoding(file)
        self.estimated_rows = max(line_count - 1, 0)
        file.seek(0)
        text = io.TextIOWrapper(file, encoding=self.encoding, newline="")
        try:
            reader = csv.reader(text)
            try:
                header = next(reader, [])
            except csv.Error as error:
                raise SchoolImportError(
                    f"The first line could not be read as CSV ({error})."
                ) from None
        finally:
            text.detach()
        self.header = header
        self.indices = self._column_indices(header)

    @staticmethod
    def _column_indices(header: list[str]) -> dict[str, int]:
        positions = {}
        for index, name in enumerate(header):
            key = name.strip()
            if index == 0:
                key = key.removeprefix(UTF8_BOM_AS_CP1252).lstrip("\ufeff")
            positions.setdefault(key.casefold(), index)
        indices = {
            field: positions[column.casefold()]
            for field, column in COLUMNS.items()
            if column.casefold() in positions
        }
        missing = [column for field, column in COLUMNS.items() if field not in indices]
        if len(missing) == len(COLUMNS):
            raise SchoolImportError(
                "This does not look like the GIAS establishments CSV: its first line has none "
                f"of the expected columns ({', '.join(COLUMNS.values())})."
            )
        if missing:
            raise SchoolImportError(
                f"The file is missing required column{'s' if len(missing) > 1 else ''}: "
                f"{', '.join(missing)}. Nothing was imported."
            )
        return indices

    def rows(self) -> Iterator[SchoolRow | RowError]:
        self.file.seek(0)
        text = io.TextIOWrapper(self.file, encoding=self.encoding, newline="")
        try:
            reader = csv.reader(text)
            next(reader, None)  # the header, already checked
            parse = RowParser(self.indices, len(self.header))
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as error:
                    raise SchoolImportError(
                        f"Line {reader.line_num} could not be read as CSV ({error}). "
                        "Nothing was imported."
                    ) from None
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                yield parse(row, reader.line_num)
        finally:
            text.detach()


class RowParser:
    """Turns one CSV row into a SchoolRow, or a RowError saying what is wrong with it."""

    def __init__(self, indices: dict[str, int], header_length: int):
        self.header_length = header_length
        self.needed = max(indices.values()) + 1
        self.urn_index = indices["urn"]
        self.text_indices = [(field, indices[field]) for field in TEXT_FIELDS]
        self.limits = max_lengths()

    def __call__(self, row: list[str], line: int) -> SchoolRow | RowError:
        if len(row) < self.needed:
            return RowError(
                line,
                f"the row has {len(row)} column{'s' if len(row) != 1 else ''} but the header "
                f"has {self.header_length}",
            )
        raw_urn = row[self.urn_index].strip()
        if not raw_urn:
            return RowError(line, "URN is missing")
        if not raw_urn.isdigit() or not raw_urn.isascii():
            return RowError(line, f"URN {raw_urn!r} is not a number")
        urn = int(raw_urn)
        if not 0 < urn <= MAX_URN:
            return RowError(line, f"URN {raw_urn!r} is not a valid URN")
        values = []
        for field, index in self.text_indices:
            value = row[index].strip()
            if len(value) > self.limits[field]:
                return RowError(
                    line,
                    f"{COLUMNS[field]} is longer than {self.limits[field]} characters "
                    f"({value[:40]!r}…)",
                )
            values.append(value)
        name, establishment_type, phase = values[0], values[1], values[2]
        if not name:
            return RowError(line, f"EstablishmentName is missing for URN {urn}")
        values[2] = phase_from_register(phase, establishment_type)
        values[REGION_INDEX] = region_from_register(values[REGION_INDEX])
        values.append(values[7].casefold() != CLOSED_STATUS)
        return SchoolRow(line=line, urn=urn, values=tuple(values))
