"""Fixtures shared by every app's tests."""

import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


SETTINGS_CHOSEN_BY_THE_SUITE = {
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DATABASE_URL",
    "CACHE_URL",
}


def development_env(data_dir: Path) -> dict[str, str]:
    """The environment for a manage.py, Celery or `make run` subprocess on development settings,
    with its data (SQLite, caches, the embedded broker's folders) under data_dir.

    A broker named by CELERY_BROKER_URL passes through (CI's second run: Redis), so such tests run
    on it; in a task queue of their own, since parallel tests share that one Redis and a worker
    would otherwise take another test's tasks."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in SETTINGS_CHOSEN_BY_THE_SUITE
    }
    env.update(
        DJANGO_ENV="dev",
        DATA_DIR=str(data_dir),
        PYTHONUNBUFFERED="1",
        CELERY_TASK_DEFAULT_QUEUE=f"test-{uuid.uuid4().hex}",
    )
    return env


@pytest.fixture(name="development_env")
def development_env_fixture():
    """development_env() for tests: call it with the folder the subprocess should keep its data in."""
    return development_env


@pytest.fixture(scope="session")
def migrated_dev_database(tmp_path_factory) -> Path:
    """A development SQLite database migrated once per test process. Tests that run the platform
    in subprocesses (real workers, `run_platform`) copy it: migrating takes most of a minute."""
    folder = tmp_path_factory.mktemp("migrated-dev")
    env = development_env(folder)
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=Path(__file__).resolve().parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "db.sqlite3"


@pytest.fixture
def migrated_data_dir(tmp_path, migrated_dev_database) -> Path:
    """tmp_path as a DATA_DIR that already holds a migrated development database."""
    shutil.copy(migrated_dev_database, tmp_path / "db.sqlite3")
    return tmp_path


@pytest.fixture(scope="session")
def browser(django_db_setup):
    from playwright.sync_api import sync_playwright

    from django.db import connections

    # Django's connections are context-local, and once Playwright's sync API is running the tests
    # see new connection objects. Serialized rollback restores the data migrations' rows from an
    # attribute of the connection object, so hand it on; otherwise, after any `db` test, the
    # second browser test starts with an empty database.
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def clear_cache():
    """Rate-limit counters, used TOTP codes, Wagtail's caches and the page cache: start empty."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture
def page(browser, live_server, transactional_db, django_db_serialized_rollback):
    """A browser tab on the live server.

    The live server needs real commits, so the database is emptied after each test; serialized
    rollback puts back what the data migrations made (the home page, the broker group).
    """
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(10_000)
    browser_page = context.new_page()
    yield browser_page
    context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def serious_violations(results) -> list[str]:
    """The axe violations a person would be blocked or badly hindered by."""
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)"
        for violation in results.response["violations"]
        if violation.get("impact") in {"serious", "critical"}
    ]


@pytest.fixture
def assert_accessible(axe):
    def check(browser_page):
        violations = serious_violations(axe.run(browser_page))
        assert violations == [], "\n".join(violations)

    return check


@pytest.fixture
def whole_sitemap():
    """`whole_sitemap(client)`: every document the sitemap index names, together, as a crawler
    reads them (the index alone lists no page)."""

    def read(client) -> str:
        index = client.get("/sitemap.xml")
        assert index.status_code == 200
        documents = re.findall(r"<loc>http://testserver(/[^<]*)</loc>", index.content.decode())
        assert documents
        xml = ""
        for path in documents:
            response = client.get(path.replace("&amp;", "&"))
            assert response.status_code == 200
            xml += response.content.decode()
        return xml

    return read
