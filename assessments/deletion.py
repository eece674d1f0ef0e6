"""Removing what students and counselors leave here: one result, a cohort, a counselor's
account, and whatever has outlived RESULT_RETENTION_DAYS.

Every removal of results goes through ``results_delete``, which deletes the rows (anything that
points at a result with CASCADE, such as attached work-sample answers, goes with it). A deleted
result's link answers 404 at once: its stored pages are checked against the row on every hit,
and each deleted row's copies are dropped too (core.invalidation.forget_deleted_pages).
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from assessments.models import Cohort, Result, retention_cutoff

PURGE_CHUNK = 500


@transaction.atomic
def results_delete(*, results) -> int:
    """Delete these results (a Result queryset) and forget their cached pages; return how many."""
    tokens = list(results.values_list("token", flat=True))
    if not tokens:
        return 0
    # Each deleted row's stored pages are dropped by core.invalidation.forget_deleted_pages; a
    # copy stored before the commit is never served (its freshness check finds no row).
    Result.objects.filter(token__in=tokens).delete()
    return len(tokens)


def result_delete(*, result: Result) -> None:
    """Delete one result at once: its answers, matches, hidden list, class name and cached pages."""
    results_delete(results=Result.objects.filter(pk=result.pk))


@transaction.atomic
def cohort_delete(*, cohort: Cohort) -> int:
    """Delete a cohort and every result in it; return how many results went."""
    removed = results_delete(results=Result.objects.in_cohort(cohort))
    cohort.delete()
    return removed


def _deleted(queryset, model) -> int:
    """Delete the queryset; return how many rows of ``model`` itself went (not cascaded ones)."""
    return queryset.delete()[1].get(model._meta.label, 0)


@dataclass(frozen=True)
class Removed:
    results: int = 0
    cohorts: int = 0
    sign_in_records: int = 0
    sessions: int = 0


@transaction.atomic
def counselor_close(*, user) -> Removed:
    """Close a counselor's account: the user, their profile, cohorts, their students' results and
    their sign-in records are all deleted. Nothing is handed over to another account."""
    from axes.models import AccessAttempt, AccessLog

    results = results_delete(results=Result.objects.of_counselor(user))
    cohort_count = _deleted(Cohort.objects.owned_by(user), Cohort)
    records = _deleted(AccessLog.objects.filter(username=user.get_username()), AccessLog)
    records += _deleted(AccessAttempt.objects.filter(username=user.get_username()), AccessAttempt)
    user.delete()
    return Removed(results=results, cohorts=cohort_count, sign_in_records=records)


def purge_expired(*, now: datetime | None = None) -> Removed:
    """Delete what is past RESULT_RETENTION_DAYS: results, empty closed cohorts and sign-in
    records older than that, and expired sign-in sessions. Running it twice removes nothing more."""
    from axes.models import AccessAttempt, AccessLog

    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    results = 0
    while True:  # in chunks, so a first run after a long time does not hold one huge transaction
        chunk = Result.objects.expired(cutoff).values_list("pk", flat=True)[:PURGE_CHUNK]
        removed = results_delete(results=Result.objects.filter(pk__in=list(chunk)))
        results += removed
        if removed < PURGE_CHUNK:
            break
    with transaction.atomic():
        expired = list(Cohort.objects.expired(cutoff).values_list("pk", flat=True))
        cohorts = _deleted(Cohort.objects.filter(pk__in=expired), Cohort)
        records = _deleted(AccessLog.objects.filter(attempt_time__lt=cutoff), AccessLog)
        records += _deleted(AccessAttempt.objects.filter(attempt_time__lt=cutoff), AccessAttempt)
        sessions = _deleted(Session.objects.filter(expire_date__lt=now), Session)
    return Removed(results=results, cohorts=cohorts, sign_in_records=records, sessions=sessions)
