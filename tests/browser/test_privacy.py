"""The privacy page and deleting results, in a real browser: accessible, and working without
JavaScript."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]


def test_the_privacy_page_and_the_delete_pages_have_no_serious_axe_violations(page, axe_check, result_token):
    for label, path in (("privacy", "/privacy/"), ("delete your results?", f"/quiz/results/{result_token}/delete/"),
                        ("results deleted", "/quiz/deleted/")):
        page.goto(path)
        axe_check(page, label)


def test_the_counselors_delete_pages_have_no_serious_axe_violations(page, axe_check, signed_in_counselor):
    token = signed_in_counselor.results.first().token
    for label, path in (("delete a cohort", f"/counselors/cohorts/{signed_in_counselor.pk}/delete/"),
                        ("delete a student's result", f"/counselors/cohorts/{signed_in_counselor.pk}/results/{token}/delete/")):
        page.goto(path)
        axe_check(page, label)


def test_a_student_deletes_their_results_without_javascript(browser, base_url, result_token):
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/quiz/results/{result_token}/")
    expect(page.get_by_text(re.compile(r"We keep these results until \w+ \d+, \d{4}"))).to_be_visible()

    page.get_by_role("button", name="Delete my results").click()
    expect(page.get_by_role("heading", name="Delete your results?")).to_be_visible()
    page.get_by_role("button", name="Yes, delete my results").click()

    expect(page.get_by_role("heading", name="Your results were deleted")).to_be_visible()
    assert page.goto(f"/quiz/results/{result_token}/").status == 404
    context.close()
