"""A visitor browses the catalogue in a real browser: directory, filters, a role, compare."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]


def test_a_visitor_goes_from_the_home_page_to_the_roles_of_one_track(page, console_errors):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Health Information Management")
    page.get_by_role("link", name="Browse roles").click()
    expect(page).to_have_url(re.compile(r"/roles/$"))
    expect(page.locator(".result-count")).to_have_text("19 roles")

    page.get_by_label("Track").select_option(label="Registries")
    page.get_by_role("button", name="Show roles").click()

    expect(page).to_have_url(re.compile(r"[?&]track=registries"))
    expect(page.locator(".result-count")).to_have_text("2 roles")
    expect(page.locator(".role-card h3")).to_have_text(["Cancer registrar", "Public health and specialty registrar"])
    expect(page.get_by_label("Track")).to_have_value("registries")
    assert console_errors == []


def test_searching_for_a_job_title_finds_the_role_that_uses_it(page):
    page.goto("/roles/")
    page.get_by_role("searchbox", name="Search roles and job titles").fill("tumor registrar")
    page.get_by_role("button", name="Show roles").click()
    expect(page.locator(".result-count")).to_contain_text("matching “tumor registrar”")
    expect(page.locator(".role-card h3").first).to_have_text("Cancer registrar")


def test_clearing_the_filters_shows_every_role_again(page):
    page.goto("/roles/?track=leadership&remote=high")
    page.get_by_role("link", name="Clear").click()
    expect(page.locator(".result-count")).to_have_text("19 roles")


def test_a_visitor_opens_a_role_and_reads_its_salary_chart_as_text(page, console_errors):
    page.goto("/roles/")
    page.get_by_role("link", name="Medical coder", exact=True).click()
    expect(page).to_have_url(re.compile(r"/roles/medical-coder/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Medical coder")
    # The SVG chart is one image whose accessible name carries every figure, and a table repeats them.
    chart = page.get_by_role("img", name=re.compile(r"^Salary bands for Medical coder: .*\$"))
    expect(chart).to_have_count(1)
    expect(page.locator("table.salary-table tbody tr")).not_to_have_count(0)
    expect(page.get_by_role("link", name="Roadmap to this role")).to_be_visible()
    assert console_errors == []


def test_a_visitor_compares_two_roles_with_the_checkbox_picker(page, console_errors):
    page.goto("/roles/compare/")
    page.get_by_label("Medical coder", exact=True).check()
    page.get_by_label("Medical biller", exact=True).check()
    page.get_by_role("button", name="Compare").click()

    table = page.get_by_role("table", name=re.compile("Side-by-side comparison of 2 roles"))
    expect(table).to_be_visible()
    expect(table.locator("thead th a")).to_have_text(["Medical coder", "Medical biller"])
    expect(table.get_by_role("rowheader", name="Salary")).to_be_visible()
    assert console_errors == []


def test_a_shared_compare_link_opens_the_same_comparison(page):
    page.goto("/roles/compare/?roles=medical-coder,medical-biller")
    expect(page.locator("table.compare-table thead th a")).to_have_text(["Medical coder", "Medical biller"])
    expect(page.get_by_label("Medical coder", exact=True)).to_be_checked()


def test_comparing_a_single_role_explains_the_limit_and_keeps_the_choice(page):
    page.goto("/roles/medical-coder/")
    page.get_by_role("link", name="Compare with…").click()
    expect(page.get_by_label("Medical coder", exact=True)).to_be_checked()
    alert = page.get_by_role("alert")
    expect(alert).to_have_text("Choose between 2 and 4 roles to compare.")
    form = page.locator("form.compare-picker")
    expect(form).to_have_attribute("aria-describedby", re.compile(r"\bcompare-error\b"))


def test_an_unknown_page_offers_a_search_that_works(page):
    response = page.goto("/roles/no-such-role/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("We couldn't find that page")
    page.get_by_label("Search roles and job titles").fill("biller")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/roles/\?q=biller"))
    expect(page.locator(".role-card h3").first).to_contain_text("biller")


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/roles/",
        "/roles/medical-coder/",
        "/roles/compare/?roles=medical-coder,medical-biller,him-director",
        "/roles/him-director/roadmap/",
        "/quiz/",
        "/quiz/results/{token}/",
    ],
)
def test_no_page_scrolls_sideways_on_a_phone(page, request, path):
    if "{token}" in path:
        path = path.format(token=request.getfixturevalue("result_token"))
    page.set_viewport_size(PHONE)
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a {PHONE['width']}px phone screen"


def test_the_browser_finds_a_favicon(page):
    # Browsers ask for an icon on every first visit; without one each visit logs a 404.
    page.goto("/")
    href = page.evaluate("document.querySelector('link[rel~=icon]')?.href || '/favicon.ico'")
    response = page.request.get(href)
    assert response.ok, f"{href} answered {response.status}"
