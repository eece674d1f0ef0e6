"""Create a counselor account: a user with a CounselorProfile. There is no open sign-up.

    manage.py create_counselor jsmith --email j.smith@school.example --school "Lincoln High"
        asks for the password twice (it must pass the site's password rules)
    ... --password-stdin          reads the password from standard input (scripts)
    ... --invite                  sets no password and prints a one-time link where the
                                  counselor chooses one (needs the password_reset_confirm URL)
"""

import getpass
import sys
from argparse import RawDescriptionHelpFormatter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from assessments.models import CounselorProfile

EXAMPLES = """
examples:
  Ask for the password (twice) at the terminal:
    manage.py create_counselor jsmith --email j.smith@school.example --school "Lincoln High"
  From a script, the password on standard input:
    printf '%s\\n' "$PASSWORD" | manage.py create_counselor jsmith --password-stdin
  No password: print a one-time link where the counselor chooses one:
    manage.py create_counselor jsmith --invite --site-url https://careers.example.org
  On this machine, with `PORT=9000 make run` serving the site:
    manage.py create_counselor jsmith --invite --site-url http://127.0.0.1:9000
"""


class Command(BaseCommand):
    help = "Create a counselor account (user + counselor profile), with a password or an invite link."

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        parser.epilog = EXAMPLES
        return parser

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--school", default="")
        how = parser.add_mutually_exclusive_group()
        how.add_argument("--password-stdin", action="store_true", help="Read the password from standard input.")
        how.add_argument("--invite", action="store_true", help="Print a one-time link to choose a password.")
        parser.add_argument(
            "--site-url", default="", help="The site's address for the invite link (default: the SITE_URL setting)."
        )

    def handle(self, *args, username, email, first_name, last_name, school, password_stdin, invite, site_url, **options):
        User = get_user_model()
        username = username.strip()
        if not username:
            raise CommandError("Give a username.")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        user = User(username=username, email=email.strip(), first_name=first_name, last_name=last_name)
        site_url = (site_url or settings.SITE_URL).rstrip("/")
        if invite:
            self._invite_path_check(site_url)
            user.set_unusable_password()
        else:
            password = self._read_password(password_stdin)
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise CommandError("Password refused: " + " ".join(exc.messages)) from exc
            user.set_password(password)
        with transaction.atomic():
            user.save()
            CounselorProfile.objects.create(user=user, school=school.strip())
        self.stdout.write(self.style.SUCCESS(f"Counselor {username!r} created."))
        if invite:
            self.stdout.write(f"Send them this one-time link to choose a password:\n{site_url}{self._invite_path(user)}")

    def _read_password(self, from_stdin: bool) -> str:
        if from_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        elif sys.stdin.isatty():
            password = getpass.getpass("Password: ")
            if getpass.getpass("Password (again): ") != password:
                raise CommandError("The two passwords differ.")
        else:
            raise CommandError("No terminal to ask for a password: use --password-stdin or --invite.")
        if not password:
            raise CommandError("The password is empty.")
        return password

    def _invite_path_check(self, site_url: str):
        if not site_url.startswith(("http://", "https://")):
            raise CommandError(
                "Invites need the site's address: --site-url https://careers.example.org (or the SITE_URL setting)."
            )
        try:
            reverse("password_reset_confirm", kwargs={"uidb64": "x", "token": "x-x"})
        except NoReverseMatch:
            raise CommandError(
                "Invites need the password_reset_confirm URL (django.contrib.auth.views.PasswordResetConfirmView)."
            ) from None

    def _invite_path(self, user) -> str:
        uid = urlsafe_base64_encode(force_bytes(user.pk))
        return reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": default_token_generator.make_token(user)})
