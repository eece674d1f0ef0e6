"""Close a counselor's account and delete everything it owns.

    manage.py close_counselor jsmith            asks for confirmation first
    manage.py close_counselor jsmith --yes      for scripts

Deletes the user, their counselor profile, every cohort they made with all its students' results
(and those results' cached pages), and their sign-in records. Nothing is handed over to another
account: a school that wants to keep the results exports each cohort's CSV first. Deleting the
user in the admin removes the same rows (cohorts and results cascade).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from assessments.deletion import counselor_close
from assessments.models import Cohort, Result


class Command(BaseCommand):
    help = "Close a counselor account: delete the user, their cohorts, their students' results and sign-in records."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, username, yes, **options):
        User = get_user_model()
        user = User.objects.filter(username__iexact=username.strip()).first()
        if user is None:
            raise CommandError(f"There is no user named {username!r}.")
        if not yes:
            cohorts = Cohort.objects.owned_by(user).count()
            results = Result.objects.of_counselor(user).count()
            answer = input(f"Delete {user.get_username()} with {cohorts} cohort(s) and {results} result(s)? Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing was deleted.")
        removed = counselor_close(user=user)
        self.stdout.write(
            f"Closed {user.get_username()}: removed {removed.cohorts} cohort(s), {removed.results} result(s) "
            f"and {removed.sign_in_records} sign-in record(s)."
        )
