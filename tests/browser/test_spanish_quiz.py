"""The whole quiz in Spanish with the keyboard alone, the results in Spanish, and axe on both
Spanish pages (issue 16)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CODER_ANSWERS as ANSWERS
from tests.browser.test_quiz_flow import ACTIVE_JS, choose_with_arrows

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]

QUIZ_ES = "/es/quiz/"


def _es(*msgids: str) -> list[str]:
    """The site's own Spanish for these English msgids."""
    from django.utils import translation

    with translation.override("es"):
        return [translation.gettext(m) for m in msgids]


def take_the_spanish_quiz_by_keyboard(page, answers: dict[str, int], max_keys: int = 600) -> list[str]:
    """Skip link, then Tab (arrows and Space inside each group of answers) through the whole
    Spanish form, Enter on each "Siguiente" button and on "Ver mis resultados". No mouse."""
    next_words, submit = set(_es("Next section", "Next: last step")), _es("See my results")[0]
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "A", "the first Tab reaches the skip link"
    page.keyboard.press("Enter")
    pressed, answered = [], set()
    for _ in range(max_keys):
        page.keyboard.press("Tab")
        el = page.evaluate(ACTIVE_JS)
        if el["type"] == "radio":
            assert el["name"] not in answered, f"Tab came back to {el['name']}: focus order loops"
            choose_with_arrows(page, answers[el["name"]])
            answered.add(el["name"])
        elif el["tag"] == "BUTTON" and el["text"] in next_words:
            pressed.append(el["text"])
            page.keyboard.press("Enter")
        elif el["tag"] == "BUTTON" and el["text"] == submit:
            assert answered == set(answers), f"unanswered when the submit button came up: {set(answers) - answered}"
            pressed.append(el["text"])
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return pressed
        else:
            assert not (el["tag"] == "BUTTON" and el["text"].startswith("Next")), f"an English button: {el['text']!r}"
    raise AssertionError(f"never reached the submit button; answered {len(answered)} of {len(answers)}")


def test_a_student_takes_the_whole_quiz_in_spanish_by_keyboard_and_reads_the_results_in_spanish(page, axe_check, console_errors):
    from assessments.models import Result

    page.goto(QUIZ_ES)
    expect(page.locator("html")).to_have_attribute("lang", re.compile(r"^es"))
    expect(page.get_by_role("heading", level=1)).to_have_text("¿Qué puestos de HIM van contigo?")
    expect(page.locator(".quiz-option-label").first).to_have_text("Me disgusta mucho")
    expect(page.locator("[data-quiz-count]")).to_contain_text("respondidas")
    axe_check(page, "quiz (es)")

    pressed = take_the_spanish_quiz_by_keyboard(page, ANSWERS)
    assert pressed[-1] == "Ver mis resultados" and len(pressed) > 2, pressed

    expect(page).to_have_url(re.compile(r"/es/quiz/results/[\w-]{40,}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Tus resultados del cuestionario de afinidad")
    expect(page.locator(".match-card").first).to_contain_text("Por qué te puede convenir")
    expect(page.locator(".match-fit").first).to_contain_text("de afinidad")
    expect(page.get_by_role("button", name="Copiar enlace")).to_be_visible()
    # The same instrument: the answers sent from Spanish are stored under the same codes.
    assert Result.objects.get().answers == {code: ANSWERS[code] for code in sorted(ANSWERS)}
    axe_check(page, "results (es)")
    assert console_errors == [], "the Spanish quiz and results pages log errors (a CSP refusal?)"


def test_the_spanish_quiz_with_errors_is_announced_in_spanish_and_passes_axe(page, axe_check):
    page.goto(QUIZ_ES)
    for code in ["R1", "R2", "R3"]:
        page.locator(f"input[name={code}][value='4']").check()
    with page.expect_navigation():
        page.evaluate("document.querySelector('[data-quiz-form]').requestSubmit()")

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Hay un problema con tus respuestas")
    expect(summary).to_contain_text(f"A {len(ANSWERS) - 3} afirmaciones todavía les falta una respuesta.")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link").first).to_contain_text("Afirmación 4")
    expect(page.locator("input[name=R1][value='4']")).to_be_checked()
    axe_check(page, "quiz with errors (es)")
