"""One client address for the whole site (findings 1 and 9 of issue 11): the sign-in lockout and
the class-code limit count the client our proxies saw, never the proxy, never a forged hop."""

import pytest
from django.conf import settings
from django.test import override_settings

from assessments.ratelimit import FAILURE_LIMIT
from tests.assessments.factories import answers_for, item_bank, post_data
from tests.factories import RoleFactory
from tests.security import HTTPS, make_counselor

pytestmark = pytest.mark.django_db

PROXY = "127.0.0.1"  # the TLS proxy on the same machine: every request comes from it
PASSWORD = "correct horse battery staple"


def sign_in(client, forwarded_for, *, username="pat", password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password},
                       REMOTE_ADDR=PROXY, headers={"X-Forwarded-For": forwarded_for}, **HTTPS)


@override_settings(PROXY_COUNT=1)
def test_wrong_passwords_from_one_place_never_lock_the_counselor_out_elsewhere(client):
    make_counselor("pat")
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        sign_in(client, "192.0.2.66", password="a wrong guess, again")

    response = sign_in(client, "198.51.100.4")

    assert response.status_code == 302 and "_auth_user_id" in client.session


@override_settings(PROXY_COUNT=1)
def test_the_guesser_stays_locked_out_whatever_first_hop_it_forges(client):
    make_counselor("pat")
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"203.0.113.{n}, 192.0.2.66", password="a wrong guess, again")

    response = sign_in(client, "198.51.100.9, 192.0.2.66")  # the right password, a new forged hop

    assert response.status_code == 429 and "_auth_user_id" not in client.session


@override_settings(PROXY_COUNT=1, SIGN_IN_ADDRESS_LIMIT=8)
def test_one_address_trying_many_usernames_is_stopped(client):
    """Password spraying: a few guesses per username stays under the per-username lockout."""
    make_counselor("pat")
    for n in range(8):
        sign_in(client, "192.0.2.66", username=f"user{n}", password="Summer2026!")

    sprayer = sign_in(client, "192.0.2.66")
    neighbour = type(client)().post("/accounts/login/", {"username": "pat", "password": PASSWORD},
                                    REMOTE_ADDR=PROXY, headers={"X-Forwarded-For": "198.51.100.4"}, **HTTPS)

    assert "Too many failed sign-ins from this network" in sprayer.content.decode()
    assert "_auth_user_id" not in client.session
    assert neighbour.status_code == 302


@pytest.fixture
def quiz_bank():
    items = item_bank(per_dimension=1, per_facet=1)
    for slug in ("medical-coder", "medical-biller", "him-director"):
        RoleFactory(slug=slug)
    return post_data(answers_for(items))


def test_without_a_proxy_a_forged_forwarded_for_does_not_escape_the_class_code_limit(client, quiz_bank):
    """No proxy is configured by default, so X-Forwarded-For is the client's own invention."""
    assert settings.PROXY_COUNT == 0
    for n in range(FAILURE_LIMIT):
        client.post("/quiz/", {**quiz_bank, "join_code": "CCCC-CCCC"}, REMOTE_ADDR="192.0.2.66",
                    headers={"X-Forwarded-For": f"203.0.113.{n}"}, **HTTPS)

    response = client.post("/quiz/", {**quiz_bank, "join_code": "CCCC-CCCC"}, REMOTE_ADDR="192.0.2.66",
                           headers={"X-Forwarded-For": "198.51.100.200"}, **HTTPS)

    assert "Too many wrong class codes" in response.content.decode()


def test_the_dead_settings_are_gone():
    from himcareers import settings as configured  # what we set, not django-axes' defaults

    assert not any(name.startswith("AXES_IPWARE") for name in vars(configured))  # ipware is not installed
    assert not any("healthz" in pattern for pattern in getattr(configured, "SECURE_REDIRECT_EXEMPT", []))
