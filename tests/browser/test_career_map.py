"""The career map in a real browser: axe, keyboard focus on every role, legibility on a phone,
and the printed poster (one landscape page in Letter and A4, readable in black and white)."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PDF_LOG, PHONE
from tests.browser.test_print import pdf_pages, pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]

MAP = "/career-map/"
PAGES = {
    "career map": MAP,
    "career map, filtered": MAP + "?track=registries&remote=1",
    "career map, bad filter": MAP + "?track=moon",
}

# Each SVG text's size as drawn on screen: its font size times the SVG's scale.
RENDERED_TEXT_PX = """() => Array.from(document.querySelectorAll('.career-map-svg text')).map(t =>
  parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)"""
# How far each node's widest text line stays inside its box (negative: it spills out).
TEXT_ROOM = """() => Array.from(document.querySelectorAll('.map-node')).map(a => {
  const box = a.querySelector('.node-box').getBBox();
  const right = Math.max(...Array.from(a.querySelectorAll('text')).map(t => { const b = t.getBBox(); return b.x + b.width; }));
  return [a.dataset.role, box.x + box.width - right];
})"""


@pytest.mark.parametrize("label", PAGES)
def test_the_map_pages_have_no_serious_axe_violations(page, axe_check, label):
    page.goto(PAGES[label])
    axe_check(page, label)


def test_a_students_and_a_cohorts_maps_have_no_serious_axe_violations(page, axe_check, result_token, signed_in_counselor):
    page.goto(f"/quiz/results/{result_token}/map/")
    axe_check(page, "a student's map")
    page.goto(f"/counselors/cohorts/{signed_in_counselor.pk}/map/")
    axe_check(page, "a cohort's map")


def test_every_role_on_the_map_takes_keyboard_focus_with_a_visible_ring(page):
    page.goto(MAP)
    nodes = page.locator("a.map-node")
    count = nodes.count()
    assert count == 19
    page.locator(".map-skip a").focus()  # the last stop before the map
    page.keyboard.press("Tab")
    expect(page.locator(".map-scroll")).to_be_focused()  # the scrolling region, for arrow keys
    seen = []
    for _ in range(count):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => { const a = document.activeElement; const ring = getComputedStyle(a.querySelector('.node-ring'));
                 return [a.dataset.role, ring.stroke, parseFloat(ring.strokeWidth), a.getAttribute('aria-label')]; }"""
        )
        slug, stroke, width, name = state
        assert slug and stroke not in ("none", "") and width >= 2, f"no focus ring on {slug}: {state}"
        assert name and "entry pay" in name
        seen.append(slug)
    assert len(set(seen)) == count


def test_role_names_and_figures_fit_inside_their_boxes(page):
    page.goto(MAP)
    spilling = [(slug, round(room)) for slug, room in page.evaluate(TEXT_ROOM) if room < 2]
    assert not spilling


def test_on_a_phone_the_list_comes_first_and_every_map_text_is_at_least_12px(page):
    page.set_viewport_size(PHONE)
    page.goto(MAP)
    list_top = page.locator("#map-list").bounding_box()["y"]
    map_top = page.locator(".map-figure").bounding_box()["y"]
    assert list_top < map_top
    sizes = page.evaluate(RENDERED_TEXT_PX)
    assert sizes and min(sizes) >= 12, f"smallest map text {min(sizes):.1f}px"
    # The picture scrolls inside its own region; the page itself does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_filters_work_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + MAP)
    page.get_by_label("Track", exact=True).select_option(label="Registries")
    page.get_by_label("have no patient contact").check()
    page.get_by_role("button", name="Show on the map").click()
    assert page.url.endswith(MAP + "?track=registries&no_patient_contact=1")
    expect(page.get_by_role("status")).to_contain_text("of 19 roles fit your filters")
    assert page.locator("a.map-node.is-dimmed").count() == 19 - page.locator("a.map-node:not(.is-dimmed)").count() > 0
    context.close()


FORMATS = ("Letter", "A4")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_map_prints_as_one_landscape_page_in_letter_and_a4(page, pytestconfig, tmp_path, lang):
    from django.utils import translation

    from careers.models import Role

    page.goto(MAP if lang == "en" else f"/es{MAP}")
    page.emulate_media(media="print")
    log = []
    for fmt in FORMATS:
        pdf = tmp_path / f"map-{fmt}.pdf"
        page.pdf(path=str(pdf), format=fmt)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
        pages, text = pdf_pages(pdf), pdf_text(pdf)
        log.append(f"{fmt} {pages} page, {width:.0f}x{height:.0f} pt")
        assert pages == 1 and width > height, f"{fmt}: {pages} pages, {width}x{height}"
        flat = " ".join(text.split())
        with translation.override(lang):  # names and words as this language prints them
            short = [r.name for r in Role.objects.all() if len(r.name) <= 20]
            words = [translation.gettext(w) for w in ("Entry level", "Leadership", "est.")]
            screen_only = [translation.gettext(w) for w in ("Show on the map", "The map as a list")]
        assert all(name in flat for name in short), [n for n in short if n not in flat]
        assert all(w in flat for w in words), [w for w in words if w not in flat]
        assert not [w for w in screen_only if w in flat]
    pytestconfig.stash.setdefault(PDF_LOG, []).append(f"career map ({lang}): " + ", ".join(log))


def test_the_printed_map_does_not_rely_on_colour(page):
    page.goto(MAP)
    page.emulate_media(media="print")
    styles = page.evaluate(
        """() => { const s = sel => getComputedStyle(document.querySelector(sel));
             return {side: s('.map-edges .edge-sideways').strokeDasharray, up: s('.map-edges .edge-up').strokeDasharray,
                     edge: s('.map-edges .map-edge').stroke, name: s('.node-name').fill}; }"""
    )
    assert styles["up"] == "none" and styles["side"] != "none", "sideways moves are dashed, steps up solid"
    assert styles["edge"] == "rgb(0, 0, 0)" and styles["name"] == "rgb(0, 0, 0)"
