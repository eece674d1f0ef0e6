"""A student takes the fit quiz with the keyboard alone, reads the results, and comes back to them
by the private link."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CODER_ANSWERS as ANSWERS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]

CODING_ROLES = {"Medical coder", "Inpatient coder", "Risk-adjustment coder", "Coding auditor", "CDI specialist"}

ACTIVE_JS = """() => { const e = document.activeElement;
  return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '',
          text: (e.innerText || '').trim(), inResult: !!document.querySelector('[data-quiz-result]')}; }"""


def choose_with_arrows(page, value: int):
    """Focus is on the first radio of an unanswered group: Space picks 1, each Right arrow the next."""
    if value == 1:
        page.keyboard.press("Space")
    for _ in range(value - 1):
        page.keyboard.press("ArrowRight")


def take_the_quiz_by_keyboard(page, answers: dict[str, int], max_keys: int = 600) -> list[str]:
    """Skip link, then Tab through the form answering each group, pressing Next at each section's
    end and "See my results" at the end. No mouse. Return the buttons pressed, in order."""
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    pressed, answered = [], set()
    for _ in range(max_keys):
        page.keyboard.press("Tab")
        el = page.evaluate(ACTIVE_JS)
        if el["type"] == "radio":
            assert el["name"] not in answered, f"Tab came back to {el['name']}: focus order loops"
            choose_with_arrows(page, answers[el["name"]])
            answered.add(el["name"])
        elif el["tag"] == "BUTTON" and el["text"].startswith("Next"):
            pressed.append(el["text"])
            page.keyboard.press("Enter")
        elif el["tag"] == "BUTTON" and el["text"] == "See my results":
            assert answered == set(answers), f"unanswered when the submit button came up: {set(answers) - answered}"
            pressed.append(el["text"])
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return pressed
    raise AssertionError(f"never reached the submit button; answered {len(answered)} of {len(answers)}")


def test_a_student_takes_the_quiz_by_keyboard_and_comes_back_by_the_private_link(page, new_context, console_errors):
    page.goto("/quiz/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Which HIM roles fit you?")
    pressed = take_the_quiz_by_keyboard(page, ANSWERS)
    assert pressed[-1] == "See my results" and len(pressed) > 2, pressed  # it went section by section

    expect(page).to_have_url(re.compile(r"/quiz/results/[\w-]{40,}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Your fit quiz results")
    top = page.locator(".match-card .match-title a").all_inner_texts()
    assert len(top) >= 3
    assert CODING_ROLES & set(top[:3]), f"a would-be coder's top three: {top[:3]}"
    expect(page.locator(".match-card").first).to_contain_text("Why it may suit you")
    # The answers were sent, so the browser no longer keeps them.
    assert page.evaluate("localStorage.getItem('himcareers:quiz:v1')") is None

    link = page.get_by_role("textbox", name="Your private link").input_value()
    assert link == page.url
    later = new_context().new_page()  # another day, another browser: nothing but the link
    later.goto(link)
    expect(later.get_by_role("heading", level=1)).to_have_text("Your fit quiz results")
    assert later.locator(".match-card .match-title a").all_inner_texts() == top
    assert console_errors == [], "the quiz and results pages log errors (a CSP refusal?)"


def test_the_quiz_works_without_javascript_and_keeps_answers_on_an_error(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/quiz/")
    expect(page.locator(".quiz-section").last).to_be_visible()  # no paging without JavaScript
    for code in ["R1", "R2", "I1"]:
        page.locator(f"input[name={code}][value='{ANSWERS[code]}']").check()
    page.get_by_role("button", name="See my results").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem with your answers")
    expect(summary).to_contain_text("57 statements still need an answer")
    for code in ["R1", "R2", "I1"]:
        expect(page.locator(f"input[name={code}][value='{ANSWERS[code]}']")).to_be_checked()
    missing = page.locator("#q-R3")
    expect(missing).to_have_accessible_description(re.compile("answer", re.I))
