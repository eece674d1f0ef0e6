"""A student's display name is optional, at most 40 characters, and shown to their class's
counselor only: never on the results page, the packet, the pages it links to, or the API."""

import csv
import io
import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Result
from assessments.services import result_submit
from tests.assessments.factories import CohortFactory, post_data
from tests.privacy.conftest import HTTPS, NAME, QUIZ, make_counselor, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def named(submit, cohort):
    return submit(cohort=cohort, name=NAME)


def internal_links(html: str) -> set[str]:
    return {h for h in re.findall(r'href="(/[^"#]*)', html) if not h.startswith("/static/")}


def test_the_link_holder_never_sees_the_name(client, named):
    token = named.token
    pages = [
        named.get_absolute_url(), f"{named.get_absolute_url()}?from=bookmark",
        reverse("assessments:result_print", args=[token]), reverse("assessments:result_print", args=[token]) + "?start=experienced",
        reverse("assessments:result_delete", args=[token]),
    ]
    for url in pages:
        response = client.get(url, **HTTPS)
        assert response.status_code == 200, url
        assert NAME not in response.content.decode(), url
        assert "Zephyrine" not in response.content.decode(), url


def test_nor_on_any_page_the_results_and_packet_link_to(client, named):
    """Role pages, roadmaps and (once merged) the career map: whatever the results lead to."""
    linked = set()
    for url in (named.get_absolute_url(), reverse("assessments:result_print", args=[named.token])):
        linked |= internal_links(client.get(url, **HTTPS).content.decode())
    assert any("/roadmap/" in url for url in linked)

    for url in sorted(linked):
        assert named.token not in url or url.removeprefix("/es").startswith("/quiz/results/"), f"{url} carries the private token"
        response = client.get(url, **HTTPS)
        assert NAME not in response.content.decode(), url


def test_nor_in_the_api(client, named, answers):
    schema = client.get("/api/v1/openapi.json", **HTTPS).json()
    gets = [path.replace("{slug}", "medical-coder") for path, ops in schema["paths"].items() if "get" in ops]
    assert gets
    for path in gets:
        assert NAME not in client.get(path, **HTTPS).content.decode(), path
    scored = client.post("/api/v1/quiz/score", json.dumps({"answers": answers, "display_name": NAME}), content_type="application/json", **HTTPS)
    assert scored.status_code == 200 and NAME not in scored.content.decode()


def test_the_classes_counselor_sees_it_on_every_counselor_page(named, cohort, counselor):
    teacher = Client()
    sign_in(teacher, counselor)
    for url in (cohort.get_absolute_url(), reverse("assessments:cohort_result", args=[cohort.pk, named.token]),
                reverse("assessments:cohort_print", args=[cohort.pk]), reverse("assessments:cohort_result_delete", args=[cohort.pk, named.token])):
        assert NAME in teacher.get(url, **HTTPS).content.decode(), url
    rows = list(csv.reader(io.StringIO(teacher.get(reverse("assessments:cohort_export", args=[cohort.pk]), **HTTPS).content.decode())))
    assert rows[1][0] == NAME


def test_another_counselor_sees_nothing_of_it(named, cohort):
    sam = make_counselor("sam")
    CohortFactory(counselor=sam)  # they have a class of their own
    other = Client()
    sign_in(other, sam)
    for url in (cohort.get_absolute_url(), reverse("assessments:cohort_result", args=[cohort.pk, named.token]),
                reverse("assessments:cohort_print", args=[cohort.pk]), reverse("assessments:cohort_export", args=[cohort.pk]),
                reverse("assessments:cohort_list")):
        response = other.get(url, **HTTPS)
        assert NAME not in response.content.decode(), url


def test_a_name_is_optional_and_kept_only_with_a_class(submit, cohort, client, answers):
    assert submit(cohort=cohort, name="").display_name == ""
    without_class = client.post(QUIZ, post_data(answers, display_name=NAME), **HTTPS)
    assert without_class.status_code == 303
    assert Result.objects.get(token=without_class["Location"].rstrip("/").rsplit("/", 1)[-1]).display_name == ""


def test_a_name_longer_than_40_characters_is_refused_with_a_clear_message(client, answers, cohort):
    response = client.post(QUIZ, post_data(answers, join_code=cohort.join_code, display_name="x" * 41), **HTTPS)

    assert response.status_code == 200
    assert "at most 40 characters" in response.content.decode()
    assert Result.objects.count() == 0


def test_the_service_never_stores_more_than_40_characters(answers, cohort):
    assert len(result_submit(answers=answers, cohort=cohort, display_name="y" * 100).display_name) == 40

