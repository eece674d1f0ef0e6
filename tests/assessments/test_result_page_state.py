"""A result's pages are rendered once and kept; the one small read on each view decides whether
the kept rendering still says what the row says (Result.objects.page_state).

The whole page is kept too, in any cache (per-process memory included), and served before
sessions, auth and the view run, but only after the same small read: nothing another server
does to the row (a try attached, a match hidden, the result deleted) needs to reach this
server's memory to show at once."""

import random
import re

import pytest
from django.test import Client, override_settings

from assessments.models import Result
from assessments.services import result_set_hidden
from tests.assessments.factories import ResultFactory
from tests.factories import RoleFactory
from worksamples.models import Attempt

pytestmark = pytest.mark.django_db


@pytest.fixture
def result():
    RoleFactory(slug="medical-coder", name="Medical coder")
    RoleFactory(slug="medical-biller", name="Medical biller")
    return ResultFactory(matches=[
        {"role": "medical-coder", "fit": 60, "band": "Good fit", "reasons": []},
        {"role": "medical-biller", "fit": 55, "band": "Good fit", "reasons": []},
    ])


@pytest.mark.parametrize("page", ["", "print/"])
def test_a_repeat_view_reads_one_small_row(client, result, django_assert_num_queries, page):
    address = f"{result.get_absolute_url()}{page}"
    first = client.get(address).content
    with django_assert_num_queries(1):
        again = client.get(address)
    assert again.status_code == 200
    assert again.content.replace(b" ", b"").count(b"60%fit") == first.replace(b" ", b"").count(b"60%fit") > 0


@pytest.mark.parametrize("page", ["", "print/"])
def test_a_try_attached_and_each_change_of_its_rating_show_on_the_next_view(client, result, page):
    address = f"{result.get_absolute_url()}{page}"
    assert "You tried coding" not in client.get(address).content.decode()

    attempt = Attempt.objects.create(sample="coding", answers={}, score=6, out_of=8, result=result, enjoyment=5)
    assert "You tried coding and enjoyed it." in client.get(address).content.decode()

    attempt.rate(1)  # the same try, rated again: nothing but its rating changes
    html = client.get(address).content.decode()
    assert "You tried coding and enjoyed it." not in html
    assert "You tried coding" in html


def without_csrf_tokens(html: bytes) -> bytes:
    """The page with each form's CSRF token blanked: it is masked anew for every response."""
    return re.sub(rb'(name="csrfmiddlewaretoken" value=")[^"]+"', rb'\1"', html)


@pytest.mark.parametrize("page", ["", "print/"])
def test_a_repeat_view_is_served_before_sessions_and_the_view_run(client, result, django_assert_num_queries, page):
    address = f"{result.get_absolute_url()}{page}"
    first = client.get(address)
    assert hasattr(first.wsgi_request, "session")  # rendered by the view, through every middleware
    with django_assert_num_queries(1):
        again = client.get(address)
    assert not hasattr(again.wsgi_request, "session")  # the page cache answered
    assert again.status_code == 200 and without_csrf_tokens(again.content) == without_csrf_tokens(first.content)
    for header in ("Referrer-Policy", "X-Robots-Tag", "Cache-Control", "Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert again[header] == first[header], header


@override_settings(PAGE_CACHE_PAGES_OF={})  # deleted by another server: nothing here forgets the kept page
def test_a_result_deleted_elsewhere_answers_404_at_once_although_this_server_kept_its_pages(client, result):
    address = result.get_absolute_url()
    assert client.get(address).status_code == 200
    assert client.get(f"{address}print/").status_code == 200
    assert client.get(address).status_code == 200  # now served from the kept copies

    result.delete()

    assert client.get(address).status_code == 404
    assert client.get(f"{address}print/").status_code == 404


def test_a_deleted_result_is_gone_from_its_kept_pages(client, result):
    address = result.get_absolute_url()
    assert client.get(address).status_code == 200
    assert client.get(f"{address}print/").status_code == 200
    result.delete()
    assert client.get(address).status_code == 404
    assert client.get(f"{address}print/").status_code == 404


def test_an_unknown_token_is_404(client, result):
    assert client.get("/quiz/results/" + "x" * 43 + "/").status_code == 404
    assert client.get("/quiz/results/" + "x" * 43 + "/print/").status_code == 404


# --- any sequence of changes made elsewhere -------------------------------------------------------

SAMPLES = ("coding", "billing", "registry", "release")


def page_now(address: str) -> tuple[int, bytes]:
    """The page as a visitor of this server gets it: stored copies allowed."""
    response = Client().get(address)
    return response.status_code, without_csrf_tokens(response.content)


def page_rendered_afresh(address: str) -> tuple[int, bytes]:
    """The page rendered from the database alone, through a cache that keeps nothing (the real
    cache's contents stay as they are for the next visit)."""
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}):
        return page_now(address)


