"""Static files: only the Bootstrap files the pages link are collected (collectstatic stays fast)."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.test import override_settings

from himcareers.staticfinders import PackageFilesFinder

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_every_bootstrap_file_a_template_links_is_found():
    linked = {m for t in TEMPLATES.rglob("*.html") for m in re.findall(r"""\{% static ['"](bootstrap/[^'"]+)['"] %\}""", t.read_text())}
    assert linked, "no template links Bootstrap any more: this test (and the finder) can go"
    for name in linked:
        found = finders.find(name)
        assert found and Path(found).is_file(), f"{name} is linked by a template but not collected"


def test_the_rest_of_the_bootstrap_package_is_left_out():
    assert finders.find("bootstrap/css/bootstrap.min.css")
    assert finders.find("bootstrap/css/bootstrap.css") is None
    assert finders.find("bootstrap/js/bootstrap.bundle.min.js") is None
    collected = {path for finder in finders.get_finders() for path, storage in finder.list([]) if getattr(storage, "prefix", "") == "bootstrap"}
    assert collected == {"css/bootstrap.min.css", "css/bootstrap.min.css.map"}


def test_a_listed_file_that_is_missing_fails_the_system_check(tmp_path):
    with override_settings(STATICFILES_PACKAGE_FILES={"bootstrap": (tmp_path, ["css/gone.css"])}):
        errors = PackageFilesFinder().check()
    assert [e.id for e in errors] == ["himcareers.E001"]
    assert "bootstrap/css/gone.css" in errors[0].msg
