"""Counselor passwords and sessions, unguessable tokens and join codes, and the rate limits on
signing in and on class codes (which must never block a class)."""

import math
import secrets

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import CommonPasswordValidator, validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import override_settings

from assessments.models import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Cohort,
    Result,
    new_join_code,
    new_result_token,
)
from assessments.ratelimit import FAILURE_LIMIT
from tests.assessments.factories import (
    CohortFactory,
    ResultFactory,
    answers_for,
    item_bank,
    match_rows,
    post_data,
)
from tests.factories import RoleFactory
from tests.security import HTTPS, make_counselor

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
SCHOOL = "203.0.113.7"  # one address for a whole school behind its router


def sign_in(client, username="pat", password=PASSWORD, address="198.51.100.4", **extra):
    return client.post("/accounts/login/", {"username": username, "password": password, **extra},
                       REMOTE_ADDR=address, **HTTPS)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


# --- passwords -----------------------------------------------------------------------------------


def test_counselor_passwords_need_twelve_characters():
    with pytest.raises(ValidationError):
        validate_password("Tr0ub4dor&3")  # 11 characters
    validate_password("Tr0ub4dor&3x")


def test_common_passwords_are_refused_however_long():
    common = next(p for p in sorted(CommonPasswordValidator().passwords) if len(p) >= 12 and not p.isdigit())

    with pytest.raises(ValidationError):
        validate_password(common)


def test_the_validators_are_djangos_own_with_a_twelve_character_minimum():
    names = {v["NAME"].rsplit(".", 1)[1]: v.get("OPTIONS", {}) for v in settings.AUTH_PASSWORD_VALIDATORS}

    assert names["MinimumLengthValidator"]["min_length"] >= 12
    assert {"CommonPasswordValidator", "UserAttributeSimilarityValidator", "NumericPasswordValidator"} <= set(names)


# --- sessions ------------------------------------------------------------------------------------


def test_signing_in_starts_a_new_session(client):
    make_counselor("pat")
    before = client.session
    before["visited"] = True
    before.save()
    old_key = before.session_key

    response = sign_in(client)

    assert response.status_code == 302 and signed_in(client)
    assert client.session.session_key != old_key
    assert not Session.objects.filter(session_key=old_key).exists()


def test_signing_out_ends_the_session_for_good(client):
    make_counselor("pat")
    sign_in(client)
    key = client.session.session_key
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value

    response = client.post("/accounts/logout/", **HTTPS)

    assert response.status_code == 302 and not signed_in(client)
    assert not Session.objects.filter(session_key=key).exists()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # replaying the old cookie
    assert client.get("/counselors/", **HTTPS).status_code == 302


def test_sessions_last_a_working_day_at_most():
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60


def test_signing_in_never_redirects_off_the_site(client):
    make_counselor("pat")

    response = sign_in(client, next="https://evil.example/phish")

    assert response.status_code == 302 and signed_in(client)
    assert response["Location"].startswith("/") and not response["Location"].startswith("//")


# --- rate limits -----------------------------------------------------------------------------------


def test_repeated_wrong_passwords_lock_that_client_out(client):
    make_counselor("pat")
    statuses = [sign_in(client, password="wrong password guess").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)  # the limit-th failure locks

    locked = sign_in(client)  # even the right password, from the same client

    assert locked.status_code in (403, 429)
    assert not signed_in(client)
    assert b"Traceback" not in locked.content


def test_a_lockout_does_not_stop_the_counselor_at_another_address(client):
    make_counselor("pat")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, password="wrong password guess", address="192.0.2.66")

    response = sign_in(client, address="198.51.100.4")

    assert response.status_code == 302 and signed_in(client)


@pytest.fixture
def quiz_bank():
    items = item_bank(per_dimension=1, per_facet=1)
    for slug in ("medical-coder", "medical-biller", "him-director"):
        RoleFactory(slug=slug)
    return post_data(answers_for(items))


def test_guessing_class_codes_gets_a_client_blocked_but_not_its_neighbours(client, quiz_bank):
    for _ in range(FAILURE_LIMIT):
        guess = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        client.post("/quiz/", {**quiz_bank, "join_code": guess}, REMOTE_ADDR="192.0.2.66", **HTTPS)

    blocked = client.post("/quiz/", {**quiz_bank, "join_code": "CCCC-CCCC"}, REMOTE_ADDR="192.0.2.66", **HTTPS)
    elsewhere = client.post("/quiz/", {**quiz_bank, "join_code": "CCCC-CCCC"}, REMOTE_ADDR="198.51.100.4", **HTTPS)

    assert blocked.status_code == 200 and "Too many wrong class codes" in blocked.content.decode()
    assert "Too many wrong class codes" not in elsewhere.content.decode()
    assert Result.objects.count() == 0


def test_a_class_of_sixty_from_one_school_address_is_never_blocked(client, quiz_bank):
    """Sixty students in the same minute, ten of whom mistype the code once first."""
    cohort = CohortFactory()
    for student in range(60):
        if student < 10:
            typo = client.post("/quiz/", {**quiz_bank, "join_code": cohort.join_code[::-1] + "X"}, REMOTE_ADDR=SCHOOL, **HTTPS)
            assert typo.status_code == 200
        response = client.post("/quiz/", {**quiz_bank, "join_code": cohort.join_code_display, "display_name": f"S{student}"},
                               REMOTE_ADDR=SCHOOL, **HTTPS)
        assert response.status_code == 303, f"student {student + 1} was turned away"

    assert Result.objects.filter(cohort=cohort).count() == 60


