"""`make bench`: the app's pages under gunicorn in production mode, against a reference.

One run starts the app (DEBUG off, whitenoise, gunicorn -w 2) on SQLite and, when a server
answers, on PostgreSQL, plus the minimal Django view of bench/reference.py under the same
gunicorn flags. It drives every page type with the same short, bounded load (wrk, or a Python
load generator), and prints requests/s, p50/p99 latency and the ratio to the reference measured
in the same run; then the database queries per page type (Django's test client in a separate
process), the bytes a browser downloads for each page (HTML plus its CSS and JS, compressed as
served) and the bars of issue 6. Results go to bench/results/ as JSON and Markdown.

    .venv/bin/python bench/run.py                 # everything, about 4 minutes on 2 cores
    .venv/bin/python bench/run.py --only sqlite --rounds 1 --skip-scoring   # a quick look
    .venv/bin/python bench/run.py --check         # exit 1 when a bar is missed

bench/load.py imports the server and database helpers from here.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable
HOST = "127.0.0.1"
HTTPS = {"X-Forwarded-Proto": "https"}  # the TLS proxy's header: production settings stay on


@dataclass(frozen=True)
class PageType:
    key: str
    label: str
    bar: float  # the least ratio to the reference that passes


PAGES = [
    PageType("home", "Home", 0.7),
    PageType("directory", "Role directory", 0.7),
    PageType("role", "Role page", 0.7),
    PageType("compare", "Role compare", 0.7),
    PageType("certification", "Certification page", 0.7),
    PageType("quiz_form", "Quiz form", 0.5),
    PageType("quiz_submit", "Quiz submission (POST, 303)", 0.25),
    PageType("results", "Results page", 0.5),
    PageType("packet", "Results packet (print)", 0.5),
    PageType("score_api", "Score API (POST)", 0.5),
]
LABELS = {p.key: p.label for p in PAGES}
QUERY_BARS = {"quiz_submit": 3, "results": 3}
ROLE_PAGE_BYTES_BAR = 60_000
POSTGRES_BAR = 0.8
FEW_SAMPLES = 20  # fewer completed requests than this: the page is slower than the window allows


# --- HTTP ---------------------------------------------------------------------------------------
@dataclass
class Req:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class Resp:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str]


Fetch = Callable[[Req], Resp]


def http_fetch(port: int, req: Req, extra: dict[str, str] | None = None, timeout: float = 30) -> Resp:
    """One request over plain HTTP; cookies are read from Set-Cookie whatever their Secure flag."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(req.method, req.path, body=req.body or None, headers={**HTTPS, **req.headers, **(extra or {})})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    cookies = {}
    for line in response.msg.get_all("Set-Cookie") or []:
        name, _, value = line.split(";", 1)[0].partition("=")
        cookies[name.strip()] = value.strip()
    return Resp(response.status, {k.lower(): v for k, v in response.getheaders()}, body, cookies)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


# --- Servers ------------------------------------------------------------------------------------
@functools.cache
def _gunicorn_help() -> str:
    return subprocess.run([PYTHON, "-m", "gunicorn", "--help"], capture_output=True, text=True, check=False).stdout


def gunicorn_control_args(workdir: Path, name: str) -> list[str]:
    """gunicorn 27 shares one control socket per user by default: give each server none (or its own)."""
    help_text = _gunicorn_help()
    if "--no-control-socket" in help_text:
        return ["--no-control-socket"]
    if "--control-socket" in help_text:
        return ["--control-socket", str(workdir / f"{name}.ctl")]
    return []


class Gunicorn:
    """A gunicorn on 127.0.0.1 and a free port; a context manager that waits until it answers."""

    def __init__(self, name: str, app: str, env: dict[str, str], workdir: Path, *, workers: int = 2, extra: list[str] | None = None):
        self.name, self.app, self.env, self.workdir = name, app, env, workdir
        self.port = free_port()
        self.log = workdir / f"gunicorn-{name}.log"
        self.args = [
            PYTHON, "-m", "gunicorn", app, "-w", str(workers), "-b", f"{HOST}:{self.port}",
            *gunicorn_control_args(workdir, name), *(extra or []),
        ]
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn ({self.name}) exited with {self.proc.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                http_fetch(self.port, Req("GET", "/"), timeout=5)
                return self
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"gunicorn ({self.name}) did not answer within 60 s:\n{self.log_tail()}")

    def __exit__(self, *exc) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # our own session: the master and its workers
            self.proc.wait(5)

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


