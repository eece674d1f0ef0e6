"""Counselors close and reopen a cohort from its page; every address they hand out is the site's real one."""

import csv
import io

import pytest
from django.urls import reverse

from assessments.models import CounselorProfile
from tests.assessments.factories import CohortFactory, ResultFactory, UserFactory, match_rows
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counselor():
    user = UserFactory()
    user.save()
    CounselorProfile.objects.create(user=user, school="Lincoln High")
    return user


@pytest.fixture
def cohort(counselor):
    roles = [RoleFactory(slug=f"role-{i}", name=f"Role {i}") for i in range(3)]
    cohort = CohortFactory(counselor=counselor, name="Period 3")
    ResultFactory(cohort=cohort, display_name="A.B.", matches=match_rows(roles))
    return cohort


def sign_in(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def test_a_counselor_closes_a_cohort_and_reopens_it_from_its_page(client, cohort):
    sign_in(client, cohort.counselor)
    url = reverse("assessments:cohort_set_open", args=[cohort.pk])
    page = client.get(cohort.get_absolute_url()).content.decode()
    assert url in page and "Close to new students" in page

    response = client.post(url, {"open": "no"}, follow=True)
    cohort.refresh_from_db()
    assert not cohort.is_open
    page = response.content.decode()
    assert "closed to new students" in page and "Reopen to new students" in page

    client.post(url, {"open": "yes"})
    cohort.refresh_from_db()
    assert cohort.is_open


def test_closing_needs_a_post_and_a_clear_choice(client, cohort):
    sign_in(client, cohort.counselor)
    url = reverse("assessments:cohort_set_open", args=[cohort.pk])
    assert client.get(url).status_code == 405
    assert client.post(url, {"open": "maybe"}).status_code == 400
    cohort.refresh_from_db()
    assert cohort.is_open


def test_another_counselor_cannot_close_someone_elses_cohort(client, cohort):
    other = UserFactory()
    other.save()
    CounselorProfile.objects.create(user=other)
    sign_in(client, other)
    assert client.post(reverse("assessments:cohort_set_open", args=[cohort.pk]), {"open": "no"}).status_code == 404
    cohort.refresh_from_db()
    assert cohort.is_open


@pytest.mark.parametrize("host", ["127.0.0.1:9000", "localhost:8765"])
def test_the_instructions_and_csv_links_use_the_address_the_site_is_reached_at(client, cohort, settings, host):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    sign_in(client, cohort.counselor)
    page = client.get(cohort.get_absolute_url(), HTTP_HOST=host).content.decode()
    assert f"Students go to <strong>http://{host}/quiz/</strong>" in page
    export = client.get(reverse("assessments:cohort_export", args=[cohort.pk]), HTTP_HOST=host)
    link = list(csv.reader(io.StringIO(export.content.decode())))[1][-1]
    assert link.startswith(f"http://{host}/counselors/cohorts/{cohort.pk}/results/")


def test_site_url_when_set_wins_over_the_request_host(client, cohort, settings):
    settings.SITE_URL = "https://careers.example.org/"
    sign_in(client, cohort.counselor)
    page = client.get(cohort.get_absolute_url()).content.decode()
    assert "Students go to <strong>https://careers.example.org/quiz/</strong>" in page
    export = client.get(reverse("assessments:cohort_export", args=[cohort.pk]))
    assert "https://careers.example.org/counselors/cohorts/" in export.content.decode()


def test_printouts_and_the_private_link_show_the_address_of_each_request(client, cohort, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    token = cohort.results.get().token
    for host in ("127.0.0.1:9000", "localhost:8765"):  # the second from the page cache, if stored
        printed = client.get(reverse("assessments:result_print", args=[token]), HTTP_HOST=host).content.decode()
        assert f"Printed from http://{host}/quiz/results/" in printed
        page = client.get(reverse("assessments:result", args=[token]), HTTP_HOST=host).content.decode()
        assert f'value="http://{host}/quiz/results/{token}/"' in page


def test_the_crispy_forms_carry_one_csrf_token_each(client, counselor):
    assert client.get(reverse("login")).content.decode().count('name="csrfmiddlewaretoken"') == 1
    sign_in(client, counselor)
    assert client.get(reverse("assessments:cohort_create")).content.decode().count('name="csrfmiddlewaretoken"') == 1
