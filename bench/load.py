"""`make load`: a bounded load test of quiz submissions and role pages against gunicorn.

Starts the app in production mode (DEBUG off, gunicorn -w 2 --threads 4 on 127.0.0.1) on a
scratch database: a PostgreSQL database `himcareers_load` on the server of
DATABASE_URL when it is set, a fresh SQLite file otherwise. Then `--concurrency` threads share
`--students` simulated students (GET /quiz/, POST every answer, GET the results page the
redirect names) and, between them, browsers (the role directory and a role page), for at most
`--seconds`. Afterwards every saved result must be found by its token and the Result rows
must equal the successful submissions.

    .venv/bin/python bench/load.py --seconds 20
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/himcareers_ci .venv/bin/python bench/load.py

Exit status 1 on any server error (5xx), failed or lost submission, or error reaching the
server. Standard library (threads and http.client) and the helpers of bench/harness/, which use
psycopg, already a dependency of the app, for the scratch database.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.common import HOST, PYTHON, ROOT, Req, http_fetch  # noqa: E402  (bench/ on the path first)
from harness.discovery import links_in, radio_names  # noqa: E402
from harness.servers import (  # noqa: E402
    Gunicorn,
    ScratchPostgres,
    collectstatic_if_needed,
    prepare_database,
    production_env,
)

SEED = 20261123


class Tally:
    """What the threads saw, under one lock: requests by kind, statuses, latencies, tokens."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.statuses: Counter = Counter()
        self.server_errors: list[str] = []
        self.transport_errors: list[str] = []
        self.failed_submissions: list[str] = []
        self.tokens: list[str] = []
        self.students_started = 0

    def record(self, kind: str, method: str, path: str, status: int | None, seconds: float, error: str = "") -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            if status is None:
                self.transport_errors.append(f"{method} {path}: {error}")
                return
            self.statuses[status] += 1
            if status >= 500:
                self.server_errors.append(f"{method} {path}: {status}")

    def fail(self, message: str) -> None:
        with self.lock:
            self.failed_submissions.append(message)

    def take_student(self, limit: int) -> int | None:
        with self.lock:
            if self.students_started >= limit:
                return None
            self.students_started += 1
            return self.students_started


def call(tally: Tally, port: int, kind: str, req: Req):
    start = time.perf_counter()
    try:
        resp = http_fetch(port, req)
    except (OSError, http.client.HTTPException) as exc:  # refused, reset, timed out, garbled
        tally.record(kind, req.method, req.path, None, time.perf_counter() - start, type(exc).__name__)
        return None
    tally.record(kind, req.method, req.path, resp.status, time.perf_counter() - start)
    return resp


def student(tally: Tally, port: int, number: int) -> None:
    """One student: the form, every answer posted, then the results page the redirect names."""
    form = call(tally, port, "quiz form", Req("GET", "/quiz/"))
    if form is None or form.status != 200:
        tally.fail(f"student {number}: GET /quiz/ answered {form.status if form else 'nothing'}")
        return
    html = form.body.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    cookie = next((f"{k}={v}" for k, v in form.cookies.items() if k.endswith("csrftoken")), "")
    rng = random.Random(SEED + number)
    fields = [("csrfmiddlewaretoken", token.group(1) if token else "")] + [(code, rng.randint(1, 5)) for code in radio_names(html)]
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"https://{HOST}:{port}", "Cookie": cookie}
    sent = call(tally, port, "quiz submission", Req("POST", "/quiz/", headers, urlencode(fields).encode()))
    location = urlsplit(sent.headers.get("location", "")).path if sent else ""
    if sent is None or sent.status != 303 or not location:
        tally.fail(f"student {number}: POST /quiz/ answered {sent.status if sent else 'nothing'}")
        return
    with tally.lock:
        tally.tokens.append(location)
    call(tally, port, "results page", Req("GET", location))


def browser(tally: Tally, port: int, slugs: list[str], rng: random.Random) -> None:
    call(tally, port, "role directory", Req("GET", "/roles/"))
    if slugs:
        call(tally, port, "role page", Req("GET", f"/roles/{rng.choice(slugs)}/"))


def drive(port: int, *, seconds: float, students: int, concurrency: int, slugs: list[str]) -> tuple[Tally, float]:
    """Threads alternate a student and a browser until the students are done, then browse; all stop at the deadline."""
    tally = Tally()
    start = time.monotonic()
    deadline = start + seconds

    def worker(index: int) -> None:
        rng = random.Random(SEED * 7 + index)
        while time.monotonic() < deadline:
            number = tally.take_student(students)
            if number is not None:
                student(tally, port, number)
            if time.monotonic() < deadline:
                browser(tally, port, slugs, rng)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 120)  # a request in flight at the deadline still finishes (30 s timeout each)
    return tally, time.monotonic() - start