# --- Databases ----------------------------------------------------------------------------------
def production_env() -> dict[str, str]:
    """The environment of a production server on 127.0.0.1, without a database chosen yet."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT"}}
    env.update(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1")
    return env


def manage(env: dict[str, str], *args: str) -> None:
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")


def prepare_database(env: dict[str, str]) -> None:
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_content", "-v0")


def collectstatic_if_needed(env: dict[str, str]) -> bool:
    """Run collectstatic unless staticfiles/ is newer than every source file (it takes ~40 s)."""
    import importlib.util

    manifest = ROOT / "staticfiles" / "staticfiles.json"
    sources = [ROOT / "static"]
    spec = importlib.util.find_spec("bootstrap")
    if spec and spec.submodule_search_locations:
        sources += [Path(p) for p in spec.submodule_search_locations]
    if manifest.exists():
        built = manifest.stat().st_mtime
        files = (f for src in sources for f in src.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
        newest = max((f.stat().st_mtime for f in files), default=0)
        if newest <= built:
            return False
    manage(env, "collectstatic", "--noinput", "-v0")
    return True


@dataclass
class ScratchPostgres:
    """A scratch database on the server of DATABASE_URL (or on 127.0.0.1:5432 as postgres)."""

    url: str = ""
    reason: str = ""
    _admin: str = ""
    _name: str = ""

    @classmethod
    def create(cls, name: str, *, server_url: str | None = None) -> ScratchPostgres:
        given = server_url if server_url is not None else os.environ.get("DATABASE_URL", "")
        parts = urlsplit(given or "postgres://postgres@127.0.0.1:5432/postgres")
        try:
            import psycopg
            from psycopg import sql
        except ImportError:
            return cls(reason="psycopg is not installed")
        last_error = ""
        for maintenance in ("postgres", "template1"):
            admin = urlunsplit(parts._replace(scheme="postgresql", path=f"/{maintenance}"))
            try:
                with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
                    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
                    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            except psycopg.Error as exc:
                last_error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                continue
            return cls(url=urlunsplit(parts._replace(path=f"/{name}")), _admin=admin, _name=name)
        if given:
            return cls(reason=f"cannot create a database on DATABASE_URL's server: {last_error}")
        return cls(reason="no server" if "refused" in last_error.lower() else f"no usable server at 127.0.0.1:5432 as postgres: {last_error}")

    def drop(self) -> None:
        if not self.url:
            return
        import psycopg
        from psycopg import sql

        with contextlib.suppress(psycopg.Error), psycopg.connect(self._admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self._name)))


# --- Pages --------------------------------------------------------------------------------------
def links_in(html: str, prefix: str, exclude: Collection[str] = ()) -> list[str]:
    """The slugs of the links to ``prefix<slug>/`` in the page, in order, without repeats."""
    slugs = re.findall(rf'href="{re.escape(prefix)}([a-z0-9][a-z0-9-]*)/"', html)
    return [s for s in dict.fromkeys(slugs) if s not in exclude]


def radio_names(html: str) -> list[str]:
    names = []
    for tag in re.findall(r"<input\b[^>]*>", html):
        if re.search(r'\btype="radio"', tag) and (m := re.search(r'\bname="([^"]+)"', tag)):
            names.append(m.group(1))
    return list(dict.fromkeys(names))


def sample_answers(codes: list[str]) -> dict[str, int]:
    """A varied, non-flat set of answers (1-5) for every statement."""
    return {code: 1 + (i * 3 + len(code)) % 5 for i, code in enumerate(codes)}


def discover(fetch: Fetch, origin: str) -> tuple[dict[str, Req], dict[str, str], dict[str, str]]:
    """Find a request for every page type by walking the site as a visitor would.

    Returns (requests by page key, why a page type is not available, notes such as the slugs
    used). The quiz is submitted once: its redirect gives the results page of the other types.
    """
    reqs: dict[str, Req] = {}
    missing: dict[str, str] = {}
    notes: dict[str, str] = {}

    def get(key: str, path: str) -> Resp | None:
        resp = fetch(Req("GET", path))
        if resp.status == 200:
            reqs[key] = Req("GET", path)
            return resp
        missing[key] = f"GET {path} answered {resp.status}"
        return None

    get("home", "/")
    directory = get("directory", "/roles/")
    roles = links_in(directory.body.decode(), "/roles/", {"compare"}) if directory else []
    if roles:
        notes["role"] = roles[0]
        get("role", f"/roles/{roles[0]}/")
        if len(roles) >= 3:
            get("compare", "/roles/compare/?roles=" + ",".join(roles[:3]))
    if "role" not in reqs:
        missing.setdefault("role", "no role linked from /roles/")
    if "compare" not in reqs:
        missing.setdefault("compare", "fewer than 3 roles linked from /roles/")
    certifications = fetch(Req("GET", "/certifications/"))
    certs = links_in(certifications.body.decode(), "/certifications/") if certifications.status == 200 else []
    if certs:
        notes["certification"] = certs[0]
        get("certification", f"/certifications/{certs[0]}/")
    else:
        missing["certification"] = f"no certification links on /certifications/ ({certifications.status})"

    quiz = get("quiz_form", "/quiz/")
    codes = radio_names(quiz.body.decode()) if quiz else []
    items = fetch(Req("GET", "/api/v1/quiz/items"))
    if items.status == 200:
        with contextlib.suppress(ValueError, KeyError, TypeError):  # an API still being built: use the form's fields
            codes = [item["code"] for item in json.loads(items.body)["items"]] or codes
    answers = sample_answers(codes)
    if quiz and codes:
        _discover_submission(fetch, origin, quiz, answers, reqs, missing, get)
    else:
        missing["quiz_submit"] = missing.get("quiz_form", "the quiz form has no statements")
    for key in ("results", "packet"):
        if key not in reqs:
            missing.setdefault(key, "no saved result (the quiz submission is not available)")
    if answers:
        body = json.dumps({"answers": answers}).encode()
        score = Req("POST", "/api/v1/quiz/score", {"Content-Type": "application/json"}, body)
        resp = fetch(score)
        if resp.status == 200:
            reqs["score_api"] = score
        else:
            missing["score_api"] = f"POST /api/v1/quiz/score answered {resp.status}"
    else:
        missing["score_api"] = "no quiz statements to answer"
    return reqs, missing, notes


def _discover_submission(fetch, origin, quiz: Resp, answers, reqs, missing, get) -> None:
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', quiz.body.decode())
    cookie = next(((k, v) for k, v in quiz.cookies.items() if k.endswith("csrftoken")), None)
    fields = [("csrfmiddlewaretoken", token.group(1))] if token else []
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": origin}
    if cookie:
        headers["Cookie"] = f"{cookie[0]}={cookie[1]}"
    submit = Req("POST", "/quiz/", headers, urlencode([*fields, *answers.items()]).encode())
    resp = fetch(submit)
    location = urlsplit(resp.headers.get("location", "")).path
    if resp.status != 303 or not location:
        missing["quiz_submit"] = f"POST /quiz/ answered {resp.status}, not a 303 redirect"
        return
    reqs["quiz_submit"] = submit
    get("results", location)
    get("packet", location.rstrip("/") + "/print/")


# --- Load generators ----------------------------------------------------------------------------
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


def measure_python(port: int, req: Req, seconds: float, connections: int, threads: int, workdir: Path) -> Measurement:
    """The fallback when wrk is missing: `connections` threads, each one request at a time."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds

    def worker() -> None:
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

    pool = [threading.Thread(target=worker) for _ in range(connections)]
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
    if not shutil.which("wrk") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing wrk (apt-get install -y wrk)")
        quiet = {"capture_output": True, "check": False}
        if subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], **quiet).returncode:
            subprocess.run(["apt-get", "update", "-qq"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], **quiet)
    if shutil.which("wrk"):
        return "wrk"
    if choice == "wrk":
        raise SystemExit("wrk is not installed (apt-get install wrk), and --tool wrk was asked for")
    say("wrk is not available: using the Python load generator (it shares the CPU with the server)")
    return "python"


