"""Counselors (issue 12) at a phone's and a desktop's width: the class page gives the address the
site really runs at, closes and reopens the class, and the crispy-rendered forms stay accessible."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]
SIZES = pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])


@SIZES
def test_the_class_page_sends_students_to_this_sites_own_address(page, live_server, signed_in_counselor, size):
    page.set_viewport_size(size)
    page.reload()
    expect(page.get_by_text("Students go to")).to_contain_text(f"{live_server.url}/quiz/")
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"]


@SIZES
def test_a_counselor_closes_and_reopens_the_class_from_its_page(page, signed_in_counselor, axe_check, size):
    page.set_viewport_size(size)
    page.reload()
    page.get_by_role("button", name="Close to new students").click()
    expect(page.get_by_role("status")).to_contain_text("is closed")
    expect(page.get_by_text(re.compile("closed to new students"))).to_be_visible()
    axe_check(page, f"cohort closed at {size['width']} px")
    page.get_by_role("button", name="Reopen to new students").click()
    expect(page.get_by_role("status")).to_contain_text("is open")


@SIZES
def test_the_sign_in_form_announces_a_wrong_password_at_any_width(page, cohort, axe_check, size):
    page.set_viewport_size(size)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("counselor")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Password")).to_have_accessible_description(re.compile(r"\S"))
    axe_check(page, f"login error at {size['width']} px")
