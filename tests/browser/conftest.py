"""Real-browser tests: headless Debian Chromium driving the live test server.

Every test here runs against pytest-django's live server with the real content loaded, in a
fresh browser context (no cookies, no localStorage). On failure the page is screenshotted at a
phone and a desktop width into test-artifacts/ (git-ignored).
"""

import os
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's build; Playwright's download is not used
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# WCAG 2.2 A and AA, plus axe's best practices; serious and critical violations fail.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
FAILING_IMPACTS = {"serious", "critical"}
AXE_LOG = pytest.StashKey[list]()
PDF_LOG = pytest.StashKey[list]()


@pytest.fixture(scope="session")
def browser_type_launch_args():
    # Playwright's own browser download cannot work here: drive Debian's Chromium.
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def base_url(live_server):
    """Relative page.goto("/roles/") calls go to the live server."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": DESKTOP, "locale": "en-US"}


@pytest.fixture(autouse=True)
def _plain_http_cookies(settings):
    """The live server speaks plain HTTP: Chromium refuses Secure and __Host- cookies there,
    which would make every POST fail its CSRF check. Production keeps both."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SESSION_COOKIE_NAME = "sessionid"
    settings.CSRF_COOKIE_NAME = "csrftoken"


@pytest.fixture(scope="session")
def _content_snapshot(django_db_setup, django_db_blocker):
    """A copy of the SQLite test database with the real content loaded, made once per session.

    The database itself is put back as it was, so tests outside this folder never see the
    content. On other databases there is no snapshot and each test loads the content.
    """
    from django.core.management import call_command
    from django.db import connection

    from tests.conftest import CONTENT_DIR

    if connection.vendor != "sqlite":
        yield None
        return
    with django_db_blocker.unblock():
        connection.ensure_connection()
        before, snapshot = sqlite3.connect(":memory:"), sqlite3.connect(":memory:")
        connection.connection.backup(before)
        call_command("load_content", path=str(CONTENT_DIR), stdout=open(os.devnull, "w"))  # noqa: SIM115
        connection.connection.backup(snapshot)
        before.backup(connection.connection)
        before.close()
    yield snapshot
    snapshot.close()


@pytest.fixture
def content(request, transactional_db, _content_snapshot):
    """The real reference content (roles, certifications, quiz items), as the site ships it.

    Copying the session's snapshot back takes milliseconds where loading takes a second or two;
    the live server shares this connection, so it sees the content at once."""
    if _content_snapshot is None:
        request.getfixturevalue("real_content")
        return
    from django.db import connection

    connection.ensure_connection()
    _content_snapshot.backup(connection.connection)


# A would-be coder: organised and curious, happy with clinical detail, not with patients.
LEVELS = {"R": 2, "I": 4, "A": 1, "S": 2, "E": 1, "C": 5}
# Work statements by prefix (PC1, PC2, CD1 ...; see fixtures/content/items.yaml), then TR1: "up to 6 months".
FACET_LEVELS = {"PC": 1, "DR": 2, "CD": 5, "PF": 3, "PL": 3, "DA": 2, "TS": 2, "RR": 2, "AU": 3, "LP": 1, "RW": 5}
_ITEMS = yaml.safe_load((Path(__file__).resolve().parents[2] / "fixtures" / "content" / "items.yaml").read_text())["items"]
CODER_ANSWERS = {
    row["code"]: LEVELS[row["dimension"]] if row.get("dimension") else FACET_LEVELS.get(row["code"].rstrip("0123456789"), 2)
    for row in _ITEMS
}
COUNSELOR_PASSWORD = "a-long-test-password-1"


@pytest.fixture
def result_token(content):
    """The private token of a stored result (the would-be coder's)."""
    from assessments.services import result_submit

    return result_submit(answers=CODER_ANSWERS).token


@pytest.fixture
def cohort(content, django_user_model):
    """A counselor's cohort with two students' results in it."""
    from assessments.models import Cohort, CounselorProfile
    from assessments.services import result_submit

    user = django_user_model.objects.create_user("counselor", password=COUNSELOR_PASSWORD)
    CounselorProfile.objects.create(user=user, school="Lincoln High")
    cohort = Cohort.objects.create(counselor=user, name="Period 3 Health Careers")
    result_submit(answers=CODER_ANSWERS, cohort=cohort, display_name="Ana")
    result_submit(answers={**CODER_ANSWERS, "S1": 5, "S2": 5, "PC1": 5, "PC2": 5}, cohort=cohort, display_name="Ben")
    return cohort


