"""Starting and stopping what is measured: gunicorn servers, scratch databases, static files."""

from __future__ import annotations

import contextlib
import functools
import http.client
import os
import secrets
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from harness.common import HOST, PYTHON, ROOT, Req, free_port, http_fetch


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

    def worker_rss_mb(self) -> list[float]:
        """Resident memory (VmRSS) of each worker, in MB (10^6 bytes), from /proc."""
        if self.proc is None:
            return []
        return [rss / 1000 for pid in child_pids(self.proc.pid) if (rss := vm_rss_kb(pid)) is not None]


def child_pids(parent: int) -> list[int]:
    """The processes whose parent is ``parent`` (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        with contextlib.suppress(OSError):
            ppid = next((line.split()[1] for line in status.read_text().splitlines() if line.startswith("PPid:")), "")
            if ppid == str(parent):
                found.append(int(status.parent.name))
    return sorted(found)


def vm_rss_kb(pid: int) -> int | None:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 // 1000  # kB (KiB) to 10^3 bytes
    return None


def production_env() -> dict[str, str]:
    """The environment of a production server on 127.0.0.1, without a database chosen yet."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SQLITE_PATH", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT"}}
    env.update(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="127.0.0.1,localhost", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1")
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run a manage.py command in ``env``; return its standard output, raise when it fails."""
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
    return done.stdout


def prepare_database(env: dict[str, str], *, icd: bool = False) -> None:
    """Migrate and load the content; with ``icd``, the ICD-10-CM code set too (about 10 s)."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_content", "-v0")
    if icd:
        manage(env, "load_icd10cm", "-v0")


def _static_sources() -> list[Path]:
    import importlib.util

    sources = [ROOT / "static"]
    spec = importlib.util.find_spec("bootstrap")
    if spec and spec.submodule_search_locations:
        sources += [Path(p) for p in spec.submodule_search_locations]
    return sources


def collectstatic_if_needed(env: dict[str, str]) -> bool:
    """Run collectstatic unless staticfiles/ is newer than every source file and the settings."""
    manifest = ROOT / "staticfiles" / "staticfiles.json"
    if manifest.exists():
        built = manifest.stat().st_mtime
        files = (f for src in _static_sources() for f in src.rglob("*") if f.is_file() and "__pycache__" not in f.parts)
        newest = max((f.stat().st_mtime for f in files), default=0)
        if max(newest, (ROOT / "himcareers" / "settings.py").stat().st_mtime) <= built:
            return False
    manage(env, "collectstatic", "--noinput", "--clear", "-v0")
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
        except ImportError:
            return cls(reason="psycopg is not installed")
        last_error = ""
        for maintenance in ("postgres", "template1"):
            admin = urlunsplit(parts._replace(scheme="postgresql", path=f"/{maintenance}"))
            try:
                _recreate(admin, name)
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


def _recreate(admin_url: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