# --- Query counts (in a separate process with Django's test client) ---------------------------
TRANSACTION_CONTROL = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.IGNORECASE)


def count_queries(env: dict[str, str], workdir: Path) -> dict:
    """Run this script with --count-queries in the target's environment and return its JSON."""
    out = workdir / "queries.json"
    env = {k: v for k, v in env.items() if k != "REDIS_URL"}  # its own, empty page cache
    done = subprocess.run([PYTHON, str(Path(__file__)), "--count-queries", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False)
    if done.returncode:
        return {"error": (done.stderr or done.stdout)[-2000:]}
    return json.loads(out.read_text())


def count_queries_here(out: Path) -> None:
    """Count each page type's queries: first request (page cache emptied) and a repeat.

    "queries" leaves out transaction control (BEGIN, COMMIT, savepoints): it counts the
    statements that do work; the "..._with_transaction_control" figures include them.
    """
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "himcareers.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)

    def fetch(req: Req) -> Resp:
        client.cookies.clear()  # only the cookies the request names: no session, page cache used
        headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in req.headers.items() if k.lower() != "content-type"}
        response = client.generic(req.method, req.path, data=req.body, content_type=req.headers.get("Content-Type", "text/plain"), secure=True, **headers)
        cookies = {k: m.value for k, m in response.cookies.items()}
        return Resp(response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.content, cookies)

    connection.ensure_connection()
    reqs, missing, _ = discover(fetch, origin=f"https://{HOST}")
    counts = {}
    for key, req in reqs.items():
        cache.clear()
        runs = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as ctx:
                status = fetch(req).status
            sql = [q["sql"] for q in ctx.captured_queries]
            work = [q for q in sql if not TRANSACTION_CONTROL.match(q)]
            runs.append({"status": status, "queries": len(work), "all": len(sql), "sql": [q[:300] for q in sql]})
        counts[key] = {
            "first": runs[0]["queries"], "repeat": runs[1]["queries"], "first_with_transaction_control": runs[0]["all"],
            "repeat_with_transaction_control": runs[1]["all"], "status": runs[1]["status"], "sql": runs[1]["sql"],
        }
    out.write_text(json.dumps({"pages": counts, "missing": missing}, indent=2))


