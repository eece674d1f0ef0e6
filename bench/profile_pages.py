"""Where a page's time goes: cProfile of N requests through Django's test client, in-process.

Production settings (DEBUG off, whitenoise, the page cache) on a scratch database that it
migrates and loads, or on the database of DATABASE_URL / SQLITE_PATH when ``--reuse`` is given.
The pages are found as ``make bench`` finds them (bench/harness/discovery.py).

    .venv/bin/python bench/profile_pages.py score_api results quiz_submit
    .venv/bin/python bench/profile_pages.py score_api --requests 500 --top 25 --sort tottime
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.common import HOST, ROOT  # noqa: E402
from harness.servers import prepare_database, production_env  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="page keys: home, role, quiz_form, quiz_submit, results, packet, score_api, ...")
    parser.add_argument("--requests", type=int, default=300, help="requests profiled per page (default 300)")
    parser.add_argument("--top", type=int, default=20, help="functions listed per page (default 20)")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key (default cumulative)")
    parser.add_argument("--reuse", action="store_true", help="use the database of the environment as it is")
    return parser.parse_args(argv)


def setup_django(args, workdir: Path) -> None:
    env = production_env()
    if not args.reuse:
        if not os.environ.get("DATABASE_URL"):
            env["SQLITE_PATH"] = str(workdir / "profile.sqlite3")
        prepare_database(env)
    os.environ.clear()
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "himcareers.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def main(argv=None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="himcareers-profile-") as tmp:
        setup_django(args, Path(tmp))
        from harness.costs import _test_client_fetch
        from harness.discovery import discover

        fetch = _test_client_fetch()
        reqs, missing, _notes = discover(fetch, origin=f"https://{HOST}")
        for key in args.pages:
            if key not in reqs:
                print(f"{key}: not available ({missing.get(key, 'unknown page key')})")
                continue
            req = reqs[key]
            for _ in range(20):  # warm caches
                fetch(req)
            started = time.perf_counter()
            for _ in range(args.requests):
                fetch(req)
            plain = (time.perf_counter() - started) / args.requests * 1000
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(args.requests):
                fetch(req)
            profiler.disable()
            print(f"\n=== {key}: {req.method} {req.path[:60]}  {plain:.3f} ms per request (unprofiled, test client included)")
            pstats.Stats(profiler).strip_dirs().sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