def answers_ok(port: int, path: str) -> bool:
    try:
        return http_fetch(port, Req("GET", path)).status == 200
    except (OSError, http.client.HTTPException):
        return False


def result_rows(env: dict[str, str]) -> int:
    code = "from assessments.models import Result; print(Result.objects.count())"
    done = subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"counting Result rows failed:\n{done.stderr[-2000:]}")
    return int(done.stdout.strip().splitlines()[-1])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0


def database_env(env: dict[str, str], workdir: Path) -> tuple[dict[str, str], str, ScratchPostgres | None]:
    given = os.environ.get("DATABASE_URL", "")
    if not given:
        return {**env, "SQLITE_PATH": str(workdir / "load.sqlite3")}, "SQLite (fresh file)", None
    scratch = ScratchPostgres.create("himcareers_load", server_url=given)
    if scratch.url:
        return {**env, "DATABASE_URL": scratch.url}, "PostgreSQL (scratch database himcareers_load)", scratch
    # No CREATEDB right: use DATABASE_URL's own database (migrate and load_content are idempotent).
    return {**env, "DATABASE_URL": given}, f"PostgreSQL ({urlsplit(given).path.lstrip('/')}; {scratch.reason})", None


def report(tally: Tally, elapsed: float, args, found: int, rows: tuple[int, int]) -> list[str]:
    """Print the summary; return the reasons for failing (none: passed)."""
    total = sum(len(v) for v in tally.latency.values())
    submitted = len(tally.tokens)
    print(f"\nload: {total} requests in {elapsed:.1f} s ({total / elapsed:.1f} req/s), {args.concurrency} threads")
    for kind, values in sorted(tally.latency.items()):
        print(f"  {kind:<16} {len(values):>6}  p50 {percentile(values, 0.5):7.1f} ms  p99 {percentile(values, 0.99):7.1f} ms")
    print(f"  statuses: {dict(sorted(tally.statuses.items()))}")
    print(f"students: {tally.students_started} of {args.students} started, {submitted} submitted, {len(tally.failed_submissions)} failed submissions")
    print(f"results found by token afterwards: {found} of {submitted}")
    print(f"Result rows: {rows[1] - rows[0]} new, for {submitted} successful submissions")
    print(f"server errors (5xx): {len(tally.server_errors)}; requests that got no answer: {len(tally.transport_errors)}")
    for line in (tally.server_errors + tally.transport_errors + tally.failed_submissions)[:10]:
        print(f"  {line}")
    problems = []
    if tally.server_errors:
        problems.append(f"{len(tally.server_errors)} server errors")
    if tally.transport_errors:
        problems.append(f"{len(tally.transport_errors)} requests got no answer")
    if tally.failed_submissions:
        problems.append(f"{len(tally.failed_submissions)} failed submissions")
    if found != submitted or rows[1] - rows[0] != submitted or len(set(tally.tokens)) != submitted:
        problems.append("lost or duplicated submissions")
    if submitted == 0:
        problems.append("no submission went through")
    if tally.students_started < args.students:
        print(f"note: only {tally.students_started} of {args.students} students started within {args.seconds:g} s")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="how long to drive the load (default 60)")
    parser.add_argument("--students", type=int, default=100, help="simulated students, each submitting once (default 100)")
    parser.add_argument("--concurrency", type=int, default=20, help="client threads (default 20)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="himcareers-load-") as tmp:
        workdir = Path(tmp)
        env, label, scratch = database_env(production_env(), workdir)
        try:
            print(f"load: {label}; gunicorn -w {args.workers} --threads {args.threads}; {args.students} students, {args.concurrency} client threads, {args.seconds:g} s")
            collectstatic_if_needed(env)
            prepare_database(env)
            before = result_rows(env)
            extra = ["--threads", str(args.threads), "--timeout", "60"]
            with Gunicorn("load", "himcareers.wsgi", env, workdir, workers=args.workers, extra=extra) as app:
                directory = http_fetch(app.port, Req("GET", "/roles/"))
                slugs = links_in(directory.body.decode(), "/roles/", {"compare"}) if directory.status == 200 else []
                tally, elapsed = drive(app.port, seconds=args.seconds, students=args.students, concurrency=args.concurrency, slugs=slugs)
                found = sum(1 for path in tally.tokens if answers_ok(app.port, path))
                server_log = app.log_tail(40)
            rows = (before, result_rows(env))
        finally:
            if scratch:
                scratch.drop()
    problems = report(tally, elapsed, args, found, rows)
    if problems:
        print("gunicorn's log, last lines:\n" + server_log)
        print(f"load: FAILED ({'; '.join(problems)})")
        return 1
    print("load: OK (no server error, every submission saved and found)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
