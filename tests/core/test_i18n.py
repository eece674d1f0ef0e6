"""Languages: Spanish under /es/, the switch, the remembered choice, stored pages per language
and the API's language."""

import datetime
import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.assessments.factories import DimensionFactory, ResultFactory, match_rows
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db
HTTPS = {"secure": True}


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def nav(html: str) -> str:
    return html.split('<nav class="navbar', 1)[1].split("</nav>", 1)[0]


def switch_links(html: str) -> list[str]:
    return re.findall(r'class="nav-link" href="(/language/[^"]+)"', html)


@pytest.fixture
def role():
    return RoleFactory(slug="medical-coder", name="Medical coder")


def test_english_stays_unprefixed_and_spanish_lives_under_es(client, role):
    english = client.get("/roles/", **HTTPS)
    spanish = client.get("/es/roles/", **HTTPS)
    assert english.status_code == spanish.status_code == 200
    assert html_lang(english.content.decode()) == "en" and english["Content-Language"] == "en"
    assert html_lang(spanish.content.decode()) == "es" and spanish["Content-Language"] == "es"
    assert ">Career map<" in nav(english.content.decode())
    assert ">Mapa de carreras<" in nav(spanish.content.decode())
    # Links inside a Spanish page stay in Spanish.
    assert 'href="/es/quiz/"' in nav(spanish.content.decode())


def test_every_page_names_both_languages_as_alternates(client, role):
    html = client.get("/es/roles/medical-coder/", **HTTPS).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))
    assert alternates == {
        "en": "https://testserver/roles/medical-coder/",
        "es": "https://testserver/es/roles/medical-coder/",
        "x-default": "https://testserver/roles/medical-coder/",
    }


def test_the_switch_keeps_you_on_the_same_page_and_remembers_the_choice(client, role):
    english = client.get("/roles/medical-coder/", **HTTPS).content.decode()
    [to_spanish] = switch_links(english)
    response = client.get(to_spanish, **HTTPS)
    assert response.status_code == 302 and response["Location"] == "/es/roles/medical-coder/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "es" and cookie["max-age"] == 365 * 24 * 60 * 60 and cookie["httponly"]

    # Remembered: an English address now leads to its Spanish page, query string kept...
    again = client.get("/roles/?track=coding", **HTTPS)
    assert again.status_code == 302 and again["Location"] == "/es/roles/?track=coding"
    # ...until the visitor switches back.
    [to_english] = switch_links(client.get("/es/roles/medical-coder/", **HTTPS).content.decode())
    back = client.get(to_english, **HTTPS)
    assert back["Location"] == "/roles/medical-coder/" and back.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/roles/", **HTTPS).status_code == 200


def test_the_switch_keeps_the_query_string(client, role):
    html = client.get("/roles/?q=coder", **HTTPS).content.decode()
    [to_spanish] = switch_links(html)
    assert client.get(to_spanish, **HTTPS)["Location"] == "/es/roles/?q=coder"


@pytest.mark.parametrize("target", ["https://evil.example/phish", "//evil.example/x", "javascript:alert(1)"])
def test_the_switch_never_sends_you_to_another_site(client, target):
    response = client.get("/language/es/", {"next": target}, **HTTPS)
    assert response.status_code == 302 and response["Location"] == "/es/"


def test_an_unknown_language_in_the_switch_is_english(client):
    response = client.get("/language/xx/", {"next": "/roles/"}, **HTTPS)
    assert response["Location"] == "/roles/" and response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_a_remembered_spanish_choice_leaves_forms_the_api_and_the_admin_alone(client, role):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert client.get("/api/v1/roles", **HTTPS).status_code == 200
    assert client.get("/admin/login/", **HTTPS).status_code == 200
    response = client.post(reverse("assessments:quiz"), {}, **HTTPS)
    assert not response.get("Location", "").startswith("/es/")


def test_browsing_without_the_switch_sets_no_language_cookie(client, role):
    for url in ("/", "/es/", "/roles/medical-coder/", "/es/roles/medical-coder/"):
        assert settings.LANGUAGE_COOKIE_NAME not in client.get(url, **HTTPS).cookies


