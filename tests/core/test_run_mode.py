"""`make run`'s local mode and the production profile, read from the environment as a server would.

Each case starts a fresh interpreter: settings are read once, at import.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json, django; from django.conf import settings; django.setup(); print(json.dumps({k: getattr(settings, k) for k in "
    "['DEBUG', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SESSION_COOKIE_NAME', 'CSRF_COOKIE_NAME', 'ALLOWED_HOSTS', 'SECRET_KEY']}))"
)
BASE_ENV = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "SITE_MODE", "ALLOWED_HOSTS", "SECURE_SSL_REDIRECT", "DJANGO_ALLOW_ASYNC_UNSAFE"}}


def run(code, **env):
    full = {**BASE_ENV, "DJANGO_SETTINGS_MODULE": "himcareers.settings", **env}
    return subprocess.run([sys.executable, "-c", code], env=full, cwd=ROOT, capture_output=True, text=True, timeout=60)


def settings_with(**env) -> dict:
    done = run(SHOW, **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_local_mode_serves_plain_http_with_debug_off_and_the_key_from_its_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("k" * 60 + "\n")
    shown = settings_with(DEBUG="0", SITE_MODE="local", SECRET_KEY_FILE=str(key_file))
    assert shown["DEBUG"] is False
    assert shown["SECRET_KEY"] == "k" * 60
    assert shown["SECURE_SSL_REDIRECT"] is False and shown["SECURE_HSTS_SECONDS"] == 0
    assert not shown["SESSION_COOKIE_SECURE"] and not shown["CSRF_COOKIE_SECURE"]
    assert (shown["SESSION_COOKIE_NAME"], shown["CSRF_COOKIE_NAME"]) == ("sessionid", "csrftoken")
    assert shown["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost"]


def test_production_keeps_every_https_protection():
    shown = settings_with(DEBUG="0", SECRET_KEY="p" * 60, ALLOWED_HOSTS="example.org")
    assert shown["SECURE_SSL_REDIRECT"] is True and shown["SECURE_HSTS_SECONDS"] >= 31536000
    assert shown["SESSION_COOKIE_SECURE"] and shown["CSRF_COOKIE_SECURE"]
    assert shown["SESSION_COOKIE_NAME"].startswith("__Host-")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "0"}, "SECRET_KEY (or SECRET_KEY_FILE) must be set"),
        ({"DEBUG": "0", "SITE_MODE": "local"}, "SECRET_KEY (or SECRET_KEY_FILE) must be set"),
        ({"DEBUG": "0", "SECRET_KEY_FILE": "/nonexistent/key"}, "cannot be read"),
        ({"DEBUG": "0", "SECRET_KEY": "x" * 60, "SITE_MODE": "staging"}, "SITE_MODE must be production or local"),
    ],
)
def test_a_missing_key_or_an_unknown_mode_stops_the_app_with_a_clear_message(env, message):
    done = run("import django; django.setup()", **env)
    assert done.returncode != 0
    assert message in done.stderr


def test_an_empty_key_file_stops_the_app(tmp_path):
    empty = tmp_path / "key"
    empty.write_text("\n")
    done = run("import django; django.setup()", DEBUG="0", SECRET_KEY_FILE=str(empty))
    assert done.returncode != 0 and "is empty" in done.stderr


def test_the_production_profile_passes_the_deploy_checks():
    env = {**BASE_ENV, "DJANGO_SETTINGS_MODULE": "himcareers.settings", "DEBUG": "0", "SECRET_KEY": "ci-" + "q7Z" * 20, "ALLOWED_HOSTS": "example.org"}
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_secret_key_file_is_never_committed():
    ignored = subprocess.run(["git", "check-ignore", "-q", ".secret_key"], cwd=ROOT, check=False)
    assert ignored.returncode == 0