# --- Bytes --------------------------------------------------------------------------------------
def linked_assets(html: str) -> list[str]:
    urls = []
    for tag in re.findall(r"<link\b[^>]*>", html):
        if re.search(r'\brel="stylesheet"', tag) and (m := re.search(r'\bhref="([^"]+)"', tag)):
            urls.append(m.group(1))
    urls += re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html)
    return list(dict.fromkeys(urls))


def page_bytes(port: int, req: Req) -> dict:
    """Bytes on the wire for the page and every stylesheet and script it links (br/gzip accepted)."""
    accept = {"Accept-Encoding": "br, gzip"}
    resp = http_fetch(port, req, accept)
    result = {"html": len(resp.body), "html_encoding": resp.headers.get("content-encoding", "identity"), "assets": []}
    with contextlib.suppress(ImportError):
        import brotli

        result["html_if_brotli"] = len(brotli.compress(resp.body, quality=5)) if resp.body else 0
    if "html" in resp.headers.get("content-type", ""):
        for url in linked_assets(resp.body.decode()):
            asset = http_fetch(port, Req("GET", url), accept)
            result["assets"].append({"url": url, "status": asset.status, "bytes": len(asset.body), "encoding": asset.headers.get("content-encoding", "identity")})
    result["assets_total"] = sum(a["bytes"] for a in result["assets"])
    result["total"] = result["html"] + result["assets_total"]
    return result


# --- The run ------------------------------------------------------------------------------------
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


