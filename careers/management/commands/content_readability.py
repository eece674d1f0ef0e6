from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.content import ContentError
from careers.content_readability import FLOOR, readability_scores


class Command(BaseCommand):
    help = (
        "Print the Fernández-Huerta reading ease of each role's Spanish summary and typical day and "
        f"of the Spanish quiz statements ({FLOOR:g} or more is normal or easier). Needs textstat (test extras)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--path", default=str(Path(settings.BASE_DIR) / "fixtures" / "content"))

    def handle(self, *args, path, **options):
        try:
            scores = readability_scores(Path(path))
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        below = 0
        for name, score in sorted(scores.items(), key=lambda kv: (kv[1] is not None, kv[1] or 0)):
            if score is None:
                verdict, below = "no Spanish", below + 1
            elif score < FLOOR:
                verdict, below = "below the floor", below + 1
            else:
                verdict = "ok"
            shown = "   -  " if score is None else f"{score:6.1f}"
            self.stdout.write(f"{shown}  {name}  ({verdict})")
        self.stdout.write(f"{len(scores) - below} of {len(scores)} at or above {FLOOR:g}.")
