"""Every page type on every database under the same load, alternating with the references."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness.common import Req, say
from harness.loadgen import Measurement, measure_python, measure_wrk, warm_up
from harness.report import FEW_SAMPLES, PAGES, PageType
from harness.servers import Gunicorn

WRITE_PAGE = "quiz_submit"  # the page type also measured against the write reference


@dataclass
class Setup:
    """The servers and requests of one run, and how to load them."""

    apps: dict[str, Gunicorn]
    ref: Gunicorn
    reqs: dict[str, dict[str, Req]]
    missing: dict[str, dict[str, str]]
    args: object
    tool: str
    workdir: Path
    writes: dict[str, tuple[Gunicorn, Req]] = field(default_factory=dict)  # write reference per database

    def run(self, server: Gunicorn, req: Req, seconds: float) -> Measurement:
        measure = measure_wrk if self.tool == "wrk" else measure_python
        return measure(server.port, req, seconds, self.args.connections, self.args.threads, self.workdir)

    def warm(self, server: Gunicorn, req: Req) -> float:
        return warm_up(server.port, req, 4 * self.args.connections, self.args.connections)


def measure_pages(setup: Setup) -> tuple[dict, dict]:
    """Every page type on every database under the same load, alternating with the reference.

    Per page type: warm-up requests, then `rounds` rounds of one `round_seconds` run on each
    database and one on the reference. A page's figures are those of its best run, and its
    ratio divides by the best reference run of the same rounds: other work on the machine
    only ever slows a run down, so the best runs are the least disturbed, and alternating
    puts the databases and the reference through the same few seconds of the machine.
    The quiz submission is also measured against the write reference of each database.
    Returns (the reference's runs, {database: {page key: figures}}).
    """
    setup.warm(setup.ref, Req("GET", "/"))
    pages: dict[str, dict] = {name: {} for name in setup.apps}
    all_refs: list[float] = []
    wanted = getattr(setup.args, "pages", None)
    for page in PAGES:
        if wanted and page.key not in wanted:
            for n in setup.apps:
                pages[n][page.key] = {"available": False, "why": "not measured (--pages)"}
            continue
        all_refs += _measure_page(setup, page, pages)
    rates = all_refs or [0.0]
    spread = (max(rates) - min(rates)) / max(rates) if max(rates) else 0.0
    say(f"  {'Reference':<39} {max(rates):>7.1f} req/s best run ({len(rates)} runs, the worst {min(rates):.0f})")
    if spread > 0.3:
        say(f"  warning: reference runs varied by {spread:.0%}: the machine is busy; best runs are used, still compare with care")
    return {"rps": max(rates), "min": min(rates), "spread": round(spread, 3), "runs_rps": rates}, pages


def _measure_page(setup: Setup, page: PageType, pages: dict[str, dict]) -> list[float]:
    """Measure one page type on every database that has it; return the reference runs made."""
    names = [n for n in setup.apps if page.key in setup.reqs[n]]
    for n in set(setup.apps) - set(names):
        pages[n][page.key] = {"available": False, "why": setup.missing[n].get(page.key, "not measured")}
    if not names:
        return []
    writes = {n: setup.writes[n] for n in names if page.key == WRITE_PAGE and n in setup.writes}
    speed = min(setup.warm(setup.apps[n], setup.reqs[n][page.key]) for n in names)
    for server, req in writes.values():
        setup.warm(server, req)
    args = setup.args
    # A page too slow for short runs gets one long run per database instead.
    rounds, seconds = (args.rounds, args.round_seconds) if speed * args.round_seconds >= FEW_SAMPLES else (1, args.rounds * args.round_seconds)
    runs: dict[str, list[Measurement]] = {n: [] for n in names}
    write_runs: dict[str, list[Measurement]] = {n: [] for n in writes}
    refs = []
    for _ in range(rounds):
        for n in names:
            runs[n].append(setup.run(setup.apps[n], setup.reqs[n][page.key], seconds))
            if n in writes:
                write_runs[n].append(setup.run(*writes[n], seconds))
        refs.append(setup.run(setup.ref, Req("GET", "/"), args.round_seconds).rps)
    refs += [setup.run(setup.ref, Req("GET", "/"), args.round_seconds).rps for _ in range(args.rounds - rounds)]
    for n in names:
        pages[n][page.key] = figures = _figures(setup.reqs[n][page.key], runs[n], refs, write_runs.get(n))
        _say_page(page, n, figures)
    return refs


def _errors(runs: list[Measurement]) -> dict[str, int]:
    return {k: sum(m.errors.get(k, 0) for m in runs) for k in {k for m in runs for k in m.errors}}


def _figures(req: Req, runs: list[Measurement], refs: list[float], write_runs: list[Measurement] | None) -> dict:
    best = max(runs, key=lambda m: m.rps)
    errors = _errors(runs)
    best_ref = max(refs)
    figures = {
        "available": True, "method": req.method, "path": req.path, **asdict(best),
        "errors": errors, "runs_rps": [m.rps for m in runs], "reference_rps": best_ref, "reference_runs_rps": refs,
        "ratio": round(best.rps / best_ref, 3) if best_ref else 0.0,
    }
    if write_runs:
        best_write = max(m.rps for m in write_runs)
        figures.update(
            write_reference_rps=best_write, write_reference_runs_rps=[m.rps for m in write_runs], write_reference_errors=_errors(write_runs),
            write_ratio=round(best.rps / best_write, 3) if best_write else 0.0,
        )
    return figures


def _say_page(page: PageType, name: str, d: dict) -> None:
    line = f"  {page.label:<28} {name:<10} {d['rps']:>7.1f} req/s  p50 {d['p50_ms']:6.1f} ms  p99 {d['p99_ms']:6.1f} ms  {d['ratio']:5.2f}x reference ({d['reference_rps']:.0f})"
    if "write_ratio" in d:
        line += f"  {d['write_ratio']:5.2f}x write reference ({d['write_reference_rps']:.0f})"
    say(line + (f"  errors {d['errors']}" if d["errors"] else ""))


def memory(servers: dict[str, Gunicorn]) -> dict[str, dict]:
    """Resident memory of every worker of each server, after the load (caches warm)."""
    found = {}
    for name, server in servers.items():
        rss = server.worker_rss_mb()
        found[name] = {"workers_rss_mb": [round(r, 1) for r in rss], "max_rss_mb": round(max(rss), 1) if rss else None}
        say(f"  memory {name:<22} workers {', '.join(f'{r:.0f} MB' for r in rss) or 'not found'}")
    return found
