"""Production settings pass Django's deployment checklist and refuse to start without secrets.

Each test runs `manage.py check --deploy` in a fresh process, so DJANGO_ENV picks the settings
exactly as it does on a server.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHECK_DEPLOY = [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"]
# Inherited variables that would decide the outcome instead of DJANGO_ENV: the settings module,
# the two secrets under test, and the async escape hatch the browser tests' conftest turns on.
LEFT_TO_THE_TEST_RUN = {
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in LEFT_TO_THE_TEST_RUN}
    env.update(
        DJANGO_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="example.org",
        DATA_DIR=str(tmp_path),
    )
    return env


def check_deploy(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        CHECK_DEPLOY, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_pass_the_deployment_checklist(production_env):
    result = check_deploy(production_env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(production_env):
    del production_env["SECRET_KEY"]

    result = check_deploy(production_env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts(production_env):
    del production_env["ALLOWED_HOSTS"]

    result = check_deploy(production_env)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_rejects_an_unknown_environment_name(production_env):
    production_env["DJANGO_ENV"] = "prod"

    result = check_deploy(production_env)

    assert result.returncode != 0
    assert "DJANGO_ENV='prod' is not one of" in result.stderr


def setting_in(env: dict[str, str], name: str) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "--no-imports",
            "-c",
            f"from django.conf import settings; print(settings.{name})",
        ],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_links_in_production_emails_use_https(production_env):
    assert setting_in(production_env, "ACCOUNT_DEFAULT_HTTP_PROTOCOL") == "https"


def test_links_in_development_emails_use_http_like_runserver(production_env):
    production_env["DJANGO_ENV"] = "dev"

    assert setting_in(production_env, "ACCOUNT_DEFAULT_HTTP_PROTOCOL") == "http"


def test_production_takes_the_trusted_proxy_count_from_the_environment(production_env):
    production_env["TRUSTED_PROXY_COUNT"] = "1"

    assert setting_in(production_env, "ALLAUTH_TRUSTED_PROXY_COUNT") == "1"


def test_forwarded_addresses_are_not_trusted_unless_a_proxy_count_is_set(production_env):
    production_env.pop("TRUSTED_PROXY_COUNT", None)

    assert setting_in(production_env, "ALLAUTH_TRUSTED_PROXY_COUNT") == "0"
