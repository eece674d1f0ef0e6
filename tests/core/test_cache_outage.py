"""The cache is an optimisation, never a dependency (finding 2 of issue 11): with Redis
unreachable every page still works, uncached, and the outage is logged once, not per request.

In-process with the test client, and end to end against a real gunicorn whose REDIS_URL points
at a closed port.
"""

import http.client
import logging
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.test import Client

from assessments.models import Result
from core import cache_backend
from tests.security import HTTPS, make_counselor, quiz_answers

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/roles/", "/roles/medical-coder/", "/roles/medical-coder/roadmap/", "/certifications/", "/quiz/",
         "/api/v1/roles", "/accounts/login/", "/admin/login/"]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": {"BACKEND": "core.cache_backend.FailSoftRedisCache",
                                   "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
                                   "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}}}
    cache_backend._outage.down = False
    yield
    cache_backend._outage.down = False


def test_every_page_works_while_redis_is_down_and_the_outage_is_logged_once(real_content, redis_down, caplog):
    browser = Client()
    with caplog.at_level(logging.WARNING, logger="core.cache_backend"):
        for _ in range(3):
            for path in PAGES:
                assert browser.get(path, **HTTPS).status_code == 200, path
        assert browser.get("/no-such-page/", **HTTPS).status_code == 404

        submitted = browser.post("/quiz/", quiz_answers(), **HTTPS)
        assert submitted.status_code == 303
        assert browser.get(submitted["Location"], **HTTPS).status_code == 200

    assert Result.objects.count() == 1
    assert len([r for r in caplog.records if "unreachable" in r.getMessage()]) == 1


def test_counselors_sign_in_and_work_while_redis_is_down(real_content, redis_down):
    make_counselor("pat")
    browser = Client()

    signed_in = browser.post("/accounts/login/", {"username": "pat", "password": "correct horse battery staple"}, **HTTPS)

    assert signed_in.status_code == 302
    assert browser.get("/counselors/", **HTTPS).status_code == 200


def test_rate_limits_still_count_while_redis_is_down(redis_down, settings):
    """They fall back to this server's memory: a guesser is still stopped (per app server)."""
    settings.SIGN_IN_ADDRESS_LIMIT = 3
    browser = Client()
    for n in range(3):
        browser.post("/accounts/login/", {"username": f"user{n}", "password": "wrong"}, REMOTE_ADDR="192.0.2.66", **HTTPS)

    response = browser.post("/accounts/login/", {"username": "x", "password": "wrong"}, REMOTE_ADDR="192.0.2.66", **HTTPS)

    assert "Too many failed sign-ins from this network" in response.content.decode()


# --- end to end: gunicorn, Redis at a closed port ----------------------------------------------------


class Server:
    def __init__(self, tmp_path: Path):
        self.port = closed_port()
        self.log = tmp_path / "gunicorn.log"
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
        self.env.update(DJANGO_SETTINGS_MODULE="himcareers.settings_test", DEBUG="0", SECURE_SSL_REDIRECT="0",
                        ALLOWED_HOSTS="127.0.0.1", SQLITE_PATH=str(tmp_path / "db.sqlite3"),
                        REDIS_URL=f"redis://127.0.0.1:{closed_port()}/0", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1")

    def manage(self, *args, stdin=None):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, input=stdin, text=True,
                       check=True, timeout=300, capture_output=True)

    def start(self):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--no-control-socket",
             "--access-logfile", "-", "--logger-class", "core.logging.GunicornLogger", "himcareers.wsgi:application"],
            cwd=ROOT, env=self.env, stdout=open(self.log, "w"), stderr=subprocess.STDOUT,  # noqa: SIM115
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                assert time.monotonic() < deadline and self.proc.poll() is None, self.log.read_text()
                time.sleep(0.2)

    def request(self, method, path, *, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        connection.request(method, path, body=body, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https", **(headers or {})})
        response = connection.getresponse()
        response.text = response.read().decode()
        connection.close()
        return response

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def test_gunicorn_serves_every_page_with_redis_at_a_closed_port(tmp_path):
    server = Server(tmp_path)
    server.manage("migrate", "--noinput", "-v0")
    server.manage("load_content")
    server.manage("create_counselor", "pat", "--school", "Lincoln High", "--password-stdin", stdin="correct horse battery staple\n")
    server.start()
    try:
        for _ in range(3):
            for path in PAGES:
                assert server.request("GET", path).status == 200, path
        assert server.request("GET", "/no-such-page/").status == 404
        secret = "Zq" + "x" * 41
        assert server.request("GET", f"/quiz/results/{secret}/").status == 404

        form = server.request("GET", "/quiz/")
        cookie = re.search(r"(__Host-csrftoken=[^;]+)", form.getheader("Set-Cookie")).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        codes = re.findall(r'name="([A-Z]+\d+)" value="3"', form.text)
        assert codes
        body = urlencode({"csrfmiddlewaretoken": token, **dict.fromkeys(codes, "3")})
        headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", "Origin": "https://127.0.0.1", "Referer": "https://127.0.0.1/quiz/"}
        submitted = server.request("POST", "/quiz/", body=body, headers=headers)
        assert submitted.status == 303, submitted.text[:500]
        assert server.request("GET", submitted.getheader("Location")).status == 200
    finally:
        server.stop()

    log = server.log.read_text()
    assert log.count("The shared cache (Redis) is unreachable") == 1, log[-3000:]
    assert secret not in log and "Not Found: /quiz/results/[redacted]/" in log
    assert "Traceback" not in log


def test_the_shared_cache_keeps_one_redis_client_per_pool(shared_cache):
    # Django's backend built a new redis.Redis (and its ~170 response callbacks) for every cache
    # call: a tenth of a millisecond on every page served from the cache.
    backend = shared_cache._cache
    assert backend.get_client() is backend.get_client()
    shared_cache.set("reuse-check", "kept")
    assert shared_cache.get_many(["reuse-check"]) == {"reuse-check": "kept"}
