"""Try the work in a real browser: every sample page is axe clean, and a student can do a sample
with the keyboard alone and JavaScript off, search the code set, and say how it felt."""

import re

import pytest
from playwright.sync_api import expect

from worksamples.catalogue import SAMPLES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Real codes around the coding sample's answers, read from the installed code set.
SUBSET_ROOTS = ("S52.52", "S62.10", "E11.2", "N18.3", "Z79.84", "J45.2", "N39.0", "B96.2", "H66.00", "Z23")


@pytest.fixture
def icd_subset(content):
    from worksamples.codeset import load_entries, read_entries

    load_entries(read_entries(SUBSET_ROOTS), version="browser test subset")


@pytest.fixture
def no_js_page(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url, viewport={"width": 390, "height": 844})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("slug", [None, *SAMPLES])
def test_every_sample_page_is_axe_clean(page, axe_check, content, slug):
    page.goto("/try/" if slug is None else f"/try/{slug}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    axe_check(page, "try the work" if slug is None else f"try the work: {slug}")


def test_a_student_answers_the_records_requests_with_the_keyboard_and_no_javascript(content, no_js_page):
    page = no_js_page
    page.goto("/try/")
    page.get_by_role("link", name="Answer six requests for records").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    # Leave one request unanswered first: the error names it and keeps the other answers.
    groups = page.locator("fieldset")
    count = groups.count()
    assert count >= 6
    for i in range(count - 1):
        groups.nth(i).locator("input[type=radio]").first.focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Check my answers").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Choose an answer")
    for i in range(count - 1):
        expect(groups.nth(i).locator("input[type=radio]").first).to_be_checked()

    groups.nth(count - 1).locator("input[type=radio]").first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Check my answers").focus()
    page.keyboard.press("Enter")

    expect(page.locator("strong", has_text=re.compile(r"^\d out of 6$"))).to_be_visible()

    # "Did you enjoy it?" answered with the keyboard too.
    enjoyment = page.get_by_role("group", name=re.compile("How much did you enjoy it"))
    enjoyment.locator("input[value='4']").focus()
    page.keyboard.press("Space")
    enjoyment.locator("xpath=ancestor::form").get_by_role("button").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("You said 4 out of 5.")


def test_the_coding_search_lists_real_codes_and_keeps_typed_answers(icd_subset, no_js_page):
    page = no_js_page
    page.goto("/try/coding/")
    first_answer = page.locator("form input[type=text]").first
    first_answer.fill("S52.521A")
    page.get_by_role("searchbox", name="Search the code set").fill("torus fracture radius")
    page.get_by_role("button", name="Search").click()
    hits = page.get_by_role("list", name=re.compile("Codes for"))
    expect(hits).to_contain_text("S52.52")
    expect(page.locator("form input[type=text]").first).to_have_value("S52.521A")


def test_enter_in_an_answer_box_checks_the_answers_when_javascript_runs(page, icd_subset):
    page.goto("/try/coding/")
    answer = page.locator("form input[type=text]").first
    answer.fill("S52.521A")
    answer.press("Enter")
    expect(page).to_have_url(re.compile(r"/try/done/"))  # checked: the attempt page, not a search