@pytest.mark.parametrize("seed", range(4))
@override_settings(PAGE_CACHE_PAGES_OF={})  # every change made by "another server": nothing here is forgotten
def test_after_any_sequence_of_changes_made_elsewhere_each_view_shows_the_row_as_it_is(result, seed):
    """Hide, undo, attach, re-rate and detach tries in a random order, going back to earlier
    states too (whose renderings are still kept); after each change, both pages, served twice
    (the second time from the stored copy), equal a rendering from the database alone."""
    rng = random.Random(seed)
    slugs = [m["role"] for m in result.matches]
    addresses = [result.get_absolute_url(), f"{result.get_absolute_url()}print/"]
    for _ in range(14):
        change = rng.choice(["hide", "undo", "attach", "rate", "detach"])
        tries = list(Attempt.objects.filter(result=result))
        if change == "hide":
            result_set_hidden(result=result, slug=rng.choice(slugs))
        elif change == "undo" and result.hidden:
            result_set_hidden(result=result, slug=rng.choice(result.hidden), hidden=False)
        elif change == "attach":
            Attempt.objects.create(sample=rng.choice(SAMPLES), answers={}, score=5, out_of=8, result=result, enjoyment=rng.choice([None, 1, 3, 5]))
        elif change == "rate" and tries:
            rng.choice(tries).rate(rng.choice([1, 2, 4, 5]))
        elif change == "detach" and tries:
            rng.choice(tries).attach_to(None)
        for address in addresses:
            expected = page_rendered_afresh(address)
            assert page_now(address) == expected, (change, address)
            assert page_now(address) == expected, (change, address, "stored copy")

    Result.objects.filter(pk=result.pk).delete()
    for address in addresses:
        assert page_now(address)[0] == 404


def test_a_change_made_while_the_page_renders_is_not_kept_under_the_older_version(client, result, monkeypatch):
    """Another server hides a match between this view's small read and its reading of the whole
    row: the page shows the match hidden, and must not be kept as the page of the state before,
    which comes back when the match is shown again."""
    from assessments import views

    read_whole_row = views.whole_result

    def hidden_meanwhile(state):
        result_set_hidden(result=result, slug="medical-coder")
        return read_whole_row(state)

    monkeypatch.setattr(views, "whole_result", hidden_meanwhile)
    assert "Medical coder" not in ranked(client.get(result.get_absolute_url()))  # rendered after the hide
    monkeypatch.setattr(views, "whole_result", read_whole_row)

    result_set_hidden(result=result, slug="medical-coder", hidden=False)  # back to the state first read

    for _ in range(2):
        assert "Medical coder" in ranked(client.get(result.get_absolute_url()))


def ranked(response) -> list[str]:
    """The names in the ranked list of matches (those not marked "not for me")."""
    return re.findall(r'<span class="match-rank">\d+\.</span> <a href="[^"]+">([^<]+)</a>', response.content.decode())
