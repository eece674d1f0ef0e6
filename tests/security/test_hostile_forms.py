"""Every form, sent random, oversized, wrongly typed and unicode-laden values: never a 500, and
a rejected submission leaves the database as it was."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.models import Cohort, Result
from tests.security import (
    HTTPS,
    hostile_text,
    hostile_value,
    make_counselor,
    quiz_answers,
    real_content_once,
    record_count,
    submit_result,
)

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)

FUZZ = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,  # no example database in the work tree; each run draws afresh
)
ROLE_FILTERS = ["q", "track", "education", "remote", "patient_contact", "salary_floor"]


def raw_query():
    """Query strings with stray separators, broken percent escapes and bytes that are not UTF-8."""
    piece = st.one_of(
        st.text(alphabet="abc=&;%+#?/ ", max_size=12),
        st.sampled_from(["%", "%Z", "%ZZ", "%FF%FE", "%C3", "%C3%28", "%00", "%ED%A0%80", "%F4%90%80%80", "&&", "=="]),
        st.binary(max_size=12).map(lambda b: quote(b, safe="&=")),
    )
    return st.lists(piece, max_size=8).map("".join)


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1


def test_the_role_directory_filters_survive_anything(client, content):
    seen = Counter()

    @FUZZ
    @given(params=st.dictionaries(st.one_of(st.sampled_from(ROLE_FILTERS), hostile_text()), hostile_value(), max_size=6), raw=raw_query())
    def check(params, raw):
        seen()
        response = client.get("/roles/", params, **HTTPS)
        assert response.status_code == 200, params
        assert client.get(f"/roles/?{raw}", **HTTPS).status_code == 200, raw

    check()
    record_count("hypothesis examples run", "role directory filters", seen.n)


def test_compare_survives_anything(client, content):
    seen = Counter()

    @FUZZ
    @given(roles=hostile_value(), picks=st.lists(hostile_text(), max_size=6), raw=raw_query())
    def check(roles, picks, raw):
        seen()
        response = client.get("/roles/compare/", {"roles": roles, "pick": picks}, **HTTPS)
        assert response.status_code == 200, (roles, picks)
        assert client.get(f"/roles/compare/?{raw}", **HTTPS).status_code == 200, raw

    check()
    record_count("hypothesis examples run", "compare", seen.n)


def test_the_roadmap_and_print_pages_survive_any_start(client, content):
    result = submit_result()
    seen = Counter()

    @settings(FUZZ, max_examples=50)  # two heavy pages a time
    @given(url=st.sampled_from(["/roles/medical-coder/roadmap/", f"{result.get_absolute_url()}print/"]),
           start=hostile_value(), raw=raw_query())
    def check(url, start, raw):
        seen()
        assert client.get(url, {"start": start}, **HTTPS).status_code == 200, (url, start)
        assert client.get(f"{url}?{raw}", **HTTPS).status_code == 200, (url, raw)

    check()
    record_count("hypothesis examples run", "roadmap and print start", seen.n)


def test_the_quiz_never_fails_and_stores_only_what_it_accepts(client, content):
    answers = quiz_answers()
    codes = sorted(answers)
    fields = st.sampled_from([*codes, "join_code", "display_name"])
    seen = Counter()

    @FUZZ
    @given(
        changed=st.dictionaries(st.one_of(fields, hostile_text()), hostile_value(), max_size=5),
        dropped=st.sets(st.sampled_from(codes), max_size=3),
    )
    def check(changed, dropped):
        seen()
        data = {code: value for code, value in answers.items() if code not in dropped} | changed
        results, cohorts = Result.objects.count(), Cohort.objects.count()

        response = client.post("/quiz/", data, **HTTPS)

        assert response.status_code in (200, 303, 400), response.status_code
        assert Cohort.objects.count() == cohorts
        if response.status_code == 303:  # accepted: exactly one new result, and where it lives
            assert Result.objects.count() == results + 1
            assert response["Location"] == Result.objects.latest("pk").get_absolute_url()
        else:
            assert Result.objects.count() == results

    check()
    record_count("hypothesis examples run", "quiz form", seen.n)


def test_a_quiz_body_that_is_not_a_form_is_rejected(client, content):
    seen = Counter()

    @settings(FUZZ, max_examples=40)  # each rejection renders the whole quiz again
    @given(body=st.one_of(st.binary(max_size=2000), raw_query().map(str.encode)),
           content_type=st.sampled_from(["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz",
                                         "multipart/form-data", "application/json", "text/plain"]))
    def check(body, content_type):
        seen()
        results = Result.objects.count()
        response = client.generic("POST", "/quiz/", body, content_type=content_type, **HTTPS)
        assert response.status_code in (200, 400), response.status_code
        assert Result.objects.count() == results

    check()
    record_count("hypothesis examples run", "quiz raw bodies", seen.n)


def test_not_for_me_changes_nothing_but_a_real_match(client, content):
    result = submit_result()
    slugs = {m["role"] for m in result.matches}
    url = f"{result.get_absolute_url()}hide/"
    seen = Counter()

    @FUZZ
    @given(role=st.one_of(hostile_value(), st.sampled_from(sorted(slugs))), undo=st.one_of(st.none(), hostile_text()))
    def check(role, undo):
        seen()
        before = Result.objects.get(pk=result.pk).hidden
        data = {"role": role} if undo is None else {"role": role, "undo": undo}

        response = client.post(url, data, **HTTPS)

        assert response.status_code in (303, 400), response.status_code
        after = Result.objects.get(pk=result.pk).hidden
        assert set(after) <= slugs
        posted = role[-1] if isinstance(role, list) else role
        if posted not in slugs or response.status_code == 400:
            assert after == before

    check()
    record_count("hypothesis examples run", "not for me", seen.n)


def test_result_links_with_any_token_are_a_plain_404(client, content):
    submit_result()
    seen = Counter()

    @FUZZ
    @given(token=hostile_text().map(lambda t: t.replace("/", "")).filter(lambda t: t.strip(".") != ""))  # a "/" would make it another address
    def check(token):
        seen()
        quoted = quote(token, safe="")
        for method, url in (("get", f"/quiz/results/{quoted}/"), ("get", f"/quiz/results/{quoted}/print/"),
                            ("post", f"/quiz/results/{quoted}/hide/")):
            results = list(Result.objects.values_list("hidden", flat=True))
            response = getattr(client, method)(url, {"role": "medical-coder"} if method == "post" else None, **HTTPS)
            assert response.status_code == 404, (url, response.status_code)
            assert list(Result.objects.values_list("hidden", flat=True)) == results

    check()
    record_count("hypothesis examples run", "result tokens", seen.n)


def test_sign_in_never_fails_and_signs_no_one_in(client, db):
    make_counselor("pat")
    seen = Counter()

    @FUZZ
    @given(username=st.one_of(hostile_value(), st.just("pat")), password=hostile_value(), next_url=st.one_of(st.none(), hostile_text()))
    def check(username, password, next_url):
        seen()
        data = {"username": username, "password": password}
        if next_url is not None:
            data["next"] = next_url
        response = client.post("/accounts/login/", data, **HTTPS)
        assert response.status_code in (200, 400, 403, 429), response.status_code
        assert "_auth_user_id" not in client.session

    check()
    record_count("hypothesis examples run", "sign-in form", seen.n)


def test_a_counselors_new_cohort_form_stores_only_a_sound_name(client, db):
    counselor = make_counselor("pat")
    client.force_login(counselor)
    seen = Counter()

    @FUZZ
    @given(name=hostile_value(), extra=st.dictionaries(hostile_text(), hostile_value(), max_size=3))
    def check(name, extra):
        seen()
        cohorts, results = Cohort.objects.count(), Result.objects.count()

        response = client.post("/counselors/cohorts/new/", {**extra, "name": name}, **HTTPS)

        assert response.status_code in (200, 302, 400), response.status_code
        assert Result.objects.count() == results
        if response.status_code == 302:
            cohort = Cohort.objects.latest("pk")
            assert Cohort.objects.count() == cohorts + 1
            assert response["Location"] == cohort.get_absolute_url()
            assert cohort.counselor == counselor and cohort.name.strip() and "\x00" not in cohort.name
            assert len(cohort.name) <= 120
        else:
            assert Cohort.objects.count() == cohorts

    check()
    record_count("hypothesis examples run", "new cohort form", seen.n)


@pytest.mark.parametrize("suffix", ["", "print/", "hide/"])
def test_a_nul_byte_in_a_result_link_is_a_404_not_a_500(client, db, suffix):
    """PostgreSQL refuses NUL in text: the token must be checked before it reaches a query."""
    method = client.post if suffix == "hide/" else client.get

    response = method(f"/quiz/results/abc%00def/{suffix}", **HTTPS)

    assert response.status_code == 404


def test_a_username_longer_than_any_account_is_refused_not_a_500(client, db):
    """Django's sign-in form does not enforce the username's length; the lockout table's column
    (255 characters on PostgreSQL) must never see a longer one."""
    response = client.post("/accounts/login/", {"username": "u" * 300, "password": "whatever it is"}, **HTTPS)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
