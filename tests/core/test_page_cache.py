"""The page cache is correct and bounded (findings 3-8 of issue 11): the Host is checked before a
stored page is served, query strings cannot fill the cache, links never come from the first
visitor's Host, hidden matches and deleted results never reappear, and no token is in a key."""

import re
import secrets

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import reverse

from assessments.services import result_set_hidden
from core.cache import FORMAT
from tests.assessments.factories import DimensionFactory, ItemFactory, ResultFactory, match_rows
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db


def stored_keys() -> list[str]:
    """Every key in the cache (local memory or Redis)."""
    backend = caches["default"]
    if hasattr(backend, "_cache") and isinstance(backend._cache, dict):
        return list(backend._cache)
    client = backend._cache.get_client(write=False)
    return [key.decode() for key in client.scan_iter("*")]


@pytest.fixture
def role():
    return RoleFactory(slug="medical-coder", name="Medical coder")


@pytest.fixture
def result():
    roles = [RoleFactory(slug=f"role-{i:02d}", name=f"Role {i:02d}", entry_salary=40000 + i) for i in range(4)]
    for code in "RIASEC":
        DimensionFactory(code=code)
    return ResultFactory(matches=match_rows(roles))


def page(client, path, **extra):
    return client.get(path, secure=True, **extra).content.decode()


# --- finding 3: bounded ---------------------------------------------------------------------------


def test_random_query_strings_add_nothing_to_the_cache(client, role):
    client.get(role.get_absolute_url(), secure=True)
    before = len(stored_keys())

    for _ in range(60):
        assert client.get(f"{role.get_absolute_url()}?x={secrets.token_hex(8)}", secure=True).status_code == 200

    assert len(stored_keys()) == before


@override_settings(PAGE_CACHE_VARIANTS=5)
def test_a_page_stores_a_bounded_number_of_searches(client, role):
    for _ in range(40):
        assert client.get(f"/roles/?q={secrets.token_hex(6)}", secure=True).status_code == 200

    assert sum(f":page{FORMAT}:" in key for key in stored_keys()) <= 5


# --- finding 4: the Host is checked on every request ------------------------------------------------


def test_a_foreign_host_is_refused_even_when_the_page_is_stored(client, role):
    assert client.get(role.get_absolute_url(), secure=True).status_code == 200
    assert client.get(role.get_absolute_url(), secure=True).status_code == 200  # now served from the cache

    response = client.get(role.get_absolute_url(), secure=True, HTTP_HOST="evil.example")

    assert response.status_code == 400


# --- finding 5: links from SITE_URL or this request, never from the first visitor -----------------


def test_the_roadmap_print_stamp_names_each_visitors_own_host(role):
    path = reverse("careers:roadmap", args=[role.slug])
    page(Client(), path, HTTP_HOST="localhost:8000")

    html = page(Client(), path)

    assert "Printed from https://testserver/roles/medical-coder/roadmap/" in html
    assert "localhost:8000" not in html


def test_the_private_link_is_never_the_first_visitors_host(result, shared_cache):
    path = result.get_absolute_url()
    page(Client(), path, HTTP_HOST="localhost:8000")

    html = page(Client(), path)

    assert f'value="https://testserver{path}"' in html and "localhost" not in html


@override_settings(SITE_URL="https://careers.example.org")
def test_with_site_url_set_every_visitor_gets_that_address(result, shared_cache):
    path = result.get_absolute_url()

    for host in ("localhost:8000", "testserver"):
        assert f'value="https://careers.example.org{path}"' in page(Client(), path, HTTP_HOST=host)


# --- finding 6: "not for me" is seen at every address of the page, on every server ----------------


def top_names(html):
    return re.findall(r'<span class="match-rank">\d+\.</span> <a href="[^"]+">([^<]+)</a>', html)


def test_hiding_a_match_shows_at_every_address_of_the_results_page(result, shared_cache):
    visitor = Client()
    for suffix in ("", "?utm=1", "?utm_source=newsletter"):
        assert "Role 01" in top_names(page(visitor, result.get_absolute_url() + suffix))

    visitor.post(reverse("assessments:result_hide", args=[result.token]), {"role": "role-01"}, secure=True)

    for suffix in ("", "?utm=1", "?utm_source=newsletter", "print/", "print/?start=hs"):
        assert "Role 01" not in top_names(page(visitor, result.get_absolute_url() + suffix)), suffix


def test_without_a_shared_cache_another_servers_hide_shows_at_once(result):
    """Per-process memory: the hide is made as if by another app server, which cannot reach this
    server's cache to forget anything; the page must still show it."""
    assert "Role 01" in top_names(page(Client(), result.get_absolute_url()))

    result_set_hidden(result=result, slug="role-01")  # no forget_pages(): another process did it

    assert "Role 01" not in top_names(page(Client(), result.get_absolute_url()))


# --- finding 7: deleted results and edited items ---------------------------------------------------


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "a-long-editor-password"))
    return client


def test_a_result_deleted_in_the_admin_is_gone(result, shared_cache, admin_client):
    for path in (result.get_absolute_url(), reverse("assessments:result_print", args=[result.token])):
        assert Client().get(path, secure=True).status_code == 200

    deleted = admin_client.post(reverse("admin:assessments_result_delete", args=[result.pk]), {"post": "yes"}, secure=True)

    assert deleted.status_code == 302
    for path in (result.get_absolute_url(), reverse("assessments:result_print", args=[result.token])):
        assert Client().get(path, secure=True).status_code == 404, path


def test_a_result_deleted_from_the_shell_is_gone(result, shared_cache):
    assert Client().get(result.get_absolute_url(), secure=True).status_code == 200

    type(result).objects.filter(pk=result.pk).delete()

    assert Client().get(result.get_absolute_url(), secure=True).status_code == 404


def test_an_item_edited_in_the_admin_shows_at_once_on_the_quiz_form(admin_client):
    item = ItemFactory(text="I enjoy sorting records.")
    assert "I enjoy sorting records." in page(Client(), "/quiz/")

    form = admin_client.get(reverse("admin:assessments_item_change", args=[item.pk]), secure=True)
    assert form.status_code == 200
    data = {**form.context["adminform"].form.initial, "text": "I enjoy checking codes."}
    data = {k: ("" if v is None else getattr(v, "pk", v)) for k, v in data.items()}
    saved = admin_client.post(reverse("admin:assessments_item_change", args=[item.pk]), data, secure=True)
    assert saved.status_code == 302, saved.content.decode()[:2000]

    assert "I enjoy checking codes." in page(Client(), "/quiz/")


# --- finding 8: no token in a key name -------------------------------------------------------------


def test_no_cache_key_holds_a_result_token(result, shared_cache):
    for path in (result.get_absolute_url(), f"{result.get_absolute_url()}print/", f"{result.get_absolute_url()}print/?start=hs"):
        assert Client().get(path, secure=True).status_code == 200

    keys = stored_keys()
    assert keys and not [key for key in keys if result.token in key]


# --- finding 9: the quiz form is private ----------------------------------------------------------


def test_the_quiz_form_is_never_stored_by_browsers_or_proxies(client):
    ItemFactory()
    for _ in range(2):  # the first render and the stored copy
        response = client.get("/quiz/", secure=True)
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives
