"""The cookies the privacy page lists are the only ones anyone gets: a student gets the CSRF
cookie alone, a counselor the CSRF and session cookies."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.assessments.factories import CohortFactory, post_data
from tests.privacy.conftest import HTTPS, QUIZ

pytestmark = pytest.mark.django_db


class CookieJar:
    """A browser that remembers the name of every cookie any response set."""

    def __init__(self):
        self.client = Client()
        self.names: set[str] = set()

    def __call__(self, method: str, url: str, data=None, **extra):
        response = getattr(self.client, method)(url, data or {}, **HTTPS, **extra)
        self.names |= {name for name, morsel in response.cookies.items() if morsel.value}
        return response


def test_browsing_the_site_sets_no_cookie_at_all(quiz_items):
    browser = CookieJar()
    for url in (reverse("home"), reverse("careers:role_list"), reverse("careers:about_data"),
                reverse("assessments:privacy"), reverse("careers:role_detail", args=["medical-coder"])):
        assert browser("get", url).status_code == 200, url
    assert browser.names == set()


def test_a_student_from_quiz_to_deletion_gets_only_the_csrf_cookie(quiz_items, answers, cohort):
    browser = CookieJar()
    browser("get", QUIZ)
    result_url = browser("post", QUIZ, post_data(answers, join_code=cohort.join_code, display_name="Kit"))["Location"]
    token = result_url.rstrip("/").rsplit("/", 1)[-1]
    browser("get", result_url)
    browser("post", reverse("assessments:result_hide", args=[token]), {"role": "medical-coder"})
    browser("get", reverse("assessments:result_print", args=[token]))
    browser("post", reverse("assessments:result_delete", args=[token]))
    assert browser("post", reverse("assessments:result_delete", args=[token]), {"confirm": "yes"}).status_code == 303
    browser("get", reverse("assessments:result_deleted"))

    assert browser.names == {settings.CSRF_COOKIE_NAME}
    assert settings.CSRF_COOKIE_NAME == "__Host-csrftoken"  # production names (the tests run with DEBUG off)


def test_a_counselor_gets_the_session_cookie_and_nothing_else(counselor):
    browser = CookieJar()
    browser("get", reverse("login"))
    signed_in = browser("post", reverse("login"), {"username": "pat", "password": "correct horse battery staple"})
    assert signed_in.status_code == 302
    browser("post", reverse("assessments:cohort_create"), {"name": "Period 4"})  # shows a flash message
    cohort = CohortFactory(counselor=counselor)
    browser("post", reverse("assessments:cohort_delete", args=[cohort.pk]), {"confirm": "yes"})
    browser("get", reverse("assessments:cohort_list"))

    assert browser.names == {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME}
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
