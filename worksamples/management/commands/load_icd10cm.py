import time

from django.core.management.base import BaseCommand

from worksamples.codeset import ATTRIBUTION, load_code_set, release_version


class Command(BaseCommand):
    help = "Load the ICD-10-CM code set from the pinned simple-icd-10-cm package (skipped when already loaded)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Reload even if this release is loaded")

    def handle(self, *args, force=False, **options):
        started = time.perf_counter()
        count = load_code_set(force=force)
        if count is None:
            self.stdout.write(f"{release_version()}: already loaded, nothing to do.")
            return
        self.stdout.write(f"Loaded {count} ICD-10-CM entries in {time.perf_counter() - started:.1f} s.")
        self.stdout.write(ATTRIBUTION)
