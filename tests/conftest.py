import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the
# live server fixtures must still be allowed.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CONTENT_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "content"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache: cached pages must not leak between tests."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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
