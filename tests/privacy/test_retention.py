"""Results and closed, empty cohorts are kept RESULT_RETENTION_DAYS; manage.py purge_expired
removes what is older, says what it removed, and removes nothing more on a second run."""

import io
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from axes.models import AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from assessments.models import Cohort, Result
from tests.assessments.factories import CohortFactory, ResultFactory
from tests.privacy.conftest import HTTPS

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def aged(obj, days: float):
    """Move a row's creation date ``days`` into the past (created is auto_now_add)."""
    type(obj).objects.filter(pk=obj.pk).update(created=timezone.now() - timedelta(days=days))
    obj.refresh_from_db()
    return obj


def purge() -> str:
    out = io.StringIO()
    call_command("purge_expired", stdout=out)
    return out.getvalue()


def test_results_are_kept_365_days_unless_configured():
    env = {k: v for k, v in os.environ.items() if k != "RESULT_RETENTION_DAYS"}
    env.update(DJANGO_SETTINGS_MODULE="himcareers.settings_test")
    code = "from django.conf import settings; print(settings.RESULT_RETENTION_DAYS)"
    assert subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip() == "365"
    env["RESULT_RETENTION_DAYS"] = "30"
    assert subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip() == "30"


@pytest.mark.parametrize("value", ["a year", "0", "-5"])
def test_a_malformed_retention_stops_the_app_with_a_clear_message(value):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "himcareers.settings_test", "RESULT_RETENTION_DAYS": value}
    run = subprocess.run([sys.executable, "-c", "import django; django.setup()"], env=env, cwd=ROOT, capture_output=True, text=True)
    assert run.returncode != 0
    assert "RESULT_RETENTION_DAYS must be" in run.stderr


def test_env_example_lists_the_setting():
    assert "\nRESULT_RETENTION_DAYS=365\n" in (ROOT / ".env.example").read_text()


def test_purge_removes_old_results_keeps_recent_ones_and_says_so():
    old = [aged(ResultFactory(), 366), aged(ResultFactory(), 1000)]
    recent = [aged(ResultFactory(), 364), ResultFactory()]

    output = purge()

    assert "Removed 2 result(s)" in output
    assert set(Result.objects.all()) == set(recent)
    assert not Result.objects.filter(pk__in=[r.pk for r in old]).exists()


def test_a_second_run_removes_nothing_more():
    aged(ResultFactory(), 400)
    purge()

    output = purge()

    assert "Removed 0 result(s) and 0 closed cohort(s)" in output
    assert "0 sign-in record(s)" in output


@override_settings(RESULT_RETENTION_DAYS=30)
def test_the_age_follows_the_setting():
    old, recent = aged(ResultFactory(), 31), aged(ResultFactory(), 29)

    assert "older than 30 days" in purge()

    assert list(Result.objects.all()) == [recent]
    assert not Result.objects.filter(pk=old.pk).exists()


def test_closed_old_cohorts_go_once_their_last_result_has_expired():
    closed_old = aged(CohortFactory(is_open=False), 500)
    aged(ResultFactory(cohort=closed_old), 400)
    closed_old_with_recent = aged(CohortFactory(is_open=False), 500)
    aged(ResultFactory(cohort=closed_old_with_recent), 10)
    open_old = aged(CohortFactory(is_open=True), 500)
    closed_new = aged(CohortFactory(is_open=False), 100)

    output = purge()

    assert "1 closed cohort(s)" in output
    assert set(Cohort.objects.all()) == {closed_old_with_recent, open_old, closed_new}
    assert closed_old_with_recent.results.count() == 1  # no result leaves before its own date


def test_purge_drops_the_cached_pages_of_what_it_removed(client):
    result = ResultFactory()
    assert client.get(result.get_absolute_url(), **HTTPS).status_code == 200  # now cached
    aged(result, 366)

    purge()

    assert client.get(result.get_absolute_url(), **HTTPS).status_code == 404


def test_purge_removes_old_sign_in_records_and_expired_sessions():
    now = timezone.now()
    old = AccessLog.objects.create(username="pat", ip_address="198.51.100.4", user_agent="x", attempt_time=now)
    AccessLog.objects.filter(pk=old.pk).update(attempt_time=now - timedelta(days=400))
    recent = AccessLog.objects.create(username="pat", ip_address="198.51.100.4", user_agent="x", attempt_time=now)
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=now - timedelta(hours=1))
    live = Session.objects.create(session_key="b" * 32, session_data="", expire_date=now + timedelta(hours=1))

    output = purge()

    assert "1 sign-in record(s) and 1 expired session(s)" in output
    assert list(AccessLog.objects.all()) == [recent]
    assert list(Session.objects.all()) == [live]


def test_purge_handles_more_results_than_one_chunk(monkeypatch):
    from assessments import deletion

    monkeypatch.setattr(deletion, "PURGE_CHUNK", 3)
    for _ in range(7):
        aged(ResultFactory(), 400)
    ResultFactory()

    assert "Removed 7 result(s)" in purge()
    assert Result.objects.count() == 1


def test_each_results_page_says_until_when_it_is_kept(client):
    result = aged(ResultFactory(), 10)
    until = (result.created + timedelta(days=settings.RESULT_RETENTION_DAYS)).strftime("%B %-d, %Y")

    html = client.get(result.get_absolute_url(), **HTTPS).content.decode()

    assert f"We keep these results until <strong>{until}</strong>" in html


def test_the_readme_tells_operators_to_schedule_the_purge():
    readme = (ROOT / "README.md").read_text()
    production = readme.split("## Production", 1)[1].split("\n## ", 1)[0]
    assert "manage.py purge_expired" in production
    assert "cron" in production
