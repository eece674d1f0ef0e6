"""Issue 15's bar: the role page with its CSS and JS under 60,000 bytes as served.

Counted the way `make bench` counts (bench/harness/costs.py, page_bytes): the HTML as the site
sends it, plus every stylesheet (print's included) and script the page links, each as WhiteNoise
sends it to a browser that accepts "br, gzip". The static files are collected here as production
collects them (the manifest storage: hashed names, brotli and gzip copies) from the site's own
folders and Bootstrap's CSS, and served by WhiteNoise from there; the page is the real content's.
"""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

BUDGET = 60_000
ACCEPT = {"HTTP_ACCEPT_ENCODING": "br, gzip"}


@pytest.fixture(scope="module")
def served_static(tmp_path_factory):
    """Static files collected and served as in production (DEBUG off, manifest storage)."""
    root = tmp_path_factory.mktemp("static")
    production = override_settings(
        DEBUG=False,
        STATIC_ROOT=root,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        # The site's files and Bootstrap's: the apps' (admin, API docs) are no role page's.
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder", "himcareers.staticfinders.PackageFilesFinder"],
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    )
    with production:
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


def linked_assets(html: str) -> list[str]:
    """The stylesheets and scripts a page links, as the bench finds them."""
    sheets = [re.search(r'\bhref="([^"]+)"', tag).group(1) for tag in re.findall(r"<link\b[^>]*>", html) if 'rel="stylesheet"' in tag]
    return list(dict.fromkeys(sheets + re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html)))


def page_bytes(path: str) -> dict:
    client = Client(HTTP_HOST="127.0.0.1")  # the bench's host: the page's absolute links are as long
    page = client.get(path, secure=True, **ACCEPT)
    assert page.status_code == 200
    assets = {}
    for url in linked_assets(page.content.decode()):
        asset = client.get(url, secure=True, **ACCEPT)
        assert asset.status_code == 200, url
        assets[url] = (len(b"".join(asset.streaming_content)), asset.headers.get("Content-Encoding", "identity"))
    return {"html": len(page.content), "assets": assets, "total": len(page.content) + sum(n for n, _ in assets.values())}


def test_the_role_page_with_its_css_and_js_is_under_60000_bytes(real_content, served_static):
    served = page_bytes("/roles/medical-coder/")
    # The assets are the hashed, compressed files a browser gets in production.
    assert {encoding for _, encoding in served["assets"].values()} == {"br"}
    assert any(re.search(r"/bootstrap\.min\.[0-9a-f]{12}\.css$", url) for url in served["assets"])
    assert served["total"] <= BUDGET, f"role page {served['total']:,} bytes: HTML {served['html']:,} + {served['assets']}"
