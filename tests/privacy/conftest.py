"""Shared set-up for the privacy tests: a scorable item bank, counselors, and a student who
submits the real quiz form (through the test client, as a browser would)."""

import pytest
from django.urls import reverse

from assessments.models import CounselorProfile, Result
from tests.assessments.factories import (
    CohortFactory,
    UserFactory,
    answers_for,
    item_bank,
    post_data,
)
from tests.factories import RoleFactory

HTTPS = {"secure": True}  # as if through the TLS proxy (the test settings run with DEBUG off)
QUIZ = reverse("assessments:quiz")
NAME = "Zephyrine Q"  # a display name no page text contains by chance


def make_counselor(username: str):
    user = UserFactory(username=username)
    user.save()  # the factory sets the password without saving it
    CounselorProfile.objects.create(user=user, school="Lincoln High")
    return user


def sign_in(client, user):
    # The first backend is django-axes' guard, which does not load users from the session.
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


@pytest.fixture
def quiz_items(db):
    items = item_bank(per_dimension=1, per_facet=1)
    for slug in ("medical-coder", "medical-biller", "him-director", "cancer-registrar"):
        RoleFactory(slug=slug, name=slug.replace("-", " ").capitalize())
    return items


@pytest.fixture
def answers(quiz_items):
    return answers_for(quiz_items, interests={"C": 5, "I": 4, "A": 1, "R": 2}, facets={"clinical_detail": 5})


@pytest.fixture
def counselor(db):
    return make_counselor("pat")


@pytest.fixture
def cohort(counselor):
    return CohortFactory(counselor=counselor, name="Period 3")


@pytest.fixture
def submit(client, answers):
    """Send the quiz form as a student (optionally with a class code and a name); return the Result."""

    def run(*, cohort=None, name="", with_client=None):
        extra = {"join_code": cohort.join_code, "display_name": name} if cohort else {}
        response = (with_client or client).post(QUIZ, post_data(answers, **extra), **HTTPS)
        assert response.status_code == 303, response.content[:500]
        return Result.objects.get(token=response["Location"].rstrip("/").rsplit("/", 1)[-1])

    return run
