"""The main pages validate with the Nu Html Checker: no error, for a co-leader who sees the most."""

import pytest

from .main_pages import build_main_pages
from .nu_checker import html_errors
from .other_pages import build_other_pages

pytestmark = pytest.mark.django_db


def test_main_pages_have_no_html_errors(client, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    pages = build_main_pages()
    client.force_login(pages.co_leader)
    documents = {}
    for name, path in pages.paths.items():
        response = client.get(path)
        assert response.status_code == 200, f"{name} ({path}): {response.status_code}"
        documents[name] = response.content.decode()

    errors = html_errors(documents, tmp_path)

    found = {name: messages for name, messages in errors.items() if messages}
    assert found == {}, "\n".join(
        f"{name} ({pages.paths.get(name)}):\n  " + "\n  ".join(messages)
        for name, messages in found.items()
    )


def test_pages_on_the_way_in_have_no_html_errors(client, tmp_path, settings):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    pages = build_main_pages()
    documents = {}
    for name, path in pages.signed_out_paths.items():
        response = client.get(path)
        assert response.status_code == 200, f"{name} ({path}): {response.status_code}"
        documents[name] = response.content.decode()

    errors = html_errors(documents, tmp_path)

    assert {name: messages for name, messages in errors.items() if messages} == {}


def test_pages_with_tables_beyond_the_main_ones_have_no_html_errors(client, tmp_path, settings):
    """The broker's pages for the broker, the others for a co-leader of the reviewed network."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    pages = build_other_pages()
    documents = {}
    for person, paths in [
        (pages.broker, pages.broker_paths),
        (pages.co_leader, pages.co_leader_paths),
    ]:
        client.force_login(person)
        for name, path in paths.items():
            response = client.get(path)
            assert response.status_code == 200, f"{name} ({path}): {response.status_code}"
            documents[name] = response.content.decode()

    errors = html_errors(documents, tmp_path)

    assert {name: messages for name, messages in errors.items() if messages} == {}


def test_checker_reports_a_datetime_with_microseconds(tmp_path):
    page = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<time datetime="2026-01-02T03:04:05.123456+00:00">2 January</time></body></html>'
    )

    errors = html_errors({"page": page}, tmp_path)

    assert any("datetime" in message for message in errors["page"])
