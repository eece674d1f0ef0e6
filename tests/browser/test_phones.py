"""Phones first (issue 12): at 390 px nothing scrolls sideways, chart text stays readable, the
first role and the first match come early; at 1280 px the desktop layouts hold."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]

# Rendered height of every visible SVG text (display:none charts have no screen matrix).
SVG_TEXT_PX = """() => Array.from(document.querySelectorAll('svg text')).filter(t => t.getClientRects().length)
  .filter(t => !t.closest('.career-map-svg')).map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
# Elements wider than the screen that would make a part of the page scroll sideways.
SIDEWAYS = """() => Array.from(document.querySelectorAll('main *')).filter(e => e.scrollWidth > e.clientWidth + 1
  && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map(e => e.className || e.tagName)"""
COMPARE = "/roles/compare/?roles=medical-coder,cancer-registrar,him-director"
CHART_PAGES = [
    "/roles/medical-coder/",
    COMPARE,
    "/roles/him-director/roadmap/",
    "/quiz/results/{token}/",
    "/counselors/cohorts/{pk}/",
]


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_chart_text_is_at_least_12px(page, request, path, size):
    if "{token}" in path:
        path = path.format(token=request.getfixturevalue("result_token"))
    if "{pk}" in path:
        path = path.format(pk=request.getfixturevalue("signed_in_counselor").pk)
    page.set_viewport_size(size)
    page.goto(path)
    sizes = page.evaluate(SVG_TEXT_PX)
    assert not sizes or min(sizes) >= 12, f"{path}: smallest chart text {min(sizes):.1f}px at {size['width']}px"


def test_on_a_phone_compare_stacks_each_aspect_with_the_roles_named_and_nothing_scrolls(page, axe_check):
    page.set_viewport_size(PHONE)
    page.goto(COMPARE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(SIDEWAYS) == []
    track_row = page.locator("tr", has=page.locator("th", has_text="Track"))
    cells = track_row.locator("td")
    expect(cells).to_have_count(3)
    boxes = [cells.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]  # stacked, one under another
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"] for b in boxes)
    names = [cells.nth(i).evaluate("e => getComputedStyle(e, '::before').content") for i in range(3)]
    assert names == ['"Medical coder"', '"Cancer registrar"', '"HIM director"']
    # Pay is text (the small bars under it are decoration, hidden from screen readers).
    pay = page.locator("tr", has=page.locator("th", has_text="Salary")).locator("td").first
    expect(pay).to_contain_text(re.compile(r"Entry[^$]*\$[\d,]+"))
    expect(pay.locator("svg")).not_to_have_count(0)
    assert all(svg.get_attribute("aria-hidden") == "true" for svg in pay.locator("svg").all())
    axe_check(page, "compare at 390 px")


def test_on_a_desktop_compare_is_a_side_by_side_table(page):
    page.set_viewport_size(DESKTOP)
    page.goto(COMPARE)
    cells = page.locator("tr", has=page.locator("th", has_text="Track")).locator("td")
    tops = {round(cells.nth(i).bounding_box()["y"]) for i in range(3)}
    assert len(tops) == 1


def test_on_a_phone_the_first_role_shows_on_the_first_screen_and_the_filters_unfold(page, axe_check):
    page.set_viewport_size(PHONE)
    page.goto("/roles/")
    first = page.locator(".role-card h3").first
    assert first.bounding_box()["y"] + 20 < PHONE["height"]
    expect(page.get_by_label("Track")).to_be_hidden()
    page.get_by_text("Filter roles").click()
    expect(page.get_by_label("Track")).to_be_visible()
    axe_check(page, "roles at 390 px, filters open")


def test_on_a_desktop_the_filters_stand_open_beside_the_list(page):
    page.set_viewport_size(DESKTOP)
    page.goto("/roles/")
    expect(page.get_by_label("Track")).to_be_visible()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_results_open_with_the_top_three_and_the_first_match_within_two_screens(page, result_token, axe_check, size):
    page.set_viewport_size(size)
    page.goto(f"/quiz/results/{result_token}/")
    summary = page.locator(".top-summary-name")
    expect(summary).to_have_count(3)
    assert summary.first.bounding_box()["y"] < size["height"]
    first_card = page.locator(".match-card").first
    assert first_card.bounding_box()["y"] < 2 * size["height"], "the first match card starts below two screens"
    steps = first_card.locator(".next-steps")
    expect(steps.get_by_text("Fastest usual route")).to_be_visible()
    expect(steps.locator("a[href*='careeronestop.org/Toolkit/Jobs']").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    axe_check(page, f"results at {size['width']} px")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_home_page_shows_the_field_at_a_glance_from_this_site_alone(page, live_server, axe_check, size):
    requested = []
    page.on("request", lambda req: requested.append(req.url))
    page.set_viewport_size(size)
    page.goto("/")
    cards = page.locator(".track-card")
    expect(cards).to_have_count(7)
    expect(cards.first.locator("svg.track-icon")).to_be_visible()
    expect(cards.first.locator(".track-role-facts").first).to_contain_text(re.compile(r"\$[\d,]+ a year to start · "))
    expect(page.get_by_role("link", name="Take the fit quiz")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]
    # No CDN, no web fonts: everything comes from the site itself.
    assert all(url.startswith(live_server.url) or url.startswith("data:") for url in requested), requested
    axe_check(page, f"home at {size['width']} px")