@pytest.fixture
def signed_in_counselor(page, cohort):
    """The cohort's counselor, signed in through the login form in this page's browser."""
    page.goto(f"/accounts/login/?next=/counselors/cohorts/{cohort.pk}/")
    page.get_by_label("Username").fill("counselor")
    page.get_by_label("Password").fill(COUNSELOR_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/counselors/cohorts/{cohort.pk}/")
    return cohort


@pytest.fixture
def console_errors(page):
    """Console errors and uncaught exceptions the page produces, CSP refusals included."""
    errors = []

    def on_console(msg):
        # The favicon has its own test; one missing icon should not fail every page's test.
        if msg.type == "error" and not msg.location.get("url", "").endswith("/favicon.ico"):
            errors.append(msg.text)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    return errors


# --- screenshots on failure ---------------------------------------------------------------------
@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(autouse=True)
def _screenshots_on_failure(request, page):
    """When a test fails, keep what the browser showed, at a phone and a desktop width: every
    page the test had open (a second context, a no-JavaScript one), blank pages left out.

    It depends on `page` so that it is torn down, and shoots, before the pages close."""
    yield
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.]+", "-", request.node.nodeid.split("::", 1)[-1]).strip("-")[:120]
    pages = [p for context in page.context.browser.contexts for p in context.pages if p.url != "about:blank"]
    for i, shown in enumerate(pages):
        suffix = f"-{i + 1}" if len(pages) > 1 else ""
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            try:
                shown.set_viewport_size(size)
                shown.screenshot(path=str(ARTIFACTS / f"{name}{suffix}-{label}.png"), full_page=True)
            except Exception as exc:  # noqa: BLE001 - a failed screenshot must not hide the failure
                print(f"screenshot of {shown.url} at {label} width failed: {exc}")


# --- axe-core -----------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def _axe():
    return Axe()


@pytest.fixture
def axe_check(_axe, pytestconfig):
    """Run axe-core on the page as it stands; fail on serious or critical violations.

    Every run is logged for the end-of-run summary (pages checked, violations by impact)."""
    log = pytestconfig.stash.setdefault(AXE_LOG, [])

    def check(page, label: str) -> list[dict]:
        violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
        log.append((label, violations))
        failing = [v for v in violations if v["impact"] in FAILING_IMPACTS]
        assert not failing, f"axe-core on {label} ({page.url}):\n" + describe_violations(failing)
        return violations

    return check


def describe_violations(violations) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        lines.append(f"- {v['id']} ({v['impact']}, {len(v['nodes'])} element(s)): {v['help']} -> {targets}")
        for node in v["nodes"][:2]:
            lines.append(f"    {node.get('failureSummary', '').splitlines()[-1].strip()} | {node['html'][:160]}")
    return "\n".join(lines)


def pytest_terminal_summary(terminalreporter, config):
    axe_log = config.stash.get(AXE_LOG, [])
    if axe_log:
        impacts = Counter(v["impact"] for _, violations in axe_log for v in violations)
        nodes = sum(len(v["nodes"]) for _, violations in axe_log for v in violations)
        failing = sum(impacts[i] for i in FAILING_IMPACTS)
        terminalreporter.section("accessibility (axe-core)")
        terminalreporter.write_line(
            f"axe-core: {len(axe_log)} page(s) checked, {sum(impacts.values())} violation(s) found "
            f"({failing} serious/critical, {nodes} element(s)); by impact: {dict(impacts) or 'none'}"
        )
        for label, violations in axe_log:
            if violations:
                summary = ", ".join(f"{v['id']} ({v['impact']})" for v in violations)
                terminalreporter.write_line(f"  {label}: {summary}")
    pdf_log = config.stash.get(PDF_LOG, [])
    if pdf_log:
        terminalreporter.section("printed PDFs (headless Chromium)")
        for line in pdf_log:
            terminalreporter.write_line(line)
