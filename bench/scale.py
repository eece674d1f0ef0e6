"""`make scale`: two app servers behind nginx on one machine, sharing PostgreSQL and Redis.

Starts a scratch PostgreSQL database (himcareers_scale), a dedicated Redis database number
(--redis-db, flushed before and after), two gunicorn servers (production mode, -w 2 each) and
nginx (Debian's package, installed when missing and run with its own config on free loopback
ports, round-robin) with two front doors: one sends everything to server A, the other shares
between A and B. Then, bounded in time:

1. throughput through one server vs both: wrk on a cached role page and on the score API
   (alternating short runs, best of each), and bench/load.py's students (GET the quiz, POST every
   answer, GET the results) for --seconds through each door;
2. a content edit (a role renamed as the admin does) seen by both servers on their next request;
3. rate limits shared: wrong class codes spread over both servers block on both, and wrong
   passwords lock a name out on both (django-axes);
4. no lost submission: every results link answers on both servers, and the Result rows equal
   the submissions that were answered 303.

    .venv/bin/python bench/scale.py              # about 2 minutes
    .venv/bin/python bench/scale.py --seconds 5  # a quick look
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.common import HOST, RESULTS, Req, http_fetch, say  # noqa: E402  (bench/ on the path first)
from harness.discovery import links_in, sample_answers  # noqa: E402
from harness.loadgen import ensure_wrk, measure_python, measure_wrk, warm_up  # noqa: E402
from harness.nginx import Nginx, nginx_binary  # noqa: E402
from harness.scale_checks import content_edit, join_code_limit, sign_in_lockout  # noqa: E402
from harness.servers import (  # noqa: E402
    Gunicorn,
    ScratchPostgres,
    collectstatic_if_needed,
    prepare_database,
    production_env,
)
from load import answers_ok, drive, percentile, result_rows  # noqa: E402


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12, help="seconds of students through each door (default 12)")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per page and door; the best counts (default 3)")
    parser.add_argument("--round-seconds", type=float, default=2, help="seconds per wrk run (default 2)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (default 8)")
    parser.add_argument("--concurrency", type=int, default=16, help="student threads (default 16)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument("--redis-db", type=int, default=13, help="Redis database number, flushed before and after (default 13)")
    return parser.parse_args(argv)


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def throughput(doors: dict[str, int], reqs: dict[str, Req], args, tool: str, workdir: Path) -> dict:
    """wrk through each door in alternating runs; the best run of each counts."""
    measure = measure_wrk if tool == "wrk" else measure_python
    found = {}
    for key, req in reqs.items():
        for port in doors.values():
            warm_up(port, req, 4 * args.connections, args.connections)
        runs = {door: [] for door in doors}
        for _ in range(args.rounds):
            for door, port in doors.items():
                runs[door].append(measure(port, req, args.round_seconds, args.connections, 1, workdir))
        found[key] = {door: {"rps": max(m.rps for m in ms), "runs_rps": [m.rps for m in ms], "errors": sum(sum(m.errors.values()) for m in ms)} for door, ms in runs.items()}
        one, two, double = (found[key][door]["rps"] for door in ("one", "two", "one-double"))
        found[key]["two_over_one"] = round(two / one, 2) if one else 0.0
        say(f"  {key:<12} one server {one:7.1f} req/s   two servers {two:7.1f} req/s ({found[key]['two_over_one']:.2f}x)   one server, double workers {double:7.1f} req/s")
    return found


def students(doors: dict[str, int], slugs: list[str], args) -> tuple[dict, list[str]]:
    """bench/load.py's students through each door for --seconds; return figures and results links."""
    found, tokens = {}, []
    for door, port in doors.items():
        tally, elapsed = drive(port, seconds=args.seconds, students=1_000_000, concurrency=args.concurrency, slugs=slugs)
        submissions = tally.latency.get("quiz submission", [])
        requests = sum(len(v) for v in tally.latency.values())
        found[door] = {
            "seconds": round(elapsed, 1), "requests": requests, "rps": round(requests / elapsed, 1), "submitted": len(tally.tokens),
            "submissions_per_s": round(len(tally.tokens) / elapsed, 1), "submission_p50_ms": round(percentile(submissions, 0.5), 1),
            "submission_p99_ms": round(percentile(submissions, 0.99), 1), "failed": len(tally.failed_submissions),
            "server_errors": len(tally.server_errors), "no_answer": len(tally.transport_errors),
        }
        tokens += tally.tokens
        say(f"  students via {door:<4} {found[door]['rps']:7.1f} req/s, {found[door]['submissions_per_s']:5.1f} submissions/s (p50 {found[door]['submission_p50_ms']} ms), {found[door]['failed']} failed, {found[door]['server_errors']} 5xx")
    return found, tokens


def lost_submissions(env: dict[str, str], servers: dict[str, int], tokens: list[str], rows_before: int, student_figures: dict) -> dict:
    missing = {name: sum(1 for path in tokens if not answers_ok(port, path)) for name, port in servers.items()}
    rows = result_rows(env) - rows_before
    problems = sum(f["failed"] + f["server_errors"] + f["no_answer"] for f in student_figures.values())
    ok = rows == len(tokens) == len(set(tokens)) and not any(missing.values()) and problems == 0
    return {"submitted": len(tokens), "result_rows": rows, "links_not_answering": missing, "failed_or_errors": problems, "ok": ok}


