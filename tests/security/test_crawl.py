"""An in-process crawl from the home page: no broken internal link, and no page with inline code
that the Content-Security-Policy would block."""

import re
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve
from django.utils import translation

from assessments.models import Cohort
from core.i18n import language_prefix
from tests.security import (
    HTTPS,
    make_counselor,
    real_content_once,
    record_count,
    scan_html,
    submit_result,
)

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)

MAX_PAGES = 4000
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
NOT_FOLLOWED = ("/accounts/logout/",)  # signing out mid-crawl would end the signed-in crawl


@pytest.fixture
def crawl(client):
    def run(*starts):
        return crawl_site(client, starts)

    return run


def crawl_site(client, starts):
    """GET every internal address reachable from ``starts``; return what was found."""
    queue = deque((url, "(start)") for url in starts)
    seen = {url for url in starts}
    broken, inline, actions = [], [], set()
    pages = 0
    while queue:
        url, found_on = queue.popleft()
        pages += 1
        assert pages <= MAX_PAGES, "the crawl does not end: an address keeps changing"
        response = client.get(url, follow=True, **HTTPS)
        if response.status_code != 200:
            broken.append(f"{url} -> {response.status_code} (linked from {found_on})")
            continue
        content_type = response.get("Content-Type", "")
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if content_type.startswith("text/html"):
            page = scan_html(body.decode())
            if page.inline_scripts or page.inline_styles or page.event_handlers or page.javascript_urls:
                inline.append(f"{url}: {page.inline_scripts} inline scripts, {page.inline_styles[:3]}, "
                              f"{page.event_handlers[:3]}, {page.javascript_urls[:3]}")
            targets = page.links
            actions |= {internal(url, a) for a in page.actions} - {None}
        elif content_type.startswith("text/css"):
            targets = [t for t in CSS_URL.findall(body.decode(errors="replace")) if not t.startswith("data:")]
        else:
            targets = []
        for target in targets:
            address = internal(url, target)
            if address is None or address in seen or address.startswith(NOT_FOLLOWED):
                continue
            seen.add(address)
            queue.append((address, url))
    return {"pages": pages, "broken": broken, "inline": inline, "actions": actions}


def internal(base: str, target: str) -> str | None:
    """The target as a path with its query, or None when it leaves the site."""
    target = target.strip()
    if not target or target.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
        return None
    absolute = urljoin(f"https://testserver{base}", target)
    parts = urlsplit(urldefrag(absolute)[0])
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def assert_sound(found):
    assert not found["broken"], "broken internal links:\n" + "\n".join(found["broken"])
    assert not found["inline"], "pages with inline code the CSP blocks:\n" + "\n".join(found["inline"])
    for action in found["actions"]:
        path = urlsplit(action).path
        try:
            # i18n_patterns resolve the prefix of the active language only
            with translation.override(language_prefix(path) or "en"):
                resolve(path)
        except Resolver404:
            pytest.fail(f"a form posts to {action}, which does not exist")


def test_a_visitor_finds_no_broken_link_from_the_home_page(crawl, content):
    found = crawl("/", "/api/v1/docs")

    assert_sound(found)
    assert found["pages"] > 50
    record_count("pages crawled", "visitor from /", found["pages"])


def test_a_student_finds_no_broken_link_from_their_results(crawl, content, client):
    counselor = make_counselor("pat")
    cohort = Cohort.objects.create(counselor=counselor, name="Period 3")
    result = submit_result(cohort=cohort, display_name="JQ")
    client.post(f"{result.get_absolute_url()}hide/", {"role": result.matches[0]["role"]}, **HTTPS)

    found = crawl(result.get_absolute_url())

    assert_sound(found)
    record_count("pages crawled", "student from results", found["pages"])


def test_a_counselor_finds_no_broken_link_in_their_pages(crawl, content, client):
    counselor = make_counselor("pat")
    cohort = Cohort.objects.create(counselor=counselor, name="Period 3")
    for name in ("JQ", "=cmd|' /C calc'!A0", "<b>Ann</b>"):
        submit_result(cohort=cohort, display_name=name)
    client.force_login(counselor)

    found = crawl("/counselors/")

    assert_sound(found)
    assert found["pages"] > 5
    record_count("pages crawled", "counselor from /counselors/", found["pages"])


def test_the_error_pages_link_only_to_pages_that_exist(crawl, content, client):
    found = crawl("/no-such-page/")

    assert found["broken"] == ["/no-such-page/ -> 404 (linked from (start))"]
    found["broken"] = []
    assert_sound(found)
