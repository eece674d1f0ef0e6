"""`make bench`: the app's pages under gunicorn in production mode, against references.

One run starts the app (DEBUG off, whitenoise, gunicorn -w 2) on SQLite and, when a server
answers, on PostgreSQL, plus the minimal Django view of bench/reference.py and, per database,
the minimal form-and-insert view of bench/write_reference.py, under the same gunicorn flags. It
drives every page type with the same short, bounded load (wrk, or a Python load generator), and
prints requests/s, p50/p99 latency and the ratio to the reference measured in the same run (the
quiz submission also against the write reference); then each worker's resident memory, the
database queries per page type (Django's test client in a separate process), the bytes a
browser downloads for each page (HTML plus its CSS and JS, compressed as served) and the bars.
Results go to bench/results/ as JSON and Markdown. The machinery is in bench/harness/.

    .venv/bin/python bench/run.py                 # everything, about 4 minutes on 2 cores
    .venv/bin/python bench/run.py --only sqlite --rounds 1 --skip-scoring   # a quick look
    .venv/bin/python bench/run.py --check         # exit 1 when a bar is missed
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.common import BENCH, CLOCK, HOST, PYTHON, ROOT, http_fetch, say  # noqa: E402  (bench/ on the path first)
from harness.costs import count_queries, count_queries_here, page_bytes  # noqa: E402
from harness.discovery import discover, write_reference_request  # noqa: E402
from harness.loadgen import ensure_wrk  # noqa: E402
from harness.measure import Setup, measure_pages, memory  # noqa: E402
from harness.newpages import icd_latency  # noqa: E402
from harness.report import LABELS, evaluate, write_report  # noqa: E402
from harness.servers import (  # noqa: E402
    Gunicorn,
    ScratchPostgres,
    collectstatic_if_needed,
    prepare_database,
    production_env,
)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per page, each followed by a reference run; the best counts (default 3)")
    parser.add_argument("--round-seconds", type=float, default=1, help="seconds per run (default 1; wrk counts whole seconds)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="measure one database only")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto", help="load generator (default: wrk when available)")
    parser.add_argument("--pages", nargs="+", metavar="KEY", help="measure these page types only (e.g. score_api results quiz_submit)")
    parser.add_argument("--skip-icd", action="store_true", help="do not load the ICD-10-CM code set (its search is then not available)")
    parser.add_argument("--skip-scoring", action="store_true", help="do not run bench/bench_scoring.py")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is missed")
    parser.add_argument("--count-queries", metavar="OUT", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run_scoring(workdir: Path) -> dict | None:
    script = BENCH / "bench_scoring.py"
    if not script.exists():
        return None
    out = workdir / "scoring.json"
    say("== scoring micro-benchmark (bench/bench_scoring.py)")
    try:
        done = subprocess.run([PYTHON, str(script), "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=240, check=False)
    except subprocess.TimeoutExpired:
        say("bench/bench_scoring.py did not finish within 240 s: left out")
        return {"returncode": None, "stdout": "did not finish within 240 s", "stderr": "", "results": None}
    print(done.stdout.rstrip(), flush=True)
    data = json.loads(out.read_text()) if out.exists() else None
    return {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr[-2000:], "results": data}


def databases(args, env: dict[str, str], workdir: Path, stack: contextlib.ExitStack, report: dict) -> dict[str, dict[str, str]]:
    """The environment of each database to measure: a fresh SQLite file, and a scratch
    PostgreSQL database when a server answers (DATABASE_URL's, or 127.0.0.1:5432 as postgres)."""
    targets = {}
    if args.only != "postgresql":
        targets["sqlite"] = {**env, "SQLITE_PATH": str(workdir / "bench.sqlite3")}
    if args.only != "sqlite":
        pg = ScratchPostgres.create("himcareers_bench")
        if pg.url:
            stack.callback(pg.drop)
            targets["postgresql"] = {**env, "DATABASE_URL": pg.url}
        else:
            say(f"PostgreSQL: skipped ({pg.reason})")
            report["targets"]["postgresql"] = {"skipped": pg.reason}
    return targets


def start_app(name: str, target_env: dict[str, str], args, workdir: Path, servers: contextlib.ExitStack, setup: Setup, report: dict) -> None:
    """Prepare one database, start the app and its write reference on it, find the pages."""
    say(f"== {name}: migrate, load_content, gunicorn -w {args.workers}")
    prepare_database(target_env, icd=not args.skip_icd)
    setup.apps[name] = app = servers.enter_context(Gunicorn(f"app-{name}", "himcareers.wsgi", target_env, workdir, workers=args.workers))
    setup.reqs[name], setup.missing[name], notes = discover(lambda r: http_fetch(app.port, r), origin=f"https://{HOST}:{app.port}")
    report["notes"].update(notes)
    for key, why in setup.missing[name].items():
        say(f"  {LABELS[key]}: not available ({why})")
    submission = setup.reqs[name].get("quiz_submit")
    if submission is None:
        return
    done = subprocess.run([PYTHON, str(BENCH / "write_reference.py"), "--create-table"], cwd=ROOT, env=target_env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"the write reference's table could not be created:\n{done.stderr[-2000:]}")
    wref = servers.enter_context(Gunicorn(f"write-reference-{name}", "write_reference:application", target_env, workdir, workers=args.workers, extra=["--pythonpath", str(BENCH)]))
    setup.writes[name] = (wref, write_reference_request(lambda r: http_fetch(wref.port, r), f"https://{HOST}:{wref.port}", submission))


def bench(targets: dict[str, dict[str, str]], args, tool: str, workdir: Path, report: dict) -> None:
    """Start a gunicorn per database and the references, find the pages, measure them all."""
    with contextlib.ExitStack() as servers:
        setup = Setup(apps={}, ref=None, reqs={}, missing={}, args=args, tool=tool, workdir=workdir)
        for name, target_env in targets.items():
            start_app(name, target_env, args, workdir, servers, setup, report)
        first = next(iter(setup.apps))
        role = setup.reqs[first].get("role")
        report["reference_bytes"] = size = len(http_fetch(setup.apps[first].port, role).body) if role else 25_000
        ref_env = {**targets[first], "REFERENCE_BYTES": str(size)}
        setup.ref = servers.enter_context(Gunicorn("reference", "reference:application", ref_env, workdir, workers=args.workers, extra=["--pythonpath", str(BENCH)]))
        report["bytes"] = {key: page_bytes(setup.apps[first].port, req) for key, req in setup.reqs[first].items()}
        say(f"== load: best of {args.rounds} x {args.round_seconds:g} s per page on {' and '.join(setup.apps)}, alternating with the reference")
        report["reference"], pages = measure_pages(setup)
        say("== resident memory per worker (VmRSS), after the load")
        everything = {**{f"app-{n}": s for n, s in setup.apps.items()}, "reference": setup.ref, **{f"write-reference-{n}": w for n, (w, _) in setup.writes.items()}}
        report["memory"] = memory(everything)
        report["icd_latency"] = icd_latencies(setup)
    for name, target_env in targets.items():
        report["targets"][name] = {"pages": pages[name]}
        say(f"== {name}: query counts")
        report["queries"][name] = count_queries(target_env, workdir)


def icd_latencies(setup: Setup) -> dict[str, dict]:
    """The ICD-10-CM search one query at a time on each database (bench/harness/newpages.py)."""
    found = {}
    for name, app in setup.apps.items():
        if "icd_search" not in setup.reqs[name]:
            found[name] = {"why": setup.missing[name].get("icd_search", "not available")}
            continue
        say(f"== {name}: ICD-10-CM search, 200 searches one at a time")
        found[name] = icd_latency(app.port)
        d = found[name]
        say(f"  p50 {d['p50_ms']} ms  p95 {d['p95_ms']} ms  p99 {d['p99_ms']} ms  {d['share_under_50_ms']:.0%} under 50 ms")
    return found


def new_report(args, started: datetime) -> dict:
    return {
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(), "load_before": round(os.getloadavg()[0], 2)},
        "settings": {"rounds": args.rounds, "round_seconds": args.round_seconds, "connections": args.connections, "threads": args.threads, "workers": args.workers, "cache": "redis" if os.environ.get("REDIS_URL") else "locmem (per process)"},
        "targets": {}, "queries": {}, "bytes": {}, "notes": {},
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.count_queries:
        count_queries_here(Path(args.count_queries))
        return 0
    started = datetime.now(UTC)
    report = new_report(args, started)
    report["settings"]["tool"] = tool = ensure_wrk(args.tool)
    if report["machine"]["load_before"] > (os.cpu_count() or 1):
        say(f"warning: load average {report['machine']['load_before']} on {os.cpu_count()} CPUs: other work shares the CPUs, figures will be low and noisy")
    with tempfile.TemporaryDirectory(prefix="himcareers-bench-") as tmp, contextlib.ExitStack() as stack:
        workdir = Path(tmp)
        env = production_env()
        say("collectstatic" if collectstatic_if_needed(env) else "static files are up to date")
        targets = databases(args, env, workdir, stack, report)
        if not targets:
            raise SystemExit("nothing to measure: PostgreSQL was asked for alone and is not available")
        bench(targets, args, tool, workdir, report)
        report["scoring"] = None if args.skip_scoring else run_scoring(workdir)
    report["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    report["checks"] = evaluate(report)
    report["elapsed_seconds"] = round(time.monotonic() - CLOCK, 1)
    print("\n" + write_report(report, started))
    failed = [c for c in report["checks"] if c["ok"] is False]
    return 1 if failed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
