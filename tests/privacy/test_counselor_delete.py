"""Counselors delete one student's result or a whole cohort, after a confirmation page that
offers the CSV export first; nobody else's cohort can be touched."""

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Cohort, Result
from tests.assessments.factories import CohortFactory, ResultFactory
from tests.privacy.conftest import HTTPS, NAME, make_counselor, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(counselor):
    browser = Client()
    sign_in(browser, counselor)
    return browser


def result_delete_url(cohort, result):
    return reverse("assessments:cohort_result_delete", args=[cohort.pk, result.token])


def cohort_delete_url(cohort):
    return reverse("assessments:cohort_delete", args=[cohort.pk])


def test_the_cohort_page_links_each_result_and_the_cohort_to_a_delete_page(teacher, cohort):
    result = ResultFactory(cohort=cohort, display_name=NAME)

    html = teacher.get(cohort.get_absolute_url(), **HTTPS).content.decode()

    assert f'href="{result_delete_url(cohort, result)}"' in html
    assert f"Delete<span class=\"visually-hidden\"> the results of {NAME}</span>" in html
    assert f'href="{cohort_delete_url(cohort)}"' in html


def test_deleting_a_students_result_asks_first_then_removes_it_for_the_student_too(teacher, client, cohort, submit):
    result = submit(cohort=cohort, name=NAME)
    client.get(result.get_absolute_url(), **HTTPS)  # the student's page is now cached

    confirm = teacher.get(result_delete_url(cohort, result), **HTTPS)
    assert confirm.status_code == 200 and f"Delete the results of {NAME}?" in confirm.content.decode()
    assert teacher.post(result_delete_url(cohort, result), **HTTPS).status_code == 200  # no confirm: asks again
    assert Result.objects.filter(pk=result.pk).exists()

    response = teacher.post(result_delete_url(cohort, result), {"confirm": "yes"}, follow=True, **HTTPS)

    assert response.redirect_chain[-1][0] == cohort.get_absolute_url()
    assert "The result was deleted." in response.content.decode()
    assert NAME not in response.content.decode().split("</header>", 1)[1]
    assert not Result.objects.filter(pk=result.pk).exists()
    assert client.get(result.get_absolute_url(), **HTTPS).status_code == 404


def test_deleting_a_cohort_offers_the_export_and_removes_every_result_in_it(teacher, client, cohort, submit):
    results = [submit(cohort=cohort, name=f"Student {n}") for n in range(3)]
    other = submit()  # not in the class: stays
    for result in results:
        client.get(result.get_absolute_url(), **HTTPS)

    html = teacher.get(cohort_delete_url(cohort), **HTTPS).content.decode()
    assert "all 3 student results" in html
    export = reverse("assessments:cohort_export", args=[cohort.pk])
    assert f'href="{export}"' in html
    assert teacher.get(export, **HTTPS).content.decode().count("Student ") == 3  # the copy works before deleting

    response = teacher.post(cohort_delete_url(cohort), {"confirm": "yes"}, follow=True, **HTTPS)

    assert response.redirect_chain[-1][0] == reverse("assessments:cohort_list")
    assert "and its 3 results were deleted" in response.content.decode()
    assert not Cohort.objects.filter(pk=cohort.pk).exists()
    assert list(Result.objects.all()) == [other]
    for result in results:
        assert client.get(result.get_absolute_url(), **HTTPS).status_code == 404
    assert teacher.get(cohort.get_absolute_url(), **HTTPS).status_code == 404


def test_a_cohort_is_not_deleted_without_the_confirmation(teacher, cohort):
    ResultFactory(cohort=cohort)

    response = teacher.post(cohort_delete_url(cohort), **HTTPS)

    assert response.status_code == 200 and "and its results?" in response.content.decode()
    assert Cohort.objects.filter(pk=cohort.pk).exists() and Result.objects.count() == 1


def test_another_counselors_cohort_and_results_cannot_be_deleted(teacher):
    theirs = CohortFactory(counselor=make_counselor("sam"))
    result = ResultFactory(cohort=theirs)

    for url in (cohort_delete_url(theirs), result_delete_url(theirs, result)):
        assert teacher.get(url, **HTTPS).status_code == 404
        assert teacher.post(url, {"confirm": "yes"}, **HTTPS).status_code == 404
    assert Cohort.objects.filter(pk=theirs.pk).exists() and Result.objects.filter(pk=result.pk).exists()


def test_visitors_are_sent_to_sign_in_and_delete_nothing(client, cohort):
    result = ResultFactory(cohort=cohort)

    for url in (cohort_delete_url(cohort), result_delete_url(cohort, result)):
        response = client.post(url, {"confirm": "yes"}, **HTTPS)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert Result.objects.filter(pk=result.pk).exists()


@pytest.mark.parametrize("size", [1, 12])
def test_the_confirmation_pages_have_a_fixed_number_of_queries(teacher, cohort, size, django_assert_num_queries):
    results = ResultFactory.create_batch(size, cohort=cohort)
    # session, user, counselor check, cohort, then the result (or the count)
    with django_assert_num_queries(5):
        assert teacher.get(cohort_delete_url(cohort), **HTTPS).status_code == 200
    with django_assert_num_queries(5):
        assert teacher.get(result_delete_url(cohort, results[0]), **HTTPS).status_code == 200
