"""The file's encoding: Windows-1252 (the real export), UTF-8 with or without a BOM, or refused."""

import io

import pytest

from core.schools.importers import SchoolImportError
from core.schools.models import School
from core.schools.services import import_schools

from .gias import gias_csv, school

pytestmark = pytest.mark.django_db

ACCENTED = [
    school(100001, "St Mary’s Catholic Primary School"),
    school(100002, "Ysgol Gymraeg Llundain", town="Hanwell"),
    school(100003, "École Française Jacques Prévert", town="London"),
]


def names() -> set[str]:
    return set(School.objects.values_list("name", flat=True))


def test_windows_1252_file_imports_curly_apostrophes_and_accents():
    data = gias_csv(ACCENTED, encoding="cp1252")
    assert "’".encode("cp1252") in data  # the real export's 0x92, not UTF-8

    result = import_schools(file=io.BytesIO(data))

    assert result.created == 3
    assert names() == {
        "St Mary’s Catholic Primary School",
        "Ysgol Gymraeg Llundain",
        "École Française Jacques Prévert",
    }


def test_utf8_file_with_byte_order_mark_imports_and_the_bom_is_not_part_of_the_urn_header():
    result = import_schools(file=io.BytesIO(gias_csv(ACCENTED, encoding="utf-8", bom=True)))

    assert result.created == 3
    assert result.errors == []
    assert "St Mary’s Catholic Primary School" in names()


def test_utf8_file_without_byte_order_mark_imports():
    result = import_schools(file=io.BytesIO(gias_csv(ACCENTED, encoding="utf-8")))

    assert result.created == 3
    assert "École Française Jacques Prévert" in names()


def test_windows_1252_accent_late_in_the_file_is_still_read_as_windows_1252():
    rows = [school(100000 + n, f"Brookside School {n}") for n in range(1, 3000)]
    rows.append(school(109999, "St Anne’s School"))

    import_schools(file=io.BytesIO(gias_csv(rows, encoding="cp1252")))

    assert School.objects.get(urn=109999).name == "St Anne’s School"


def test_binary_file_is_refused_with_a_clear_message_and_nothing_is_written():
    garbage = b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 40  # a zip (e.g. .xlsx)

    with pytest.raises(SchoolImportError, match="not a CSV text file"):
        import_schools(file=io.BytesIO(garbage))
    assert School.objects.count() == 0


def test_file_in_neither_utf8_nor_windows_1252_is_refused_naming_both_encodings():
    # 0x81 and 0x8D are undefined in Windows-1252 and invalid on their own in UTF-8.
    data = gias_csv([school(100001)], encoding="cp1252") + b"100002,\x81\x8d,x\r\n"

    with pytest.raises(SchoolImportError) as error:
        import_schools(file=io.BytesIO(data))

    assert "neither Windows-1252" in str(error.value)
    assert "UTF-8" in str(error.value)
    assert School.objects.count() == 0


def test_utf16_file_is_refused_as_not_a_csv_text_file():
    data = gias_csv([school(100001)], encoding="utf-8").decode().encode("utf-16")

    with pytest.raises(SchoolImportError, match="not a CSV text file"):
        import_schools(file=io.BytesIO(data))


def test_empty_file_is_refused():
    with pytest.raises(SchoolImportError, match="empty"):
        import_schools(file=io.BytesIO(b""))
