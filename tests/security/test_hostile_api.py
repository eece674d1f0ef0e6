"""Every API endpoint, sent random, oversized, wrongly typed and unicode-laden input: never a 500,
always JSON, and scoring through the API stores nothing."""

import json
from urllib.parse import quote

import pytest
from django.conf import settings as settings_module
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.models import Result
from tests.security import HTTPS, hostile_text, quiz_answers, real_content_once, record_count

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
SCORE = "/api/v1/quiz/score"


def json_values():
    """Any JSON value: the right shape, the wrong one, nested, huge numbers, odd strings."""
    leaves = st.one_of(
        st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=False, allow_infinity=False),
        hostile_text(), st.sampled_from([0, 1, 3, 5, 6, -1, 3.0, 2.5, "3", "5", True, 10**30]),
    )
    return st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(hostile_text(), inner, max_size=4)), max_leaves=12)


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1


def assert_json_and_no_server_error(response, what, *, body_size=0):
    assert response.status_code < 500, (what, response.status_code)
    if body_size > settings_module.DATA_UPLOAD_MAX_MEMORY_SIZE:
        assert response.status_code == 400  # Django refuses it before the API sees it: the site's 400 page
        return
    assert response["Content-Type"].startswith("application/json"), (what, response["Content-Type"])
    json.loads(response.content)


def test_the_catalogue_endpoints_answer_any_slug_with_json(client, content):
    seen = Counter()

    @FUZZ
    @given(slug=hostile_text().filter(lambda s: s.strip("/.") != ""), endpoint=st.sampled_from(["roles", "certifications"]),
           query=st.dictionaries(hostile_text(), hostile_text(), max_size=3))
    def check(slug, endpoint, query):
        seen()
        response = client.get(f"/api/v1/{endpoint}/{quote(slug, safe='')}", query, **HTTPS)
        assert response.status_code in (200, 404), (slug, response.status_code)
        if "/" not in slug:  # an encoded slash makes it another address, not this endpoint's
            assert_json_and_no_server_error(response, slug)
        listing = client.get(f"/api/v1/{endpoint}", query, **HTTPS)
        assert_json_and_no_server_error(listing, query)
        assert listing.status_code == 200

    check()
    record_count("hypothesis examples run", "API catalogue slugs", seen.n)


def test_quiz_items_answers_any_query_with_json(client, content):
    seen = Counter()

    @FUZZ
    @given(query=st.dictionaries(hostile_text(), st.one_of(hostile_text(), st.lists(hostile_text(), max_size=3)), max_size=4))
    def check(query):
        seen()
        response = client.get("/api/v1/quiz/items", query, **HTTPS)
        assert_json_and_no_server_error(response, query)
        assert response.status_code == 200

    check()
    record_count("hypothesis examples run", "API quiz items", seen.n)


def test_scoring_answers_any_json_body_and_stores_nothing(client, content):
    answers = {code: int(v) for code, v in quiz_answers().items()}
    codes = sorted(answers)
    seen = Counter()

    @FUZZ
    @given(
        body=st.one_of(
            json_values(),  # anything at all
            st.fixed_dictionaries({"answers": json_values()}),  # the right key, anything in it
            st.fixed_dictionaries({"answers": st.dictionaries(st.one_of(st.sampled_from(codes), hostile_text()), json_values(), max_size=8)}),
            # a full, valid set with a few answers spoiled or dropped
            st.tuples(st.dictionaries(st.sampled_from(codes), json_values(), max_size=4), st.sets(st.sampled_from(codes), max_size=3))
            .map(lambda spoil: {"answers": {c: v for c, v in answers.items() if c not in spoil[1]} | spoil[0]}),
        )
    )
    def check(body):
        seen()
        results = Result.objects.count()
        encoded = json.dumps(body)
        response = client.post(SCORE, encoded, content_type="application/json", **HTTPS)
        assert_json_and_no_server_error(response, body, body_size=len(encoded.encode()))
        assert response.status_code in (200, 400, 422), response.status_code
        assert Result.objects.count() == results
        if response.status_code == 200:
            assert len(response.json()["matches"]) > 0

    check()
    record_count("hypothesis examples run", "API quiz score (JSON)", seen.n)


def test_scoring_answers_any_raw_body_with_json(client, content):
    seen = Counter()

    @FUZZ
    @given(
        body=st.one_of(st.binary(max_size=3000), hostile_text().map(lambda s: s.encode()),
                       st.just(b'{"answers": ' * 2000), st.just(b"[" * 5000 + b"]" * 5000),
                       st.integers(1, 50_000).map(lambda n: b'{"answers": {"R1": ' + b"9" * n + b"}}")),
        content_type=st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded",
                                      "multipart/form-data; boundary=x", "application/json; charset=latin-1"]),
    )
    def check(body, content_type):
        seen()
        results = Result.objects.count()
        response = client.generic("POST", SCORE, body, content_type=content_type, **HTTPS)
        assert response.status_code < 500, response.status_code
        assert response.status_code != 200 or response.json()["matches"]
        assert Result.objects.count() == results

    check()
    record_count("hypothesis examples run", "API quiz score (raw bodies)", seen.n)


def test_a_valid_score_request_is_answered_and_stores_nothing(client, content):
    answers = {code: 3 for code in quiz_answers()}

    response = client.post(SCORE, {"answers": answers}, content_type="application/json", **HTTPS)

    assert response.status_code == 200
    assert response.json()["matches"]
    assert Result.objects.count() == 0


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_the_api_refuses_writes_it_does_not_offer(client, content, method):
    for url in ("/api/v1/roles", "/api/v1/roles/medical-coder", SCORE, "/api/v1/quiz/items"):
        response = getattr(client, method)(url, "{}", content_type="application/json", **HTTPS)
        assert response.status_code in (404, 405), (method, url, response.status_code)


@pytest.mark.parametrize("url", ["/api/v1/roles/%00", "/api/v1/roles/medical%00coder", "/api/v1/certifications/%00rhit"])
def test_a_nul_byte_in_an_api_address_is_a_json_404_not_a_500(client, content, url):
    """PostgreSQL refuses NUL in text: the slug must be checked before it reaches a query."""
    response = client.get(url, **HTTPS)

    assert response.status_code in (404, 422)
    assert response["Content-Type"].startswith("application/json")