def measure_pages(apps: dict[str, Gunicorn], ref: Gunicorn, reqs: dict[str, dict[str, Req]], missing: dict[str, dict[str, str]], args, tool: str, workdir: Path) -> tuple[dict, dict]:
    """Every page type on every database under the same load, alternating with the reference.

    Per page type: warm-up requests, then `rounds` rounds of one `round_seconds` run on each
    database and one on the reference. A page's figures are those of its best run, and its
    ratio divides by the best reference run of the same rounds: other work on the machine
    only ever slows a run down, so the best runs are the least disturbed, and alternating
    puts the databases and the reference through the same few seconds of the machine.
    Returns (the reference's runs, {database: {page key: figures}}).
    """
    measure = measure_wrk if tool == "wrk" else measure_python

    def run(server: Gunicorn, req: Req, seconds: float) -> Measurement:
        return measure(server.port, req, seconds, args.connections, args.threads, workdir)

    home = Req("GET", "/")
    warm_up(ref.port, home, 4 * args.connections, args.connections)
    pages: dict[str, dict] = {name: {} for name in apps}
    all_refs: list[float] = []
    for page in PAGES:
        names = [n for n in apps if page.key in reqs[n]]
        for n in set(apps) - set(names):
            pages[n][page.key] = {"available": False, "why": missing[n].get(page.key, "not measured")}
        if not names:
            continue
        speed = min(warm_up(apps[n].port, reqs[n][page.key], 4 * args.connections, args.connections) for n in names)
        # A page too slow for short runs gets one long run per database instead.
        rounds, seconds = (args.rounds, args.round_seconds) if speed * args.round_seconds >= FEW_SAMPLES else (1, args.rounds * args.round_seconds)
        runs: dict[str, list[Measurement]] = {n: [] for n in names}
        refs = []
        for _ in range(rounds):
            for n in names:
                runs[n].append(run(apps[n], reqs[n][page.key], seconds))
            refs.append(run(ref, home, args.round_seconds).rps)
        refs += [run(ref, home, args.round_seconds).rps for _ in range(args.rounds - rounds)]
        all_refs += refs
        best_ref = max(refs)
        for n in names:
            best = max(runs[n], key=lambda m: m.rps)
            errors = {k: sum(m.errors.get(k, 0) for m in runs[n]) for k in {k for m in runs[n] for k in m.errors}}
            ratio = round(best.rps / best_ref, 3) if best_ref else 0.0
            pages[n][page.key] = {
                "available": True, "method": reqs[n][page.key].method, "path": reqs[n][page.key].path, **asdict(best),
                "errors": errors, "runs_rps": [m.rps for m in runs[n]], "reference_rps": best_ref, "reference_runs_rps": refs, "ratio": ratio,
            }
            say(f"  {page.label:<28} {n:<10} {best.rps:>7.1f} req/s  p50 {best.p50_ms:6.1f} ms  p99 {best.p99_ms:6.1f} ms  {ratio:5.2f}x reference ({best_ref:.0f})" + (f"  errors {errors}" if errors else ""))
    rates = all_refs or [0.0]
    spread = (max(rates) - min(rates)) / max(rates) if max(rates) else 0.0
    say(f"  {'Reference':<39} {max(rates):>7.1f} req/s best run ({len(rates)} runs, the worst {min(rates):.0f})")
    if spread > 0.3:
        say(f"  warning: reference runs varied by {spread:.0%}: the machine is busy; best runs are used, still compare with care")
    return {"rps": max(rates), "min": min(rates), "spread": round(spread, 3), "runs_rps": rates}, pages


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