@override_settings(PROXY_COUNT=1)
def test_behind_the_proxy_each_client_is_limited_on_its_own_address(client, quiz_bank):
    """The TLS proxy connects from 127.0.0.1; with PROXY_COUNT=1 its X-Forwarded-For names the client."""
    for _ in range(FAILURE_LIMIT):
        client.post("/quiz/", {**quiz_bank, "join_code": "CCCC-CCCC"}, REMOTE_ADDR="127.0.0.1",
                    headers={"X-Forwarded-For": "192.0.2.66"}, **HTTPS)

    neighbour = client.post("/quiz/", {**quiz_bank, "join_code": "CCCC-CCCC"}, REMOTE_ADDR="127.0.0.1",
                            headers={"X-Forwarded-For": "198.51.100.4"}, **HTTPS)
    spoofer = client.post("/quiz/", {**quiz_bank, "join_code": "CCCC-CCCC"}, REMOTE_ADDR="127.0.0.1",
                          headers={"X-Forwarded-For": "198.51.100.4, 192.0.2.66"}, **HTTPS)

    assert "Too many wrong class codes" not in neighbour.content.decode()
    assert "Too many wrong class codes" in spoofer.content.decode()  # a forged first hop changes nothing


# --- tokens and join codes --------------------------------------------------------------------------


def test_result_tokens_carry_at_least_256_random_bits():
    tokens = {new_result_token() for _ in range(2000)}

    assert len(tokens) == 2000
    assert all(len(t) >= 43 and set(t) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") for t in tokens)


def test_join_codes_are_random_and_too_many_to_guess():
    codes = [new_join_code() for _ in range(2000)]  # a repeat here would be a 1-in-75,000 fluke

    assert JOIN_CODE_LENGTH * math.log2(len(JOIN_CODE_ALPHABET)) >= 36
    assert len(set(codes)) == len(codes)
    assert all(len(c) == JOIN_CODE_LENGTH and set(c) <= set(JOIN_CODE_ALPHABET) for c in codes)
    used = {ch for c in codes for ch in c}
    assert used == set(JOIN_CODE_ALPHABET)  # every letter drawn: no narrowed alphabet


def test_a_wrong_result_token_is_a_plain_404_that_reveals_nothing(client):
    real = ResultFactory(matches=match_rows([RoleFactory()]))
    near_miss = real.token[:-1] + ("A" if real.token[-1] != "A" else "B")
    unknown = client.get("/no-such-page/", **HTTPS)

    for token in (new_result_token(), near_miss, real.token.upper(), real.token[:20]):
        for url in (f"/quiz/results/{token}/", f"/quiz/results/{token}/print/"):
            response = client.get(url, **HTTPS)
            assert response.status_code == 404
            assert response.content == unknown.content, f"{url} answers differently from any unknown page"
            assert token.encode() not in response.content


def test_another_counselors_cohort_looks_exactly_like_no_cohort(client):
    mine, theirs = make_counselor("pat"), make_counselor("sam")
    their_cohort = Cohort.objects.create(counselor=theirs, name="Sam's class")
    result = ResultFactory(cohort=their_cohort, matches=match_rows([RoleFactory()]))
    client.force_login(mine)

    for suffix in ("", "print/", "export.csv", f"results/{result.token}/"):
        theirs_response = client.get(f"/counselors/cohorts/{their_cohort.pk}/{suffix}", **HTTPS)
        missing_response = client.get(f"/counselors/cohorts/{their_cohort.pk + 1000}/{suffix}", **HTTPS)
        assert theirs_response.status_code == missing_response.status_code == 404
        assert theirs_response.content == missing_response.content
        assert b"Sam" not in theirs_response.content


def test_a_closed_class_code_is_refused_like_one_that_never_existed(client, quiz_bank):
    closed = CohortFactory(is_open=False)

    closed_response = client.post("/quiz/", {**quiz_bank, "join_code": closed.join_code}, **HTTPS)
    never = "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))
    never_response = client.post("/quiz/", {**quiz_bank, "join_code": never}, **HTTPS)

    assert closed_response.status_code == never_response.status_code == 200
    error = "We couldn&#x27;t find an open class with that code"
    assert error in closed_response.content.decode() and error in never_response.content.decode()
    assert closed.name not in closed_response.content.decode()
    assert Result.objects.count() == 0


def test_the_results_page_shows_no_personal_data(client):
    counselor = make_counselor("pat")
    cohort = Cohort.objects.create(counselor=counselor, name="Period 3")
    result = ResultFactory(cohort=cohort, display_name="Zelda Quinn", matches=match_rows([RoleFactory()]))

    for url in (result.get_absolute_url(), f"{result.get_absolute_url()}print/"):
        html = client.get(url, **HTTPS).content.decode()
        for personal in ("Zelda", "Quinn", "pat@school.example", "Lincoln High"):
            assert personal not in html, f"{url} shows {personal!r}"
