"""The security and fault-tolerance suite (issue 5, "Quality gate"), and the few helpers its
modules share: a full set of quiz answers, a counselor, a stored result, an HTML scanner."""

from html.parser import HTMLParser
from pathlib import Path

HTTPS = {"secure": True}  # the test client's request as if it came through the TLS proxy
COUNSELOR_PASSWORD = "correct horse battery staple"


def real_content_once(django_db_setup, django_db_blocker):
    """The real reference content, loaded once for a whole module and rolled back after it.

    Wrap it as a module-scoped fixture (``content = pytest.fixture(scope="module",
    name="content")(real_content_once)``); each test's own ``db`` transaction nests inside, so a
    test's writes still vanish after it. Loading per test costs seconds on PostgreSQL.
    """
    import os

    from django.core.management import call_command
    from django.db import transaction

    from tests.conftest import CONTENT_DIR

    with django_db_blocker.unblock(), transaction.atomic():
        with open(os.devnull, "w") as quiet:
            call_command("load_content", path=str(CONTENT_DIR), stdout=quiet)
        yield
        transaction.set_rollback(True)


# What a leaky error page shows: tracebacks, file paths, SQL, setting names, framework internals.
LEAKS = [
    "Traceback", 'File "', str(Path(__file__).resolve().parents[2]), "site-packages", "SELECT ", "INSERT ", " FROM ",
    "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASES", "INSTALLED_APPS", "CSRF_", "settings.py",
    "WSGIRequest", "django.", "Django", "Exception", "exception", "Request Method", "Request URL", "URLconf",
]


def assert_site_page_without_leaks(response, status, *extra_secrets):
    html = response.content.decode()
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="en">' in html
    assert "/static/css/site.css" in html, "not in the site's style"
    assert "HIM Careers" in html and "<main" in html and "<h1" in html
    for leak in [*LEAKS, *extra_secrets]:
        assert leak not in html, f"the {status} page shows {leak!r}"


def quiz_answers(value: str = "3") -> dict[str, str]:
    """The quiz form's POST body answering every active statement with ``value``."""
    from assessments.models import Item

    return {item.code: value for item in Item.objects.for_form()}


def make_counselor(username: str = "counselor", password: str = COUNSELOR_PASSWORD):
    """A signed-up counselor (a user with a CounselorProfile)."""
    from django.contrib.auth import get_user_model

    from assessments.models import CounselorProfile

    user = get_user_model().objects.create_user(username, f"{username}@school.example", password)
    CounselorProfile.objects.create(user=user, school="Lincoln High")
    return user


def submit_result(*, cohort=None, display_name: str = ""):
    """A Result made by the real service from a complete set of answers (needs items and roles)."""
    from assessments.services import result_submit

    answers = {code: int(value) for code, value in quiz_answers().items()}
    answers[next(iter(answers))] = 5  # not perfectly flat
    return result_submit(answers=answers, cohort=cohort, display_name=display_name)


class PageScan(HTMLParser):
    """Collects the links, resources and inline code of an HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []  # href and src targets, and GET forms' actions
        self.actions: list[str] = []  # every form's action
        self.inline_scripts = 0
        self.inline_styles: list[str] = []  # tags with style="" or <style> blocks
        self.event_handlers: list[str] = []  # on*="" attributes
        self.javascript_urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src", "action"):
            if attrs.get(name) is not None:
                (self.actions if name == "action" else self.links).append(attrs[name])
                if attrs[name].strip().lower().startswith("javascript:"):
                    self.javascript_urls.append(attrs[name])
        if tag == "form" and (attrs.get("method") or "get").lower() == "get" and attrs.get("action"):
            self.links.append(attrs["action"])  # a GET form's address is a page like any link
        script_type = (attrs.get("type") or "text/javascript").lower()
        executable = script_type in ("module", "text/javascript", "application/javascript", "text/ecmascript")
        if tag == "script" and not attrs.get("src") and executable:  # JSON data blocks never run
            self.inline_scripts += 1
        if tag == "style":
            self.inline_styles.append("<style>")
        if "style" in attrs:
            self.inline_styles.append(f"<{tag} style=...>")
        self.event_handlers += [f"<{tag} {name}>" for name in attrs if name.startswith("on")]


def scan_html(html: str) -> PageScan:
    scan = PageScan()
    scan.feed(html)
    scan.close()
    return scan


# --- hostile input ------------------------------------------------------------------------------

COUNTS_FILE = "test-artifacts/security-counts.json"


def record_count(kind: str, test: str, n: int) -> None:
    """Keep how many generated cases a test ran (e.g. "hypothesis examples run"), per database,
    in test-artifacts/security-counts.json, and print it (seen with pytest -s or -rP)."""
    import json
    from pathlib import Path

    from django.db import connection

    path = Path(__file__).resolve().parents[2] / COUNTS_FILE
    path.parent.mkdir(exist_ok=True)
    try:
        counts = json.loads(path.read_text())
    except (OSError, ValueError):
        counts = {}
    counts.setdefault(connection.vendor, {}).setdefault(kind, {})[test] = n
    path.write_text(json.dumps(counts, indent=2, sort_keys=True))
    print(f"{kind}: {n} ({test}, {connection.vendor})")


def hostile_text():
    """Strings a form or an API may be sent: random and unicode-laden (every plane but lone
    surrogates, which HTTP cannot carry), NUL, control characters, markup and SQL, huge, numbers
    out of any range, and JSON-ish text where a plain string is expected."""
    from hypothesis import strategies as st

    unicode = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80)
    return st.one_of(
        unicode,
        st.text(alphabet=st.characters(codec="ascii"), max_size=40),
        unicode.map(lambda s: s + "\x00" + s),
        st.sampled_from([
            "", " ", "\x00", "\t\r\n", "\u202e\u200b\ufeff", "𝕳𝖎𝖒 💉🏥", "Ω≈ç√∫", "ÅÍÎÏ˝ÓÔ", "ﷺ", "\U0010ffff",
            "' OR 1=1 --", "\"; DROP TABLE careers_role; --", "<script>alert(1)</script>", "{{ settings.SECRET_KEY }}",
            "{% debug %}", "../../../../etc/passwd", "%00", "%s%s%s%n", "${jndi:ldap://x}", "javascript:alert(1)",
            "NaN", "Infinity", "-0", "1e309", "0x7fffffff", "[]", "{}", "null", "true", '{"a": [1, 2]}',
        ]),
        st.integers(min_value=-(2**80), max_value=2**80).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.integers(min_value=1000, max_value=300_000).map(lambda n: "9" * n),
        st.integers(min_value=1000, max_value=20_000).map(lambda n: "é" * n),
    )


def hostile_value():
    """A form value: one hostile string, or several of them where one is expected."""
    from hypothesis import strategies as st

    return st.one_of(hostile_text(), st.lists(hostile_text(), min_size=2, max_size=4))
