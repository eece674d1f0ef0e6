"""Load generators: wrk (with a Lua script for POSTs) or, when it is missing, Python threads."""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from harness.common import HOST, HTTPS, Req, http_fetch, say


@dataclass
class Measurement:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: dict[str, int]
    tool: str


WRK_DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH-JSON {\"requests\": %d, \"duration_us\": %d, \"p50_us\": %d, \"p99_us\": %d, " ..
    "\"connect\": %d, \"read\": %d, \"write\": %d, \"status\": %d, \"timeout\": %d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def wrk_script(req: Req, path: Path) -> Path:
    lines = [f'wrk.method = "{req.method}"']
    if req.body:
        lines.append(f"wrk.body = [==[{req.body.decode()}]==]")
    for name, value in {**HTTPS, **req.headers}.items():
        lines.append(f'wrk.headers["{name}"] = [==[{value}]==]')
    path.write_text("\n".join(lines) + WRK_DONE)
    return path


def measure_wrk(port: int, req: Req, seconds: float, connections: int, threads: int, workdir: Path) -> Measurement:
    script = wrk_script(req, workdir / "request.lua")
    args = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s", "-s", str(script), f"http://{HOST}:{port}{req.path}"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=seconds + 60, check=False).stdout
    line = next((ln for ln in out.splitlines() if ln.startswith("BENCH-JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{out[-2000:]}")
    data = json.loads(line.removeprefix("BENCH-JSON "))
    duration = data["duration_us"] / 1e6
    errors = {k: data[k] for k in ("connect", "read", "write", "status", "timeout") if data[k]}
    return Measurement(data["requests"], round(duration, 2), round(data["requests"] / duration, 1), data["p50_us"] / 1000, data["p99_us"] / 1000, errors, "wrk")


def _python_worker(port: int, req: Req, deadline: float, latencies: list[float], errors: dict[str, int], lock: threading.Lock) -> None:
    """One connection, one request at a time, until the deadline."""
    conn = None
    while (t0 := time.perf_counter()) < deadline:
        kind = ""
        try:
            conn = conn or http.client.HTTPConnection(HOST, port, timeout=10)
            conn.request(req.method, req.path, body=req.body or None, headers={**HTTPS, **req.headers})
            response = conn.getresponse()
            response.read()
            if response.will_close:
                conn.close()
                conn = None
            kind = "status" if response.status >= 400 else ""
        except (OSError, http.client.HTTPException):
            kind, conn = "read", None
        with lock:
            latencies.append(time.perf_counter() - t0)
            if kind:
                errors[kind] = errors.get(kind, 0) + 1


def measure_python(port: int, req: Req, seconds: float, connections: int, threads: int, workdir: Path) -> Measurement:
    """The fallback when wrk is missing: `connections` threads, each one request at a time."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    start = time.perf_counter()
    args = (port, req, start + seconds, latencies, errors, threading.Lock())
    pool = [threading.Thread(target=_python_worker, args=args) for _ in range(connections)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 2) if latencies else 0.0

    return Measurement(len(latencies), round(elapsed, 2), round(len(latencies) / elapsed, 1), pct(0.50), pct(0.99), errors, "python")


def ensure_wrk(choice: str) -> str:
    """Return the load generator to use: wrk (installed from Debian when root) or python."""
    if choice == "python" or (choice == "auto" and shutil.which("wrk")):
        return "python" if choice == "python" else "wrk"
    if not shutil.which("wrk"):
        apt_install("wrk")
    if shutil.which("wrk"):
        return "wrk"
    if choice == "wrk":
        raise SystemExit("wrk is not installed (apt-get install wrk), and --tool wrk was asked for")
    say("wrk is not available: using the Python load generator (it shares the CPU with the server)")
    return "python"


def apt_install(package: str) -> None:
    """Install a Debian package when running as root (apt-get update first if the install fails)."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    say(f"installing {package} (apt-get install -y {package})")
    quiet = {"capture_output": True, "check": False}
    if subprocess.run(["apt-get", "install", "-y", "-qq", package], **quiet).returncode:
        subprocess.run(["apt-get", "update", "-qq"], **quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", package], **quiet)


def warm_up(port: int, req: Req, count: int, connections: int) -> float:
    """Send ``count`` requests over ``connections`` threads (every worker's caches fill); return req/s."""
    todo = iter(range(count))
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if next(todo, None) is None:
                    return
            with contextlib.suppress(OSError, http.client.HTTPException):
                http_fetch(port, req, timeout=30)

    start = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(connections)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return count / (time.perf_counter() - start)