def evaluate(report: dict) -> list[dict]:
    """Every bar of issue 6 as {bar, value, ok}; ok is None when the page was not available."""
    checks = []
    targets = {k: t for k, t in report["targets"].items() if "pages" in t}
    for name, target in targets.items():
        for page in PAGES:
            data = target["pages"][page.key]
            if not data["available"]:
                checks.append({"bar": f"{page.label} on {name}: at least {page.bar}x the reference", "value": "not available", "ok": None})
                continue
            value = f"{data['ratio']:.2f}x" + (f" with errors {data['errors']}" if data["errors"] else "")
            checks.append({"bar": f"{page.label} on {name}: at least {page.bar}x the reference", "value": value, "ok": data["ratio"] >= page.bar and not data["errors"]})
    if "sqlite" in targets and "postgresql" in targets:
        for page in PAGES:
            lite, pg = targets["sqlite"]["pages"][page.key], targets["postgresql"]["pages"][page.key]
            if lite["available"] and pg["available"]:
                ratio = pg["rps"] / lite["rps"] if lite["rps"] else 0.0
                checks.append({"bar": f"{page.label}: PostgreSQL at least {POSTGRES_BAR}x SQLite", "value": f"{ratio:.2f}x", "ok": ratio >= POSTGRES_BAR})
    for name, queries in report["queries"].items():
        for key, limit in QUERY_BARS.items():
            data = queries.get("pages", {}).get(key)
            ok = None if data is None else data["repeat"] <= limit
            checks.append({"bar": f"{LABELS[key]} on {name}: at most {limit} queries", "value": "not available" if data is None else f"{data['repeat']} (first {data['first']})", "ok": ok})
    role = report["bytes"].get("role")
    checks.append({
        "bar": f"Role page with its CSS and JS under {ROLE_PAGE_BYTES_BAR:,} bytes as served",
        "value": "not available" if role is None else f"{role['total']:,} bytes",
        "ok": None if role is None else role["total"] < ROLE_PAGE_BYTES_BAR,
    })
    return checks


