import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# live server fixtures must still be allowed.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CONTENT_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "content"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


def pytest_sessionstart(session):
    """Compile the Spanish messages when the .po is newer than the .mo (make test does it too;
    this covers a plain `pytest` run after editing a translation)."""
    import subprocess

    for po in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check", "-o", str(mo), str(po)], check=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache: cached pages must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_first():
    """Each test starts in English: a request to an /es/ page leaves Spanish active in the
    thread (LocaleMiddleware activates, nothing deactivates), which would leak into the next test."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def real_content(db):
    """The real reference content, loaded by the same command the run target uses."""
    from django.core.management import call_command

    call_command("load_content", path=str(CONTENT_DIR), stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture(scope="session")
def real_content_db(django_db_setup, django_db_blocker):
    """Real content loaded once for a whole session (for read-only tests, e.g. the browser)."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_content", path=str(CONTENT_DIR), stdout=open(os.devnull, "w"))  # noqa: SIM115


REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/13")


@pytest.fixture
def shared_cache(settings):
    """The production cache: Redis (a database of its own, emptied before and after), shared by
    every app server. Skips the test when no Redis server answers."""
    import redis

    try:
        redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_TEST_URL}")
    settings.CACHES = {"default": {"BACKEND": "core.cache_backend.FailSoftRedisCache", "LOCATION": REDIS_TEST_URL}}
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()
