from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.content import ContentError, parse_content
from careers.content_checks import check_consistency
from careers.content_spanish import check_spanish


class Command(BaseCommand):
    help = (
        "Check the content files for malformed fields, contradictions between pages and missing or "
        "unfaithful Spanish (X_es beside X), without loading them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(Path(settings.BASE_DIR) / "fixtures" / "content"))

    def handle(self, *args, path, **options):
        try:
            content = parse_content(Path(path))
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        problems = check_consistency(content) + check_spanish(Path(path))
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in the content:\n" + "\n".join(problems))
        self.stdout.write(self.style.SUCCESS(f"Content is consistent: {len(content.roles)} roles checked."))
