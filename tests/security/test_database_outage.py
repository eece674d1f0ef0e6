"""When the database is unreachable, pages fail with the site's own 500 page (nothing stored,
nothing leaked), and the app recovers by itself when the database is back.

Two ways: in-process, with every query refused; and end to end, with the app in a subprocess
behind a real WSGI call (request signals and all), its database cut off and then restored: the
SQLite file moved away and back, or PostgreSQL reached through a loopback proxy that is stopped
and started again.
"""

import json
import os
import select
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client

from assessments.models import Result
from tests.security import HTTPS, assert_site_page_without_leaks, quiz_answers

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SQLITE = "sqlite" in settings.DATABASES["default"]["ENGINE"]  # Django's backend or core.sqlite_backend
DB_PAGES = ["/quiz/", "/roles/", "/roles/medical-coder/", "/certifications/", "/"]


def refuse(execute, sql, params, many, context):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


def test_pages_fail_with_the_sites_500_page_while_the_database_is_down(real_content):
    browser = Client(raise_request_exception=False)
    answers = quiz_answers()

    with connection.execute_wrapper(refuse):
        for url in DB_PAGES:
            response = browser.get(url, **HTTPS)
            assert_site_page_without_leaks(response, 500, "Connection refused", "5432", "OperationalError")
        submitted = browser.post("/quiz/", answers, **HTTPS)
        assert_site_page_without_leaks(submitted, 500, "Connection refused")
        assert "your answers are still saved in this browser" in submitted.content.decode()
        api = browser.get("/api/v1/roles", **HTTPS)
        assert api.status_code == 500 and b"Connection refused" not in api.content

    assert Result.objects.count() == 0
    for url in DB_PAGES:
        assert browser.get(url, **HTTPS).status_code == 200, url
    assert browser.post("/quiz/", answers, **HTTPS).status_code == 303  # resubmitting loses nothing
    assert Result.objects.count() == 1


# --- end to end ---------------------------------------------------------------------------------

SERVER = r"""
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application

if sys.argv[1] == "migrate":
    call_command("migrate", verbosity=0)
app = get_wsgi_application()
print("ready", flush=True)
for line in sys.stdin:
    method, path = line.split()
    status = []
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": "localhost",
        "SERVER_PORT": "8000", "HTTP_HOST": "localhost", "HTTP_X_FORWARDED_PROTO": "https",
        "REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http", "wsgi.input": sys.stdin.buffer,
        "wsgi.errors": sys.stderr, "wsgi.version": (1, 0), "wsgi.multithread": False,
        "wsgi.multiprocess": True, "wsgi.run_once": False, "CONTENT_LENGTH": "0",
    }
    result = app(environ, lambda s, headers, exc_info=None: status.append(s))
    body = b"".join(result)
    result.close()  # request_finished: what a WSGI server does after each response
    print(json.dumps({"status": int(status[0].split()[0]), "body": body.decode(errors="replace")}), flush=True)
"""


class AppProcess:
    """The app in a subprocess, fed one request per line (a WSGI server in miniature)."""

    def __init__(self, env, *, migrate: bool, stderr_path: Path):
        self.stderr = open(stderr_path, "w")  # noqa: SIM115
        self.proc = subprocess.Popen([sys.executable, "-c", SERVER, "migrate" if migrate else "-"], cwd=ROOT, env=env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        assert self._line(120) == "ready"

    def _line(self, timeout: float) -> str:
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        assert ready, "the app process did not answer in time"
        return self.proc.stdout.readline().strip()

    def get(self, path: str) -> dict:
        self.proc.stdin.write(f"GET {path}\n")
        self.proc.stdin.flush()
        return json.loads(self._line(60))

    def close(self):
        self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.stderr.close()


class LoopbackProxy:
    """A TCP relay on 127.0.0.1 in front of the database server; stop() cuts every connection."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = None
        self.listener = None
        self.pairs: list[socket.socket] = []
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port or 0))
        self.port = self.listener.getsockname()[1]
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        try:
            self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept(); close() alone would not
        except OSError:
            pass
        self.listener.close()
        with self.lock:
            for sock in self.pairs:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.pairs.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target, timeout=10)
            with self.lock:
                self.pairs += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.close()
                except OSError:
                    pass


def assert_outage_page(answer):
    assert answer["status"] == 500, answer["status"]
    body = answer["body"]
    assert "Something went wrong on our side" in body and "/static/css/site.css" in body
    for leak in ("Traceback", "OperationalError", "no such table", "refused", "5432", "sqlite", "psycopg", "SELECT"):
        assert leak not in body, leak


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH")}
    env.update(DJANGO_SETTINGS_MODULE="himcareers.settings_test", **extra)
    return env


@pytest.mark.skipif(not SQLITE, reason="the SQLite run shows the SQLite outage")
def test_the_app_recovers_by_itself_when_the_sqlite_file_comes_back(tmp_path):
    database = tmp_path / "site.sqlite3"
    app = AppProcess(_env(SQLITE_PATH=str(database)), migrate=True, stderr_path=tmp_path / "app.log")
    try:
        assert app.get("/api/v1/quiz/items")["status"] == 200

        assert app.get("/quiz/")["status"] == 200  # renders the form once, into the cache
        # The disk the database lives on is gone: the file and, in WAL mode, its -wal and -shm
        # files, which hold the latest writes until SQLite checkpoints them (connections are
        # kept open between requests, so that is not after every request).
        away = tmp_path / "away"
        away.mkdir()
        for part in tmp_path.glob("site.sqlite3*"):
            shutil.move(part, away / part.name)
        assert_outage_page(app.get("/api/v1/quiz/items"))
        assert app.get("/quiz/")["status"] == 200  # students can still open the form meanwhile
        assert_outage_page(app.get("/api/v1/roles"))

        for stray in tmp_path.glob("site.sqlite3*"):
            stray.unlink()
        for part in away.iterdir():
            shutil.move(part, tmp_path / part.name)
        assert app.get("/api/v1/quiz/items")["status"] == 200
        assert app.get("/api/v1/roles")["status"] == 200
    finally:
        app.close()


@pytest.mark.skipif(SQLITE, reason="the PostgreSQL run shows the PostgreSQL outage")
def test_the_app_recovers_by_itself_when_postgresql_comes_back(tmp_path):
    db = connection.settings_dict  # the test database, already migrated
    proxy = LoopbackProxy((db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)))
    proxy.start()
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@127.0.0.1:{proxy.port}/{db['NAME']}"
    app = AppProcess(_env(DATABASE_URL=url), migrate=False, stderr_path=tmp_path / "app.log")
    try:
        assert app.get("/api/v1/quiz/items")["status"] == 200  # a persistent, health-checked connection now

        proxy.stop()  # the database goes away, with the app's open connection
        assert_outage_page(app.get("/api/v1/quiz/items"))
        assert_outage_page(app.get("/api/v1/roles"))

        proxy.start()  # back on the same address
        assert app.get("/api/v1/quiz/items")["status"] == 200
        assert app.get("/api/v1/roles")["status"] == 200
    finally:
        app.close()
        proxy.stop()
