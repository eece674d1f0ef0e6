"""Errors get the site's own 400, 403, 404 and 500 pages, and those pages give nothing away."""

import secrets

import pytest
from django.conf import settings
from django.test import Client

from tests.security import HTTPS, assert_site_page_without_leaks, make_counselor

pytestmark = pytest.mark.django_db

def test_an_unknown_page_gets_the_sites_404_without_echoing_the_address(client):
    secret = secrets.token_hex(8)

    response = client.get(f"/nothing-here-{secret}/", **HTTPS)

    assert_site_page_without_leaks(response, 404, secret)
    assert "Content-Security-Policy" in response and "Strict-Transport-Security" in response


def test_a_page_a_visitor_may_not_see_gets_the_sites_403(client):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.create_user("student"))  # no CounselorProfile

    response = client.get("/counselors/", **HTTPS)

    assert_site_page_without_leaks(response, 403)


def test_a_form_without_its_csrf_token_gets_the_sites_403(client):
    make_counselor("pat")
    strict = Client(enforce_csrf_checks=True)

    response = strict.post("/accounts/login/", {"username": "pat", "password": "correct horse battery staple"}, **HTTPS)

    assert_site_page_without_leaks(response, 403)
    assert "_auth_user_id" not in strict.session


def test_a_bad_host_gets_the_sites_400(client):
    response = client.get("/", headers={"Host": "evil.example"}, **HTTPS)

    assert_site_page_without_leaks(response, 400, "evil.example")


@pytest.mark.parametrize("url", ["/quiz/", "/accounts/login/", "/counselors/cohorts/new/"])
def test_an_oversized_post_gets_the_sites_400(client, url):
    client.force_login(make_counselor("pat"))
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = client.post(url, {"display_name": body}, **HTTPS)

    assert_site_page_without_leaks(response, 400)


def test_a_post_with_too_many_fields_gets_the_sites_400(client):
    fields = {f"f{n}": "1" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = client.post("/quiz/", fields, **HTTPS)

    assert_site_page_without_leaks(response, 400)


def test_an_oversized_api_body_is_refused_with_a_400(client):
    body = '{"answers": {"R1": "' + "9" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE + '"}}'

    response = client.post("/api/v1/quiz/score", body, content_type="application/json", **HTTPS)

    assert response.status_code == 400
    assert b"Traceback" not in response.content and b"DATA_UPLOAD" not in response.content


def test_a_crash_gets_the_sites_500_without_any_detail(monkeypatch, client):
    detail = "SELECT password FROM auth_user WHERE SECRET_KEY in /work/main/himcareers/settings.py"

    def crash(*args, **kwargs):
        raise RuntimeError(detail)

    monkeypatch.setattr("careers.views.render", crash)
    crashing = Client(raise_request_exception=False)

    response = crashing.get("/", **HTTPS)

    assert_site_page_without_leaks(response, 500, detail, "RuntimeError", "render")
    assert "Content-Security-Policy" in response


def test_a_crash_in_the_api_is_a_500_without_detail(monkeypatch):
    detail = "psycopg.errors.UndefinedTable: relation careers_role does not exist"

    def crash(*args, **kwargs):
        raise RuntimeError(detail)

    monkeypatch.setattr("careers.api._role_summary", crash)
    from tests.factories import RoleFactory

    RoleFactory()
    response = Client(raise_request_exception=False).get("/api/v1/roles", **HTTPS)

    assert response.status_code == 500
    assert detail.encode() not in response.content and b"Traceback" not in response.content


def test_the_error_handlers_are_the_sites_own():
    from himcareers import urls

    assert urls.handler400 and urls.handler403 and urls.handler404 and urls.handler500
    assert settings.DEBUG is False