def markdown(report: dict) -> str:
    names = [n for n, t in report["targets"].items() if "pages" in t]
    title = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    s = report["settings"]
    out = [
        f"# HIM Careers benchmark, {report['started']}",
        "",
        f"gunicorn -w {s['workers']} (sync), {s['tool']} with {s['connections']} connections; per page {4 * s['connections']} warm-up requests, then the best of {s['rounds']} runs of "
        f"{s['round_seconds']:g} s on each database (one run of {s['rounds'] * s['round_seconds']:g} s for pages slower than {FEW_SAMPLES} req/s) against the best of the {s['rounds']} reference runs alternating with them; page cache: {s['cache']}; "
        f"{report['machine']['cpus']} CPUs, load average {report['machine']['load_before']} before the run and {report['machine']['load_after']} after; {report['elapsed_seconds']} s in all. "
        f"Reference: a minimal Django view returning {report['reference_bytes']:,} bytes (the role page's size).",
        "",
    ]
    for name, target in report["targets"].items():
        if "skipped" in target:
            out += [f"{title[name]}: skipped ({target['skipped']})", ""]
    head = ["Page"] + [f"{title[n]} {c}" for n in names for c in ("req/s", "p50 ms", "p99 ms", "x ref")]
    if len(names) == 2:
        head.append("PG / SQLite")
    out += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    ref = report["reference"]
    ref_row = ["Reference (best run; worst)"] + [c for _ in names for c in (f"{ref['rps']:.0f} ({ref['min']:.0f})", "", "", "1.00")]
    out.append("| " + " | ".join(ref_row + ([""] if len(names) == 2 else [])) + " |")
    for page in PAGES:
        row = [page.label]
        for n in names:
            d = report["targets"][n]["pages"][page.key]
            if not d["available"]:
                row += ["not available", "", "", ""]
            else:
                flag = " (errors)" if d["errors"] else " (few samples)" if d["requests"] < FEW_SAMPLES else ""
                p50, p99 = (f"{d['p50_ms']:.1f}", f"{d['p99_ms']:.1f}") if d["requests"] else ("n/a", "n/a")
                row += [f"{d['rps']:.1f}{flag}" if d["rps"] < 10 else f"{d['rps']:.0f}{flag}", p50, p99, f"{d['ratio']:.2f}"]
        if len(names) == 2:
            a, b = (report["targets"][n]["pages"][page.key] for n in names)
            row.append(f"{b['rps'] / a['rps']:.2f}" if a["available"] and b["available"] and a["rps"] else "")
        out.append("| " + " | ".join(row) + " |")
    qnames = list(report["queries"])
    head = ["Page", "Request"] + [f"Queries {title[n]} (first / repeat)" for n in qnames] + ["HTML bytes", "CSS+JS bytes", "Total KB"]
    out += ["", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    first = next((report["targets"][n]["pages"] for n in names), {})
    for page in PAGES:
        where = first.get(page.key, {})
        row = [page.label, f"{where.get('method', '')} {where.get('path', '')}".strip() or "not available"]
        for n in qnames:
            q = report["queries"][n].get("pages", {}).get(page.key)
            row.append(f"{q['first']} / {q['repeat']}" if q else "")
        b = report["bytes"].get(page.key)
        row += [f"{b['html']:,}", f"{b['assets_total']:,}", f"{b['total'] / 1000:.1f}"] if b else ["", "", ""]
        out.append("| " + " | ".join(row) + " |")
    out += ["", "Bars:", ""]
    for c in report["checks"]:
        mark = {True: "PASS", False: "FAIL", None: "n/a "}[c["ok"]]
        out.append(f"- {mark} {c['bar']}: {c['value']}")
    if report.get("scoring"):
        out += ["", "Scoring micro-benchmark (bench/bench_scoring.py):", "", "```", report["scoring"]["stdout"].rstrip(), "```"]
    return "\n".join(out) + "\n"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="runs per page, each followed by a reference run; the best counts (default 3)")
    parser.add_argument("--round-seconds", type=float, default=1, help="seconds per run (default 1; wrk counts whole seconds)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default 8)")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="measure one database only")
    parser.add_argument("--tool", choices=["auto", "wrk", "python"], default="auto", help="load generator (default: wrk when available)")
    parser.add_argument("--skip-scoring", action="store_true", help="do not run bench/bench_scoring.py")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is missed")
    parser.add_argument("--count-queries", metavar="OUT", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


CLOCK = time.monotonic()


def say(message: str) -> None:
    print(f"[{time.monotonic() - CLOCK:6.1f} s] {message}", flush=True)


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


def bench(targets: dict[str, dict[str, str]], args, tool: str, workdir: Path, report: dict) -> None:
    """Start a gunicorn per database and the reference, find the pages, measure them all."""
    apps, reqs, missing = {}, {}, {}
    with contextlib.ExitStack() as servers:
        for name, target_env in targets.items():
            say(f"== {name}: migrate, load_content, gunicorn -w {args.workers}")
            prepare_database(target_env)
            apps[name] = app = servers.enter_context(Gunicorn(f"app-{name}", "himcareers.wsgi", target_env, workdir, workers=args.workers))
            reqs[name], missing[name], notes = discover(lambda r, port=app.port: http_fetch(port, r), origin=f"https://{HOST}:{app.port}")
            report["notes"].update(notes)
            for key, why in missing[name].items():
                say(f"  {LABELS[key]}: not available ({why})")
        first = next(iter(apps))
        role = reqs[first].get("role")
        report["reference_bytes"] = size = len(http_fetch(apps[first].port, role).body) if role else 25_000
        ref_env = {**targets[first], "REFERENCE_BYTES": str(size)}
        ref = servers.enter_context(Gunicorn("reference", "reference:application", ref_env, workdir, workers=args.workers, extra=["--pythonpath", str(BENCH)]))
        report["bytes"] = {key: page_bytes(apps[first].port, req) for key, req in reqs[first].items()}
        say(f"== load: best of {args.rounds} x {args.round_seconds:g} s per page on {' and '.join(apps)}, alternating with the reference")
        report["reference"], pages = measure_pages(apps, ref, reqs, missing, args, tool, workdir)
    for name, target_env in targets.items():
        report["targets"][name] = {"pages": pages[name]}
        say(f"== {name}: query counts")
        report["queries"][name] = count_queries(target_env, workdir)


def write_report(report: dict, started: datetime) -> str:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    text = markdown(report)
    for stem in (stamp, "latest"):
        (RESULTS / f"{stem}.json").write_text(json.dumps(report, indent=2))
        (RESULTS / f"{stem}.md").write_text(text)
    return text + f"\nResults: bench/results/{stamp}.json and .md (also latest.json and latest.md)\n"


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.count_queries:
        count_queries_here(Path(args.count_queries))
        return 0
    started = datetime.now(UTC)
    report = {
        "started": started.strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(), "load_before": round(os.getloadavg()[0], 2)},
        "settings": {"rounds": args.rounds, "round_seconds": args.round_seconds, "connections": args.connections, "threads": args.threads, "workers": args.workers, "cache": "redis" if os.environ.get("REDIS_URL") else "locmem (per process)"},
        "targets": {}, "queries": {}, "bytes": {}, "notes": {},
    }
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
