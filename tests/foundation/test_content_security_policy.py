"""The Content-Security-Policy header, and templates that keep to it (the browser test in
tests/browser/ checks every kind of page in Chromium)."""

import re
from pathlib import Path

from django.conf import settings

REPO_ROOT = Path(__file__).resolve().parents[2]
# A JSON data block (type="application/json") is read by a script, never run: CSP allows it.
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\b(?:src=|type=\"application/json\"))[^>]*>", re.IGNORECASE
)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.IGNORECASE)


def project_templates() -> list[Path]:
    return [
        path
        for path in REPO_ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]


def test_every_page_carries_a_policy_allowing_only_the_sites_own_scripts_and_styles(client, db):
    policy = client.get("/")["Content-Security-Policy"]

    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def test_error_pages_carry_the_policy_too(client, db):
    assert "script-src 'self'" in client.get("/no-such-page/")["Content-Security-Policy"]


def test_frames_may_show_only_the_site_and_the_video_players():
    frame_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]

    assert frame_src == [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]


def test_no_template_holds_an_inline_script_style_or_event_handler():
    offenders = [
        f"{path.relative_to(REPO_ROOT)}: {match.group(0).strip()}"
        for path in project_templates()
        for pattern in (INLINE_SCRIPT, INLINE_STYLE)
        for match in pattern.finditer(path.read_text())
    ]

    assert project_templates(), "no templates found"
    assert offenders == []
