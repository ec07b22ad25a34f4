"""Every template's tables sit in a labelled, focusable scroll region, including the ones no
quality test renders (includes, Wagtail admin and allauth pages)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REGION = re.compile(r"<div\b[^>]*>")
CAPTION = re.compile(r"<caption\b[^>]*>")


def templates_with_tables() -> list[Path]:
    return [
        path
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "<table" in path.read_text(encoding="utf-8")
    ]


def table_problems(html: str) -> list[str]:
    problems = []
    for table in re.finditer(r"<table\b", html):
        line = html.count("\n", 0, table.start()) + 1
        before = html[: table.start()]
        region = (REGION.findall(before) or [""])[-1]
        between = before[before.rfind(region) + len(region) :] if region else before
        if (
            "table-scroll" not in region
            or 'role="region"' not in region
            or 'tabindex="0"' not in region
            or not re.search(r"\baria-label(ledby)?=", region)
            or "</div>" in between
        ):
            problems.append(f"table on line {line} is not directly in a labelled region")
            continue
        labelled_by = re.search(r'aria-labelledby="([^"]+)"', region)
        caption = CAPTION.search(html, table.end())
        if labelled_by and not (caption and f'id="{labelled_by.group(1)}"' in caption.group(0)):
            problems.append(f"table on line {line}: no caption with id {labelled_by.group(1)}")
    return problems


def test_templates_with_tables_are_found():
    assert len(templates_with_tables()) >= 20


def test_every_templates_tables_sit_in_labelled_focusable_regions_named_by_their_caption():
    found = {
        str(path.relative_to(ROOT)): problems
        for path in templates_with_tables()
        if (problems := table_problems(path.read_text(encoding="utf-8")))
    }

    assert found == {}


def test_a_bare_table_is_reported():
    assert table_problems("<div class='x'></div><table><caption>Pupils</caption></table>")


def test_a_region_labelled_by_another_caption_is_reported():
    html = (
        '<div class="table-scroll" role="region" aria-labelledby="a" tabindex="0">'
        '<table><caption id="b">Pupils</caption></table></div>'
    )

    assert table_problems(html) == ["table on line 1: no caption with id a"]