def test_stored_pages_are_kept_per_language(role):
    """A Spanish visitor first, then an English one, then Spanish again: each gets their own."""
    Client().get("/es/roles/medical-coder/", **HTTPS)
    english = Client().get("/roles/medical-coder/", **HTTPS).content.decode()
    spanish = Client().get("/es/roles/medical-coder/", **HTTPS).content.decode()
    assert html_lang(english) == "en" and ">Roles<" in nav(english)
    assert html_lang(spanish) == "es" and ">Empleos<" in nav(spanish)


@pytest.fixture
def result():
    roles = [RoleFactory(slug=f"role-{i}", name=f"Role {i}") for i in range(7)]
    for code in "RIASEC":
        DimensionFactory(code=code)
    return ResultFactory(matches=match_rows(roles))


def test_a_results_page_is_rendered_once_per_language(result):
    path = reverse("assessments:result", args=[result.token])
    spanish = Client().get(f"/es{path}", **HTTPS).content.decode()
    english = Client().get(path, **HTTPS).content.decode()
    assert html_lang(spanish) == "es" and html_lang(english) == "en"
    assert ">Empleos<" in nav(spanish) and ">Roles<" in nav(english)


def test_not_for_me_in_spanish_also_updates_the_english_page(result):
    path = reverse("assessments:result", args=[result.token])
    hide = reverse("assessments:result_hide", args=[result.token])
    visitor = Client()
    assert "Role 1" in re.findall(r'class="h4 match-title"[^>]*><span class="match-rank">\d+\.</span> <a href="[^"]+">([^<]+)</a>', visitor.get(path, **HTTPS).content.decode())
    visitor.get(f"/es{path}", **HTTPS)
    visitor.post(f"/es{hide}", {"role": "role-1"}, **HTTPS)
    for shown in (visitor.get(path, **HTTPS), visitor.get(f"/es{path}", **HTTPS)):
        top = re.findall(r'class="h4 match-title"[^>]*><span class="match-rank">\d+\.</span> <a href="[^"]+">([^<]+)</a>', shown.content.decode())
        assert len(top) == 5 and "Role 1" not in top


def test_a_missing_page_under_es_is_a_spanish_404(client):
    response = client.get("/es/no-such-page/", **HTTPS)
    html = response.content.decode()
    assert response.status_code == 404 and html_lang(html) == "es"
    assert "No encontramos esa página" in html


def test_spanish_pages_keep_us_money_and_dates():
    from django.utils import formats

    with translation.override("es"):
        assert formats.number_format(194800, force_grouping=True) == "194,800"
        assert formats.date_format(datetime.date(2026, 11, 29), "SHORT_DATE_FORMAT") == "11/29/2026"
        assert formats.date_format(datetime.date(2026, 11, 29)) == "29 de noviembre de 2026"
    assert formats.date_format(datetime.date(2026, 11, 29)) == "November 29, 2026"


@pytest.mark.parametrize(
    ("query", "header", "expected"),
    [("?lang=es", "", "es"), ("", "es-MX,es;q=0.9,en;q=0.5", "es"), ("", "fr, es;q=0.5", "es"), ("", "de", "en"), ("", "", "en"), ("?lang=en", "es", "en")],
)
def test_the_api_answers_in_the_language_asked_for(client, role, query, header, expected):
    extra = {"HTTP_ACCEPT_LANGUAGE": header} if header else {}
    response = client.get(f"/api/v1/roles{query}", **HTTPS, **extra)
    assert response.status_code == 200
    assert response["Content-Language"] == expected
    assert "Accept-Language" in response["Vary"]


def test_the_openapi_schema_documents_the_language(client):
    schema = client.get("/api/v1/openapi.json", **HTTPS).json()
    assert "Accept-Language: es" in schema["info"]["description"]
    for path, method in (("/api/v1/roles", "get"), ("/api/v1/roles/{slug}", "get"), ("/api/v1/certifications", "get"),
                         ("/api/v1/certifications/{slug}", "get"), ("/api/v1/quiz/items", "get"), ("/api/v1/quiz/score", "post")):
        names = {p["name"] for p in schema["paths"][path][method]["parameters"]}
        assert "lang" in names, path


def test_a_private_page_switches_language_without_putting_its_token_in_a_query(result):
    path = reverse("assessments:result", args=[result.token])
    html = Client().get(path, **HTTPS).content.decode()
    switch = re.findall(r'<a class="nav-link" href="([^"]+)" lang="es"', html)
    assert switch == [f"/es{path}"]
