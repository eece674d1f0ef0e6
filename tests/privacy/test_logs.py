"""The logs never hold a student's answers, display name or result token.

Captures every log record (all loggers, DEBUG and up) while a student submits, views, prints,
hides a match and deletes, a counselor deletes, and someone opens a link that is not there.
"""

import json
import logging
import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.assessments.factories import post_data
from tests.privacy.conftest import HTTPS, NAME, QUIZ, sign_in

pytestmark = pytest.mark.django_db


def logged(caplog) -> str:
    """Everything the records would put in a log file: messages, arguments and tracebacks."""
    formatter = logging.Formatter()
    parts = []
    for record in caplog.records:
        parts += [record.getMessage(), repr(record.args)]
        if record.exc_info:
            parts.append(formatter.formatException(record.exc_info))
    return "\n".join(parts)


def assert_no_answers(text: str, answers: dict[str, int]) -> None:
    assert json.dumps(answers) not in text and str(answers) not in text
    assert str(post_data(answers)) not in text
    codes = "|".join(map(re.escape, answers))
    assert not re.search(rf"\b(?:{codes})\b['\"]?\s*[:=]\s*['\"]?[1-5]", text)


@pytest.fixture
def everything_logged(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def test_a_students_visit_from_submission_to_deletion_logs_no_answers_name_or_token(everything_logged, client, answers, cohort):
    response = client.post(QUIZ, post_data(answers, join_code=cohort.join_code, display_name=NAME), **HTTPS)
    url = response["Location"]
    token = url.rstrip("/").rsplit("/", 1)[-1]
    client.get(url, **HTTPS)
    client.get(url, **HTTPS)  # from the cache
    client.post(reverse("assessments:result_hide", args=[token]), {"role": "medical-coder"}, **HTTPS)
    client.get(reverse("assessments:result_print", args=[token]), **HTTPS)
    client.post(reverse("assessments:result_delete", args=[token]), **HTTPS)
    assert client.post(reverse("assessments:result_delete", args=[token]), {"confirm": "yes"}, **HTTPS).status_code == 303

    text = logged(everything_logged)
    assert NAME not in text
    assert token not in text
    assert_no_answers(text, answers)


def test_a_refused_submission_logs_no_answers_or_name(everything_logged, client, answers, cohort):
    """A class code that does not exist, and a name too long: the form comes back, nothing saved."""
    client.post(QUIZ, post_data(answers, join_code="XXXX-XXXX", display_name=NAME), **HTTPS)
    client.post(QUIZ, post_data(answers, join_code=cohort.join_code, display_name=NAME * 5), **HTTPS)

    text = logged(everything_logged)
    assert NAME not in text
    assert_no_answers(text, answers)


def test_a_counselor_deleting_a_result_logs_no_name_or_token(everything_logged, submit, cohort, counselor, answers):
    result = submit(cohort=cohort, name=NAME)
    everything_logged.clear()
    teacher = Client()
    sign_in(teacher, counselor)
    teacher.get(cohort.get_absolute_url(), **HTTPS)
    teacher.get(reverse("assessments:cohort_export", args=[cohort.pk]), **HTTPS)
    teacher.post(reverse("assessments:cohort_result_delete", args=[cohort.pk, result.token]), {"confirm": "yes"}, **HTTPS)

    text = logged(everything_logged)
    assert NAME not in text and result.token not in text
    assert_no_answers(text, answers)


def test_a_link_that_is_not_there_logs_no_name_or_answers(everything_logged, client, submit, cohort, answers):
    result = submit(cohort=cohort, name=NAME)
    client.post(reverse("assessments:result_delete", args=[result.token]), {"confirm": "yes"}, **HTTPS)
    everything_logged.clear()

    assert client.get(result.get_absolute_url(), **HTTPS).status_code == 404
    assert client.get(reverse("assessments:result_print", args=["not-a-real-token"]), **HTTPS).status_code == 404

    assert everything_logged.records  # the 404s were logged, and captured here
    text = logged(everything_logged)
    assert NAME not in text
    assert_no_answers(text, answers)


def test_a_link_that_is_not_there_logs_no_token(everything_logged, client, submit):
    result = submit()
    client.post(reverse("assessments:result_delete", args=[result.token]), {"confirm": "yes"}, **HTTPS)
    everything_logged.clear()

    for url in (result.get_absolute_url(), reverse("assessments:result_print", args=[result.token])):
        assert client.get(url, **HTTPS).status_code == 404

    assert result.token not in logged(everything_logged)


def test_the_log_check_would_see_a_leak(everything_logged, answers):
    logging.getLogger("assessments").warning("submitted %s by %s", answers, NAME)
    text = logged(everything_logged)
    assert NAME in text
    with pytest.raises(AssertionError):
        assert_no_answers(text, answers)
