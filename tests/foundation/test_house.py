"""The house: imports point one way, from the roof down to the ground floor.

Every non-test, non-migration module is read as source (nothing is imported or run) and each of
its imports, wherever it stands in the file, is checked against the floors below. An app may
import the floors beneath it; it may not import one above it, nor another app on its own floor.
`site/` (the `nlc` and `home` packages) is the roof, the one place allowed to import every app.
A floor whose folder does not exist yet is simply empty.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Bottom to top: each floor's apps, as the top-level package names the code imports.
FLOORS = [
    {"core"},
    {"search"},
    {"networks"},
    {"artefacts"},
    {"visits"},
    {"peer_review"},
    {"broker"},
    {"nlc", "home"},
]
ROOF = FLOORS[-1]
FLOOR_OF = {app: number for number, apps in enumerate(FLOORS) for app in apps}
# Where each app's package lives in the tree.
FOLDERS = {app: ROOT / app for app in FLOOR_OF} | {app: ROOT / "site" / app for app in ROOF}

# "Current membership" has one spelling, the membership queryset's `current()`.
CURRENT_MEMBERSHIP_FILTER = "left_at" + "__isnull"
CURRENT_MEMBERSHIP_HOME = ROOT / "networks" / "models" / "membership.py"


def is_test_or_migration(path: Path) -> bool:
    parts = set(path.relative_to(ROOT).parts)
    return (
        "tests" in parts
        or "migrations" in parts
        or path.name == "conftest.py"
        or path.name.startswith("test_")
    )


def app_modules():
    """(app, path) for every module of every app that exists, tests and migrations left out."""
    for app, folder in sorted(FOLDERS.items()):
        if folder.is_dir():
            for path in sorted(folder.rglob("*.py")):
                if not is_test_or_migration(path):
                    yield app, path


def imported_apps(path: Path) -> set[tuple[str, int]]:
    """The apps a module imports by absolute name, with the line of each import."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in FLOOR_OF:
                found.add((top, node.lineno))
    return found


def wrong_way_imports() -> list[str]:
    problems = []
    for app, path in app_modules():
        floor = FLOOR_OF[app]
        for imported, line in sorted(imported_apps(path)):
            if imported == app:
                continue
            where = f"{path.relative_to(ROOT)}:{line}"
            if FLOOR_OF[imported] > floor:
                problems.append(f"{where}: {app} imports {imported}, a floor above it")
            elif FLOOR_OF[imported] == floor and app not in ROOF:
                problems.append(f"{where}: {app} imports {imported}, on its own floor")
    return problems


def test_no_app_imports_one_above_it_or_beside_it():
    assert wrong_way_imports() == []


def test_current_membership_is_spelled_only_by_the_membership_queryset():
    spelled_out = [
        str(path.relative_to(ROOT))
        for path in sorted(ROOT.rglob("*.py"))
        if not {".venv", "data", "migrations", "node_modules"} & set(path.relative_to(ROOT).parts)
        and path != CURRENT_MEMBERSHIP_HOME
        and CURRENT_MEMBERSHIP_FILTER in path.read_text(encoding="utf-8")
    ]
    assert spelled_out == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("from artefacts.models import ArtefactPage\n", {"artefacts"}, id="from"),
        pytest.param("import search.tasks\n", {"search"}, id="import"),
        pytest.param("def f():\n    from nlc import urls\n", {"nlc"}, id="inside-a-function"),
        pytest.param("from .models import Membership\n", set(), id="relative"),
        pytest.param("import django.db\n", set(), id="library"),
    ],
)
def test_the_house_check_sees_every_kind_of_import(tmp_path, source, expected):
    module = tmp_path / "module.py"
    module.write_text(source, encoding="utf-8")

    assert {app for app, _ in imported_apps(module)} == expected
