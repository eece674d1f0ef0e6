"""No page makes the browser contact another host: every script, stylesheet, font, image and
frame comes from this site, forms post only here, and the Content-Security-Policy says so too."""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Cohort
from tests.privacy.conftest import HTTPS, sign_in
from tests.security import make_counselor, real_content_once, submit_result

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)

HOST = "testserver"
MAX_PAGES = 3000
# (tag, attribute) pairs a browser fetches (or sends a form to) without the visitor clicking
FETCHED = {
    ("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
    ("iframe", "src"), ("frame", "src"), ("embed", "src"), ("object", "data"), ("video", "src"), ("video", "poster"),
    ("audio", "src"), ("track", "src"), ("input", "src"), ("form", "action"), ("use", "href"), ("image", "href"),
}
NOT_FETCHED_LINKS = {"canonical", "alternate"}  # <link> relations that only name an address
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class Resources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.fetched: list[str] = []
        self.links: list[str] = []
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "link" and NOT_FETCHED_LINKS & set((attrs.get("rel") or "").split()):
            return
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            self.stylesheets.append(attrs["href"])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.fetched.append((attrs.get("content") or "").partition("url=")[2])
        for name, value in attrs.items():
            if (tag, name) in FETCHED and value:
                self.fetched += [part.strip().split(" ")[0] for part in value.split(",")] if name == "srcset" else [value]


def foreign(base: str, target: str) -> bool:
    """Whether fetching ``target`` from the page at ``base`` would contact another host."""
    target = target.strip()
    if not target or target.startswith(("data:", "#", "blob:")):
        return False
    parts = urlsplit(urljoin(f"https://{HOST}{base}", target))
    return parts.netloc != HOST


def internal(base: str, target: str) -> str | None:
    parts = urlsplit(urldefrag(urljoin(f"https://{HOST}{base}", target.strip()))[0])
    if parts.scheme not in ("http", "https") or parts.netloc != HOST or parts.path.startswith("/accounts/logout"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def third_party_requests(client, starts) -> tuple[list[str], int]:
    """Crawl every internal page reachable from ``starts``; list what would contact another host."""
    queue, seen, found, pages = deque(starts), set(starts), [], 0
    checked_css = set()
    while queue:
        url = queue.popleft()
        pages += 1
        assert pages <= MAX_PAGES
        response = client.get(url, **HTTPS)
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        page = Resources()
        page.feed(response.content.decode())
        found += [f"{url}: {target}" for target in page.fetched if foreign(url, target)]
        for sheet in set(page.stylesheets) - checked_css:
            checked_css.add(sheet)
            css = b"".join(client.get(sheet, **HTTPS).streaming_content).decode(errors="replace")
            found += [f"{sheet}: {target}" for target in CSS_URL.findall(css) if foreign(sheet, target)]
        for link in page.links:
            address = internal(url, link)
            if address and address not in seen:
                seen.add(address)
                queue.append(address)
    return found, pages


def test_no_public_page_loads_anything_from_another_host(client, content):
    counselor = make_counselor("pat")
    result = submit_result(cohort=Cohort.objects.create(counselor=counselor, name="Period 3"), display_name="JQ")
    starts = ["/", result.get_absolute_url(), reverse("assessments:result_delete", args=[result.token]),
              "/no-such-page/", reverse("login"), "/api/v1/docs"]

    found, pages = third_party_requests(client, starts)

    assert found == []
    assert pages > 50  # the crawl really went through the site


def test_no_counselor_page_loads_anything_from_another_host(content):
    counselor = make_counselor("pat")
    cohort = Cohort.objects.create(counselor=counselor, name="Period 3")
    submit_result(cohort=cohort, display_name="JQ")
    teacher = Client()
    sign_in(teacher, counselor)

    found, pages = third_party_requests(teacher, [reverse("assessments:cohort_list"), "/admin/"])

    assert found == []
    assert pages > 5


def test_the_content_security_policy_allows_this_site_only(client):
    policy = client.get(reverse("assessments:privacy"), **HTTPS)["Content-Security-Policy"]
    sources = {s for directive in policy.split(";") for s in directive.split()[1:]}
    assert sources <= {"'self'", "'none'", "data:"}, policy


def test_the_checker_spots_a_third_party_resource():
    page = Resources()
    page.feed('<link rel="stylesheet" href="https://cdn.example.com/b.css"><script src="//evil.example/x.js"></script>'
              '<img srcset="/a.png 1x, https://img.example/b.png 2x"><a href="https://www.bls.gov/">BLS</a>'
              '<link rel="canonical" href="https://careers.example.org/">')
    assert [t for t in page.fetched if foreign("/", t)] == ["https://cdn.example.com/b.css", "//evil.example/x.js", "https://img.example/b.png"]
