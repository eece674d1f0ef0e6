from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from careers.content import ContentError


class Command(BaseCommand):
    help = "Load the reference content (roles, certifications, education, quiz items) from fixtures/content/. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(Path(settings.BASE_DIR) / "fixtures" / "content"))

    def handle(self, *args, path, **options):
        root = Path(path)
        changes = 0
        try:
            # The loaders are wired in settings.CONTENT_LOADERS, so careers need not know
            # which other apps keep content (the questionnaire's items, for one).
            for dotted in settings.CONTENT_LOADERS:
                report = import_string(dotted)(root)
                changes += report.changes
                for line in report.lines():
                    self.stdout.write(line)
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Content loaded: {changes} change(s)."))
