"""Search latency on the real ICD-10-CM code set: ~200 realistic queries, p50/p95/p99.

Run after `manage.py load_icd10cm` (uses DATABASE_URL, SQLite by default):
    DEBUG=1 .venv/bin/python bench/bench_icd_search.py
Target: 95% of queries under 50 ms. Not a test: numbers depend on the machine.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "himcareers.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from worksamples.models import IcdEntry  # noqa: E402

# The searches are the ones `make bench` sends over HTTP (bench/harness/newpages.py).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness.newpages import icd_queries as queries  # noqa: E402


def main() -> None:
    count = IcdEntry.objects.count()
    if count < 90000:
        sys.exit(f"Load the code set first (manage.py load_icd10cm): {count} entries found.")
    qs = queries()
    for q in qs[:10]:  # warm the caches
        IcdEntry.objects.search(q)
    times = []
    for q in qs:
        started = time.perf_counter()
        IcdEntry.objects.search(q)
        times.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(times, n=100)
    under = sum(t < 50 for t in times) / len(times)
    print(f"{connection.vendor}: {len(times)} queries over {count} entries")
    print(f"p50 {cuts[49]:.1f} ms  p95 {cuts[94]:.1f} ms  p99 {cuts[98]:.1f} ms  max {max(times):.1f} ms")
    print(f"{under:.0%} under 50 ms (target 95%)")


if __name__ == "__main__":
    main()
