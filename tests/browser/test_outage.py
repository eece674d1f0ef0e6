"""The quiz keeps a student's answers in the browser (static/js/quiz.js, localStorage), so a
reload, or a submit that fails because the database is unreachable, loses nothing."""

import re

import pytest
from django.db import OperationalError
from playwright.sync_api import expect

from tests.browser.conftest import CODER_ANSWERS as ANSWERS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]

FIRST_SECTION = ["R1", "R2", "R3", "R5", "R6"]


def answer(page, codes):
    for code in codes:
        page.locator(f"input[name={code}][value='{ANSWERS[code]}']").check()


def answer_everything(page):
    """Answer section by section, pressing Next as a student would, up to the last step."""
    while True:
        open_items = page.locator("[data-quiz-item]:visible")
        answer(page, [open_items.nth(i).get_attribute("data-quiz-item") for i in range(open_items.count())])
        next_button = page.get_by_role("button", name=re.compile(r"^Next"))
        if not next_button.count():
            return
        next_button.click()


def test_answers_come_back_after_a_reload(page):
    page.goto("/quiz/")
    answer(page, FIRST_SECTION)
    page.get_by_role("button", name="Next section").click()
    answer(page, ["I1", "I2"])
    expect(page.get_by_text("7 of 60 statements answered")).to_be_visible()

    page.reload()

    for code in FIRST_SECTION + ["I1", "I2"]:
        expect(page.locator(f"input[name={code}][value='{ANSWERS[code]}']")).to_be_checked()
    expect(page.locator("input[name=I3]:checked")).to_have_count(0)
    expect(page.get_by_text("7 of 60 statements answered")).to_be_visible()
    # It reopens where the student stopped: the section with the first unanswered statement.
    expect(page.locator("#q-I3")).to_be_visible()
    expect(page.locator("#q-R1")).to_be_hidden()


def test_a_submit_that_fails_during_a_database_outage_loses_no_answers(page, monkeypatch):
    def unreachable(**kwargs):
        raise OperationalError("could not connect to server")

    page.goto("/quiz/")
    answer_everything(page)
    with monkeypatch.context() as outage:
        outage.setattr("assessments.views.result_submit", unreachable)
        response = None
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="See my results").click()
        response = navigation.value
        assert response.status >= 500

    page.goto("/quiz/")  # the student comes back once the site is up again
    for code, value in ANSWERS.items():
        expect(page.locator(f"input[name={code}][value='{value}']")).to_be_checked()
    expect(page.get_by_text("60 of 60 statements answered")).to_be_visible()
    page.get_by_role("button", name="See my results").click()
    expect(page).to_have_url(re.compile(r"/quiz/results/[\w-]+/$"))
    assert page.evaluate("localStorage.getItem('himcareers:quiz:v1')") is None


def test_answers_kept_in_the_browser_expire_after_a_day(page):
    # Shared school computers: yesterday's answers must not greet the next student.
    page.goto("/quiz/")
    answer(page, FIRST_SECTION)
    page.evaluate(
        """() => { const key = 'himcareers:quiz:v1'; const data = JSON.parse(localStorage.getItem(key));
                   data.saved -= 25 * 60 * 60 * 1000; localStorage.setItem(key, JSON.stringify(data)); }"""
    )
    page.reload()
    expect(page.locator("input[name=R1]:checked")).to_have_count(0)
