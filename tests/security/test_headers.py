"""Production settings send the security headers, behind the TLS-terminating proxy too."""

import http.client
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from tests.security import HTTPS, make_counselor, real_content_once, scan_html, submit_result

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)

ROOT = Path(__file__).resolve().parents[2]
ONE_YEAR = 365 * 24 * 60 * 60


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def hsts(header: str) -> dict[str, str]:
    parts = [p.strip().lower() for p in header.split(";") if p.strip()]
    return dict(p.split("=", 1) if "=" in p else (p, "") for p in parts)


@pytest.fixture
def pages(content):
    """A page of each kind: content, form, sign-in, quiz, results, API and an error page."""
    result = submit_result()
    return ["/", "/roles/", "/roles/medical-coder/", "/certifications/", "/quiz/", "/accounts/login/",
            result.get_absolute_url(), "/api/v1/roles", "/no-such-page/"]


def test_the_test_settings_are_the_production_settings():
    assert settings.DEBUG is False
    assert settings.SECURE_PROXY_SSL_HEADER == ("HTTP_X_FORWARDED_PROTO", "https")


def test_every_kind_of_page_sends_the_security_headers(client, pages):
    for url in pages:
        response = client.get(url, **HTTPS)
        assert response.status_code in (200, 404), url
        hsts_header = hsts(response["Strict-Transport-Security"])
        assert int(hsts_header["max-age"]) >= ONE_YEAR, url
        assert "includesubdomains" in hsts_header, url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["X-Frame-Options"] == "DENY", url
        assert response["Referrer-Policy"] in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"), url
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
        assert response.get("Cross-Origin-Resource-Policy") == "same-origin", f"{url} sends no Cross-Origin-Resource-Policy"
        assert "Content-Security-Policy" in response, url


def test_the_content_security_policy_is_strict_with_no_inline_script(client):
    response = client.get("/accounts/login/", **HTTPS)
    csp = csp_directives(response["Content-Security-Policy"])

    assert csp["default-src"] == ["'self'"] or csp["default-src"] == ["'none'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["base-uri"] in (["'none'"], ["'self'"])
    every_source = [s for sources in csp.values() for s in sources]
    for unsafe in ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "http:", "https:"):
        assert unsafe not in every_source
    assert "Content-Security-Policy-Report-Only" not in response
    page = scan_html(response.content.decode())
    assert (page.inline_scripts, page.inline_styles, page.event_handlers) == (0, [], [])


def test_the_content_security_policy_comes_from_djangos_own_middleware():
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
    assert settings.SECURE_CSP


def test_cookies_are_host_prefixed_secure_http_only_and_same_site(client):
    make_counselor("pat")
    login_page = client.get("/accounts/login/", **HTTPS)
    signed_in = client.post(
        "/accounts/login/", {"username": "pat", "password": "correct horse battery staple"}, **HTTPS
    )
    assert signed_in.status_code == 302

    cookies = {**login_page.cookies, **signed_in.cookies}
    assert {"__Host-csrftoken", "__Host-sessionid"} <= set(cookies)
    for name, morsel in cookies.items():
        assert name.startswith("__Host-"), name
        assert morsel["secure"], name
        assert morsel["httponly"], name
        assert morsel["samesite"].lower() in ("lax", "strict"), name
        assert morsel["path"] == "/" and not morsel["domain"], name  # what __Host- requires


def test_a_request_through_the_tls_proxy_counts_as_https(client):
    """The proxy terminates TLS and says so in X-Forwarded-Proto; gunicorn sees plain HTTP."""
    response = client.get("/", headers={"X-Forwarded-Proto": "https"})

    assert response.status_code == 200
    assert response.wsgi_request.is_secure()
    assert int(hsts(response["Strict-Transport-Security"])["max-age"]) >= ONE_YEAR


def test_plain_http_gets_no_hsts_and_is_redirected_to_https_on_the_same_host(client):
    with override_settings(SECURE_SSL_REDIRECT=True):
        response = client.get("/roles/?q=coder", headers={"X-Forwarded-Proto": "http"})

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/roles/?q=coder"
    assert "Strict-Transport-Security" not in response


def test_production_redirects_to_https_unless_told_otherwise():
    """settings_test turns the redirect off for the test client; production's default is on."""
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; import django; django.setup(); "
         "print(settings.SECURE_SSL_REDIRECT, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE)"],
        cwd=ROOT, env=_production_env(), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True"]


def test_shared_results_pages_send_no_referrer_and_noindex(client, content):
    result = submit_result()
    for url in (result.get_absolute_url(), f"{result.get_absolute_url()}print/"):
        response = client.get(url, **HTTPS)
        assert response.status_code == 200, url
        assert response["Referrer-Policy"] == "no-referrer", url
        assert "noindex" in response.get("X-Robots-Tag", ""), f"{url} has no X-Robots-Tag: noindex"


def test_hiding_a_match_answers_with_no_referrer_and_noindex(client, content):
    result = submit_result()
    slug = result.matches[0]["role"]

    response = client.post(f"{result.get_absolute_url()}hide/", {"role": slug}, **HTTPS)

    assert response.status_code == 303
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]


def test_manage_py_check_deploy_is_clean():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=_production_env(), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_gunicorn_on_loopback_behind_the_tls_proxy_keeps_hsts_and_secure_cookies(tmp_path):
    """Production mode for real: gunicorn speaks plain HTTP on 127.0.0.1 and trusts the proxy's
    X-Forwarded-Proto. Requests go to loopback only, a handful of them."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = _production_env() | {
        "ALLOWED_HOSTS": "127.0.0.1",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    env.pop("DATABASE_URL", None)  # the sign-in page needs no database
    # Production pages name their cache-busted static files, so collect them first as a deploy does.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "1", "himcareers.wsgi:application"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "gunicorn.log", "w"),  # noqa: SIM115
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                time.sleep(0.2)

        proxied = _http_get(port, "/accounts/login/", {"X-Forwarded-Proto": "https"})
        direct = _http_get(port, "/accounts/login/", {})
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert proxied.status == 200
    assert int(hsts(proxied.getheader("Strict-Transport-Security"))["max-age"]) >= ONE_YEAR
    cookie = proxied.getheader("Set-Cookie")
    assert cookie.startswith("__Host-csrftoken=") and "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert direct.status == 301 and direct.getheader("Location") == "https://127.0.0.1/accounts/login/"
    assert direct.getheader("Strict-Transport-Security") is None


def _http_get(port: int, path: str, headers: dict):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.request("GET", path, headers={"Host": "127.0.0.1", **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _production_env() -> dict[str, str]:
    dropped = ("SECURE_SSL_REDIRECT", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE")  # set for the test run
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        DJANGO_SETTINGS_MODULE="himcareers.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="himcareers.example.org",
    )
    return env
