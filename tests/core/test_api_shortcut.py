"""API requests skip the page middleware (core.middleware.ApiShortcut) and answer exactly as
the whole middleware stack answered them; pages still run the whole stack."""

import json

import pytest
from django.conf import settings as project_settings
from django.test import Client

from tests.security import HTTPS, make_counselor, quiz_answers, real_content_once

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)
API_MIDDLEWARE = list(project_settings.API_MIDDLEWARE)


def _answers():
    answers = {code: int(value) for code, value in quiz_answers().items()}
    for n, code in enumerate(answers):
        answers[code] = 1 + n % 5
    return answers


def _requests():
    """(method, path, body, extra headers): what API clients send, well and badly."""
    answers = _answers()
    partial = dict(list(answers.items())[1:]) | {"ZZ9": "5"}
    score = "/api/v1/quiz/score"
    return [
        ("get", "/api/v1/quiz/items", None, {}),
        ("get", "/api/v1/quiz/items?lang=es", None, {}),
        ("get", "/api/v1/quiz/items", None, {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"}),
        ("head", "/api/v1/quiz/items", None, {}),
        ("post", score, {"answers": answers}, {}),
        ("post", score + "?lang=es", {"answers": answers}, {}),
        ("post", score, {"answers": partial}, {}),
        ("post", score, "{not json", {}),
        ("post", score, "[]", {}),
        ("get", score, None, {}),
        ("get", "/api/v1/roles", None, {}),
        ("get", "/api/v1/roles/medical-coder", None, {}),
        ("get", "/api/v1/roles/no-such-role", None, {}),
        ("get", "/api/v1/no-such-operation", None, {}),
        ("get", "/api/v1/roles/", None, {}),
        ("get", "/api/v1/quiz/items", None, {"HTTP_HOST": "evil.example"}),
        ("post", score, {"answers": answers}, {"HTTP_HOST": "evil.example"}),
        ("get", "/api/v1/openapi.json", None, {}),
    ]


def _send(client, method, path, body, extra):
    if body is None:
        return getattr(client, method)(path, **HTTPS, **extra)
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.post(path, raw, content_type="application/json", **HTTPS, **extra)


def _seen(response):
    return response.status_code, list(response.items()), sorted(response.cookies), response.content


def test_api_responses_are_those_of_the_whole_middleware_stack(content, settings):
    counselor = make_counselor()
    for signed_in in (False, True):
        shortcut, whole = Client(), Client()
        if signed_in:
            shortcut.force_login(counselor)
            whole.force_login(counselor)
        for method, path, body, extra in _requests():
            settings.API_MIDDLEWARE = None  # each client loads its middleware on its first request
            expected = _seen(_send(whole, method, path, body, extra))
            settings.API_MIDDLEWARE = API_MIDDLEWARE
            assert _seen(_send(shortcut, method, path, body, extra)) == expected, (method, path, extra, signed_in)


def test_an_api_call_does_not_open_the_session_or_check_the_user(content, client):
    client.force_login(make_counselor())

    response = client.post("/api/v1/quiz/score", {"answers": _answers()}, content_type="application/json", **HTTPS)

    assert response.status_code == 200
    assert response["Content-Language"] == "en" and response["X-Frame-Options"] == "DENY"
    assert response["Content-Security-Policy"] and response["Cross-Origin-Resource-Policy"] == "same-origin"
    request = response.wsgi_request
    assert not hasattr(request, "session") and not hasattr(request, "user")


def test_pages_still_run_the_whole_stack(content, client):
    quiz = client.get("/quiz/", **HTTPS)
    assert quiz.status_code == 200
    assert hasattr(quiz.wsgi_request, "session") and hasattr(quiz.wsgi_request, "user")
    token = quiz.cookies["__Host-csrftoken"].value  # the quiz form's CSRF cookie

    strict, referer = Client(enforce_csrf_checks=True), {"HTTP_REFERER": "https://testserver/quiz/"}
    refused = strict.post("/quiz/", quiz_answers(), **HTTPS, **referer)
    assert refused.status_code == 403  # no CSRF token: refused, as before

    strict.cookies["__Host-csrftoken"] = token
    accepted = strict.post("/quiz/", {**quiz_answers(), "csrfmiddlewaretoken": token}, **HTTPS, **referer)
    assert accepted.status_code == 303 and accepted["Location"].startswith("/quiz/results/")

    client.force_login(make_counselor())
    signed_in = client.get("/counselors/", **HTTPS)
    assert signed_in.status_code == 200 and signed_in.wsgi_request.user.is_authenticated
