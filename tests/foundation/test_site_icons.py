"""The favicon and the web app manifest: browsers find them, and they name the project's icons."""

import json

import pytest

from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_favicon_address_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico", follow=True)

    assert response.redirect_chain[0][0].endswith("/static/icons/favicon.ico")
    assert response.status_code == 200


def test_every_page_names_the_icons_and_the_manifest(client):
    html = client.get("/").content.decode()

    assert 'rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml"' in html
    assert 'rel="icon" href="/static/icons/favicon.ico"' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_manifest_is_served_as_a_web_app_manifest(client):
    response = client.get("/manifest.webmanifest")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    assert json.loads(response.content)["name"] == "Networked Learning Communities"


def test_manifest_icons_are_files_of_the_project(client):
    manifest = json.loads(client.get("/manifest.webmanifest").content)

    sources = [icon["src"] for icon in manifest["icons"]]
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    for source in sources:
        assert source.startswith("/static/")
        assert finders.find(source.removeprefix("/static/")), source


def test_content_security_policy_lets_the_manifest_and_icons_load(client):
    policy = client.get("/")["Content-Security-Policy"]

    # manifest-src and img-src fall back to default-src when not set.
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert "'self'" in directives.get("manifest-src", directives["default-src"])
    assert "'self'" in directives["img-src"]
