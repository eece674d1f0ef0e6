"""Supply chain and hygiene, read from the code itself: ruff's security rules, no escaping turned
off, no raw SQL, no CSRF hole, no inline code in templates."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.test import Client

from tests.security import HTTPS

ROOT = Path(__file__).resolve().parents[2]
APP_DIRS = ["careers", "assessments", "himcareers"]


def app_files(*suffixes):
    for folder in [*APP_DIRS, "templates"]:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in suffixes and "migrations" not in path.parts and "__pycache__" not in path.parts:
                yield path


def hits(pattern: str, *suffixes) -> list[str]:
    found = []
    for path in app_files(*suffixes):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(pattern, line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    return found


def test_ruff_runs_its_security_rules_on_the_app():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]
    assert "S" in config["select"]
    assert not [rule for rule in config.get("ignore", []) if rule.startswith("S")]
    for pattern, ignored in config.get("per-file-ignores", {}).items():
        if any(rule.startswith("S") for rule in ignored):
            assert pattern.startswith(("tests/", "bench/")), f"security rules are off for {pattern}"

    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "S", "--no-cache", *APP_DIRS],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_template_turns_escaping_off():
    assert hits(r"\|\s*safe(seq)?\b|{%\s*autoescape\s+off", ".html", ".txt", ".py") == []


def test_no_code_marks_strings_safe():
    assert hits(r"\bmark_safe\b|\bSafeString\b|\bSafeData\b|\bmark_for_escaping\b", ".py") == []


def test_no_code_writes_raw_sql_but_the_reviewed_results_page_read():
    """One reviewed exception: Result.objects.page_state, read on every view of a results page,
    is one SQL query (the ORM took longer to build and compile it than the query takes to run).
    Its one value, the token, goes as a parameter; its table names come from the models."""
    found = hits(r"\.raw\(|\.extra\(|\bRawSQL\b|\.cursor\(\)|\bexecute\(", ".py")
    the_read = ("with connection.cursor() as cursor:", "cursor.execute(sql, [token])")
    reviewed = [h for h in found if h.startswith("assessments/models.py:") and h.endswith(the_read)]
    assert found == reviewed and len(reviewed) <= 2, "raw SQL outside the reviewed read:\n" + "\n".join(set(found) - set(reviewed))


@pytest.mark.django_db
def test_the_reviewed_raw_read_takes_the_token_as_a_value_only():
    from assessments.models import Result
    from tests.assessments.factories import ResultFactory

    result = ResultFactory()
    assert Result.objects.page_state(result.token).pk == result.pk
    for hostile in ["' OR '1'='1", f"{result.token}' --", "%", "_" * 43, f"{result.token[:-1]}%"]:
        assert Result.objects.page_state(hostile) is None, hostile


def test_no_view_is_exempt_from_csrf_except_the_reviewed_results_forms():
    """One reviewed exception: the results page sends Referrer-Policy: no-referrer, so its forms
    arrive with "Origin: null"; assessments.views swaps Django's Origin and Referer checks for the
    token check alone (csrf_exempt around a CsrfViewMiddleware subclass). Anything else is a hole."""
    found = hits(r"csrf_exempt", ".py", ".html")
    reviewed = [h for h in found if h.startswith("assessments/views.py:") and (
        "import csrf_exempt" in h or "csrf_exempt(decorator_from_middleware(_TokenCsrfMiddleware)" in h)]
    assert found == reviewed, "csrf_exempt outside the reviewed results forms:\n" + "\n".join(set(found) - set(reviewed))

    from django.middleware.csrf import CsrfViewMiddleware

    from assessments import views

    if reviewed:
        assert issubclass(views._TokenCsrfMiddleware, CsrfViewMiddleware)


@pytest.mark.django_db
def test_the_results_forms_still_refuse_a_post_without_the_csrf_token():
    from tests.assessments.factories import ResultFactory, match_rows
    from tests.factories import RoleFactory

    result = ResultFactory(matches=match_rows([RoleFactory(slug="medical-coder"), RoleFactory(slug="medical-biller")]))
    strict = Client(enforce_csrf_checks=True)

    response = strict.post(f"{result.get_absolute_url()}hide/", {"role": "medical-coder"}, headers={"Origin": "null"}, **HTTPS)

    assert response.status_code == 403
    result.refresh_from_db()
    assert result.hidden == []


@pytest.mark.django_db
def test_the_results_forms_work_from_a_no_referrer_page_with_the_token():
    from tests.assessments.factories import ResultFactory, match_rows
    from tests.factories import RoleFactory

    result = ResultFactory(matches=match_rows([RoleFactory(slug="medical-coder"), RoleFactory(slug="medical-biller")]))
    strict = Client(enforce_csrf_checks=True)
    strict.get(result.get_absolute_url(), **HTTPS)
    token = strict.cookies["__Host-csrftoken"].value

    response = strict.post(f"{result.get_absolute_url()}hide/", {"role": "medical-coder", "csrfmiddlewaretoken": token},
                           headers={"Origin": "null"}, **HTTPS)

    assert response.status_code == 303
    result.refresh_from_db()
    assert result.hidden == ["medical-coder"]


def test_no_template_has_inline_script_style_or_event_handlers():
    inline_script = r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>"
    assert hits(inline_script, ".html") == []
    assert hits(r"\sstyle\s*=\s*[\"']|<style[\s>]", ".html") == []
    assert hits(r"\son[a-z]+\s*=\s*[\"']", ".html") == []
    assert hits(r"href\s*=\s*[\"']\s*javascript:", ".html") == []


def test_the_scripts_never_evaluate_strings_or_write_raw_html():
    found = []
    for path in sorted((ROOT / "static" / "js").rglob("*.js")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\beval\(|new Function\(|document\.write|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML", line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_every_dependency_is_pinned():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + [r for extra in project.get("optional-dependencies", {}).values() for r in extra]
    assert [r for r in requirements if "==" not in r] == []
