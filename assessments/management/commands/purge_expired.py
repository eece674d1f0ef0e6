"""Delete what is past its keeping time (RESULT_RETENTION_DAYS, default 365 days).

    manage.py purge_expired

Removes quiz results older than that, closed cohorts older than that with no results left,
counselor sign-in records older than that, and expired sign-in sessions; prints how many of
each. Safe to run as often as you like (a second run removes nothing more): run it daily from
cron or a scheduled job (see the README's production section).
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from assessments.deletion import purge_expired


class Command(BaseCommand):
    help = "Delete results, empty closed cohorts and sign-in records older than RESULT_RETENTION_DAYS."

    def handle(self, *args, **options):
        removed = purge_expired()
        days = settings.RESULT_RETENTION_DAYS
        self.stdout.write(
            f"Removed {removed.results} result(s) and {removed.cohorts} closed cohort(s) older than {days} days, "
            f"{removed.sign_in_records} sign-in record(s) and {removed.sessions} expired session(s)."
        )