def measure_all(env, servers: dict[str, Gunicorn], lb: Nginx, args, tool: str, workdir: Path) -> dict:
    doors, direct = lb.ports, {name: s.port for name, s in servers.items()}
    directory = http_fetch(doors["two"], Req("GET", "/roles/"))
    slugs = links_in(directory.body.decode(), "/roles/", {"compare"})
    items = json.loads(http_fetch(doors["two"], Req("GET", "/api/v1/quiz/items")).body)["items"]
    score = Req("POST", "/api/v1/quiz/score", {"Content-Type": "application/json"}, json.dumps({"answers": sample_answers([i["code"] for i in items])}).encode())
    rows_before = result_rows(env)
    report = {}
    say(f"== throughput, one server vs two: wrk, best of {args.rounds} x {args.round_seconds:g} s")
    report["throughput"] = throughput(doors, {"role page": Req("GET", f"/roles/{slugs[0]}/"), "score API": score}, args, tool, workdir)
    say(f"== students (bench/load.py's flow), {args.seconds:g} s through each door, {args.concurrency} threads")
    report["students"], tokens = students(doors, slugs, args)
    say("== a content edit, seen by both servers")
    report["content_edit"] = content_edit(env, direct, slugs[-1])
    say("== rate limits shared: wrong class codes, then wrong passwords")
    report["join_code_limit"] = join_code_limit(doors["two"], direct)
    report["sign_in_lockout"] = sign_in_lockout(doors["two"], direct)
    say("== no lost submissions")
    report["submissions"] = lost_submissions(env, direct, tokens, rows_before, report["students"])
    return report


def summary(report: dict) -> str:
    t, s = report["throughput"], report["students"]
    head = "| Load | one server | two servers | two / one | one server, double workers |"
    lines = [f"# make scale, {report['started']}", "", report["setup"], "", head, "|---|---|---|---|---|"]
    for key, d in t.items():
        lines.append(f"| {key} (wrk, req/s) | {d['one']['rps']:.0f} | {d['two']['rps']:.0f} | {d['two_over_one']:.2f} | {d['one-double']['rps']:.0f} |")
    ratio = s["two"]["submissions_per_s"] / s["one"]["submissions_per_s"] if s["one"]["submissions_per_s"] else 0.0
    cells = [f"{s[door]['submissions_per_s']:.1f}; {s[door]['rps']:.0f}" for door in ("one", "two", "one-double")]
    lines.append(f"| students (submissions/s; req/s) | {cells[0]} | {cells[1]} | {ratio:.2f} | {cells[2]} |")
    lines += ["", f"Machine: {report['cpus']} CPUs, load average {report['load_before']} before and {report['load_after']} after.", ""]
    for key in ("content_edit", "join_code_limit", "sign_in_lockout", "submissions"):
        d = {k: v for k, v in report[key].items() if k != "ok"}
        lines.append(f"- {'PASS' if report[key]['ok'] else 'FAIL'} {key.replace('_', ' ')}: {json.dumps(d)}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> int:
    import os

    args = parse_args(argv)
    started = datetime.now(UTC)
    nginx_binary()
    tool = ensure_wrk("auto")
    redis_url = f"redis://{HOST}:6379/{args.redis_db}"
    load_before = round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="himcareers-scale-") as tmp, contextlib.ExitStack() as stack:
        workdir = Path(tmp)
        pg = ScratchPostgres.create("himcareers_scale")
        if not pg.url:
            raise SystemExit(f"make scale needs PostgreSQL: {pg.reason}")
        stack.callback(pg.drop)
        flush_redis(redis_url)
        stack.callback(flush_redis, redis_url)
        env = {**production_env(), "DATABASE_URL": pg.url, "REDIS_URL": redis_url}
        say("collectstatic" if collectstatic_if_needed(env) else "static files are up to date")
        say(f"== migrate, load_content; two gunicorn -w {args.workers} on PostgreSQL and Redis db {args.redis_db}; nginx round-robin")
        prepare_database(env)
        servers = {name: stack.enter_context(Gunicorn(f"scale-{name}", "himcareers.wsgi", env, workdir, workers=args.workers)) for name in ("a", "b")}
        # The control: one server with as many workers as the two together.
        double = stack.enter_context(Gunicorn("scale-double", "himcareers.wsgi", env, workdir, workers=2 * args.workers))
        doors = {"one": [servers["a"].port], "two": [servers["a"].port, servers["b"].port], "one-double": [double.port]}
        lb = stack.enter_context(Nginx(doors, workdir))
        report = measure_all(env, servers, lb, args, tool, workdir)
    report.update(
        started=started.strftime("%Y-%m-%d %H:%M UTC"), cpus=os.cpu_count(), load_before=load_before, load_after=round(os.getloadavg()[0], 2),
        setup=f"nginx round-robin in front of two gunicorn servers (-w {args.workers}, sync) on one PostgreSQL database and one Redis database; load from {tool} and Python threads on the same machine.",
    )
    text = summary(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "scale-latest.json").write_text(json.dumps(report, indent=2))
    (RESULTS / "scale-latest.md").write_text(text)
    print("\n" + text + "\nResults: bench/results/scale-latest.json and .md")
    checks = ("content_edit", "join_code_limit", "sign_in_lockout", "submissions")
    return 0 if all(report[k]["ok"] for k in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
