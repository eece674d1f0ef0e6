"""The MDN HTTP Observatory grade, recomputed from our own responses.

The scoring follows the Observatory's published table (mdn/mdn-http-observatory,
src/grader/charts.js and src/analyzer/tests/*.js): start at 100, add each test's modifier; the
bonuses count only when the score without them is at least 90; 100 or more is an A+. What a
local test cannot know is left at its neutral value: the HSTS preload list (no bonus) and the
certificate (taken as valid: the TLS proxy holds it).
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import Morsel

import pytest
from django.test import Client, override_settings

from tests.security import HTTPS, make_counselor, real_content_once, submit_result

pytestmark = pytest.mark.django_db
content = pytest.fixture(scope="module", name="content")(real_content_once)

OBSERVATORY_ORIGIN = "https://http-observatory.security.mozilla.org"
SIX_MONTHS = 15_552_000  # the Observatory's "white lie" for 15768000
MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
GRADES = {100: "A+", 95: "A", 90: "A", 85: "A-", 80: "B+", 75: "B", 70: "B", 65: "B-", 60: "C+", 55: "C",
          50: "C", 45: "C-", 40: "D+", 35: "D", 30: "D", 25: "D-", 20: "F", 15: "F", 10: "F", 5: "F", 0: "F"}

SCORE_TABLE = {
    # Content Security Policy
    "csp-implemented-with-no-unsafe-default-src-none": 10,
    "csp-implemented-with-no-unsafe": 5,
    "csp-implemented-with-unsafe-inline-in-style-src-only": 0,
    "csp-implemented-with-insecure-scheme-in-passive-content-only": -10,
    "csp-implemented-with-unsafe-eval": -10,
    "csp-implemented-with-unsafe-inline": -20,
    "csp-implemented-with-insecure-scheme": -20,
    "csp-header-invalid": -25,
    "csp-not-implemented": -25,
    # Cookies
    "cookies-secure-with-httponly-sessions-and-samesite": 5,
    "cookies-secure-with-httponly-sessions": 0,
    "cookies-not-found": 0,
    "cookies-without-secure-flag-but-protected-by-hsts": -5,
    "cookies-session-without-secure-flag-but-protected-by-hsts": -10,
    "cookies-without-secure-flag": -20,
    "cookies-samesite-flag-invalid": -20,
    "cookies-anticsrf-without-samesite-flag": -20,
    "cookies-session-without-httponly-flag": -30,
    "cookies-session-without-secure-flag": -40,
    # Cross-origin resource sharing
    "cross-origin-resource-sharing-not-implemented": 0,
    "cross-origin-resource-sharing-implemented-with-public-access": 0,
    "cross-origin-resource-sharing-implemented-with-restricted-access": 0,
    "cross-origin-resource-sharing-implemented-with-universal-access": -50,
    # Redirection
    "redirection-to-https": 0,
    "redirection-off-host-from-http": -5,
    "redirection-not-to-https-on-initial-redirection": -10,
    "redirection-not-to-https": -20,
    "redirection-missing": -20,
    # Referrer-Policy
    "referrer-policy-private": 5,
    "referrer-policy-not-implemented": 0,
    "referrer-policy-unsafe": -5,
    "referrer-policy-header-invalid": -5,
    # Strict-Transport-Security
    "hsts-preloaded": 5,
    "hsts-implemented-max-age-at-least-six-months": 0,
    "hsts-implemented-max-age-less-than-six-months": -10,
    "hsts-not-implemented": -20,
    "hsts-header-invalid": -20,
    # Subresource integrity
    "sri-implemented-and-all-scripts-loaded-securely": 5,
    "sri-implemented-and-external-scripts-loaded-securely": 5,
    "sri-not-implemented-response-not-html": 0,
    "sri-not-implemented-but-no-scripts-loaded": 0,
    "sri-not-implemented-but-all-scripts-loaded-from-secure-origin": 0,
    "sri-not-implemented-but-external-scripts-loaded-securely": -5,
    "sri-implemented-but-external-scripts-not-loaded-securely": -20,
    "sri-not-implemented-and-external-scripts-not-loaded-securely": -50,
    # X-Content-Type-Options
    "x-content-type-options-nosniff": 0,
    "x-content-type-options-not-implemented": -5,
    "x-content-type-options-header-invalid": -5,
    # X-Frame-Options
    "x-frame-options-implemented-via-csp": 5,
    "x-frame-options-sameorigin-or-deny": 0,
    "x-frame-options-allow-from-origin": 0,
    "x-frame-options-not-implemented": -20,
    "x-frame-options-header-invalid": -20,
    # Cross-Origin-Resource-Policy
    "cross-origin-resource-policy-implemented-with-same-origin": 10,
    "cross-origin-resource-policy-implemented-with-same-site": 10,
    "cross-origin-resource-policy-implemented-with-cross-origin": 0,
    "cross-origin-resource-policy-not-implemented": 0,
    "cross-origin-resource-policy-header-invalid": -5,
}

DANGEROUSLY_BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCES_HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
PRIVATE_REFERRERS = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"]
UNSAFE_REFERRERS = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"]
COOKIE_BADNESS = [  # best to worst: a cookie only ever makes the result worse
    "cookies-without-secure-flag-but-protected-by-hsts",
    "cookies-without-secure-flag",
    "cookies-session-without-secure-flag-but-protected-by-hsts",
    "cookies-samesite-flag-invalid",
    "cookies-anticsrf-without-samesite-flag",
    "cookies-session-without-httponly-flag",
    "cookies-session-without-secure-flag",
]


# --- what the Observatory looks at ---------------------------------------------------------------


class _Meta(HTMLParser):
    def __init__(self):
        super().__init__()
        self.http_equiv: dict[str, list[str]] = {}
        self.scripts: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("http-equiv"):
            self.http_equiv.setdefault(attrs["http-equiv"].lower(), []).append(attrs.get("content") or "")
        if tag == "script":
            self.scripts.append(attrs)


@dataclass
class Scan:
    """The responses of one site scan: the HTTPS page, the plain-HTTP first hop, the cookie jar."""

    https: object
    http_first_hop: object
    cookies: dict[str, Morsel]
    host: str = "testserver"
    meta: _Meta = field(init=False)

    def __post_init__(self):
        self.meta = _Meta()
        if self.https["Content-Type"].startswith("text/html"):
            self.meta.feed(self.https.content.decode())

    def header(self, name: str) -> str | None:
        return self.https.get(name)


def parse_csp(policies: list[str]) -> dict[str, set[str]]:
    csp: dict[str, set[str]] = {}
    for policy in policies:
        for part in policy.split(";"):
            words = part.strip().split()
            if not words:
                continue
            directive = words[0].lower()
            if directive in csp:
                raise ValueError(f"duplicate directive {directive}")
            csp[directive] = {w.lower() if w.startswith("'") else w for w in words[1:]} or {"'none'"}
    return csp


def csp_test(scan: Scan) -> tuple[str, dict]:
    http = [p.strip() for v in [scan.header("Content-Security-Policy") or ""] for p in v.split(",") if p.strip()]
    meta = [p.strip() for v in scan.meta.http_equiv.get("content-security-policy", []) for p in v.split(",") if p.strip()]
    if not http and not meta:
        return "csp-not-implemented", {}
    try:
        csp = parse_csp(http + meta)
        header_only = parse_csp(http)
    except ValueError:
        return "csp-header-invalid", {}
    base_uri = csp.get("base-uri", {"*"})
    frame_ancestors = header_only.get("frame-ancestors", {"*"})
    form_action = csp.get("form-action", {"*"})
    object_src = set(csp.get("object-src") or csp.get("default-src") or {"*"})
    script_src = set(csp.get("script-src") or csp.get("default-src") or {"*"})
    style_src = set(csp.get("style-src") or csp.get("default-src") or {"*"})
    for sources in (script_src, style_src):
        if any(s.startswith(NONCES_HASHES) for s in sources):
            sources.discard("'unsafe-inline'")
    result = None
    if any(s.startswith(NONCES_HASHES) for s in script_src) and "'strict-dynamic'" in script_src:
        script_src = {s for s in script_src if not (s in ("'self'", "'unsafe-inline'") or s.startswith(tuple(DANGEROUSLY_BROAD)))}
    elif "'strict-dynamic'" in script_src:
        result = "csp-header-invalid"
    passive_directives = ("img-src", "media-src")
    active = [s for d, sources in csp.items() if d not in passive_directives and d != "script-src" for s in sources]
    active += list(script_src)
    passive = [s for d in passive_directives for s in (csp.get(d) or csp.get("default-src") or set())]

    if script_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE) or object_src & DANGEROUSLY_BROAD:
        result = result or "csp-implemented-with-unsafe-inline"
    if any(s.startswith(("http:", "ftp:")) for s in active):
        result = result or "csp-implemented-with-insecure-scheme"
    if "'unsafe-eval'" in script_src | style_src:
        result = result or "csp-implemented-with-unsafe-eval"
    if any(s.startswith(("http:", "ftp:")) for s in passive):
        result = result or "csp-implemented-with-insecure-scheme-in-passive-content-only"
    if style_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE):
        result = result or "csp-implemented-with-unsafe-inline-in-style-src-only"
    if csp.get("default-src") == {"'none'"}:
        result = result or "csp-implemented-with-no-unsafe-default-src-none"
    result = result or "csp-implemented-with-no-unsafe"
    policy = {
        "antiClickjacking": not frame_ancestors & DANGEROUSLY_BROAD,
        "insecureBaseUri": bool(base_uri & (DANGEROUSLY_BROAD | UNSAFE_INLINE)),
        "insecureFormAction": bool(form_action & DANGEROUSLY_BROAD),
        "unsafeObjects": bool(object_src & DANGEROUSLY_BROAD),
        "directives": csp,
    }
    return result, policy


def hsts_test(scan: Scan) -> tuple[str, int | None]:
    header = scan.header("Strict-Transport-Security")
    if not header:
        return "hsts-not-implemented", None
    if "," in header:
        return "hsts-header-invalid", None
    max_age = None
    for parameter in (p.strip().lower() for p in header[:1024].split(";")):
        if parameter.startswith("max-age="):
            try:
                max_age = int(parameter[8:128])
            except ValueError:
                return "hsts-header-invalid", None
    if max_age is None:
        return "hsts-header-invalid", None
    return ("hsts-implemented-max-age-at-least-six-months" if max_age >= SIX_MONTHS
            else "hsts-implemented-max-age-less-than-six-months"), max_age


def cookies_test(scan: Scan) -> str:
    if not scan.cookies:
        return "cookies-not-found"
    hsts_pass = hsts_test(scan)[0] == "hsts-implemented-max-age-at-least-six-months"
    worst = -1

    def worse(expectation):
        nonlocal worst
        worst = max(worst, COOKIE_BADNESS.index(expectation))

    missing_same_site = False
    for name, morsel in scan.cookies.items():
        lowered = name.lower()
        session = "login" in lowered or "sess" in lowered
        anticsrf = "csrf" in lowered
        same_site = (morsel["samesite"] or "").lower()
        if same_site and same_site not in ("lax", "strict", "none"):
            worse("cookies-samesite-flag-invalid")
        if not morsel["secure"] and same_site == "none":
            worse("cookies-samesite-flag-invalid")
        if not morsel["secure"]:
            worse("cookies-without-secure-flag-but-protected-by-hsts" if hsts_pass else "cookies-without-secure-flag")
        if anticsrf and not same_site:
            worse("cookies-anticsrf-without-samesite-flag")
        if session and not morsel["secure"]:
            worse("cookies-session-without-secure-flag-but-protected-by-hsts" if hsts_pass else "cookies-session-without-secure-flag")
        if session and not morsel["httponly"]:
            worse("cookies-session-without-httponly-flag")
        missing_same_site = missing_same_site or not same_site
    if worst >= 0:
        return COOKIE_BADNESS[worst]
    return "cookies-secure-with-httponly-sessions" if missing_same_site else "cookies-secure-with-httponly-sessions-and-samesite"


def cors_test(scan: Scan, policy_files) -> str:
    allow_origin = scan.header("Access-Control-Allow-Origin")
    credentials = (scan.header("Access-Control-Allow-Credentials") or "").lower() == "true"
    if allow_origin and allow_origin.strip() == "*":
        result = "cross-origin-resource-sharing-implemented-with-public-access"
    elif allow_origin and allow_origin.strip() == OBSERVATORY_ORIGIN and credentials:
        return "cross-origin-resource-sharing-implemented-with-universal-access"
    elif allow_origin:
        result = "cross-origin-resource-sharing-implemented-with-restricted-access"
    else:
        result = "cross-origin-resource-sharing-not-implemented"
    for response in policy_files:  # crossdomain.xml and clientaccesspolicy.xml
        if response.status_code == 200 and (b'domain="*"' in response.content or b'uri="*"' in response.content):
            return "cross-origin-resource-sharing-implemented-with-universal-access"
    return result


def redirection_test(scan: Scan) -> str:
    first = scan.http_first_hop
    if first.status_code not in (301, 302, 303, 307, 308):
        return "redirection-missing"
    location = first["Location"]
    if not location.startswith("https://"):
        return "redirection-not-to-https-on-initial-redirection"
    if not location.startswith(f"https://{scan.host}/"):
        return "redirection-off-host-from-http"
    return "redirection-to-https"


def referrer_policy_test(scan: Scan) -> str:
    values = [v for v in [scan.header("Referrer-Policy")] if v] + scan.meta.http_equiv.get("referrer-policy", [])
    if not values:
        return "referrer-policy-not-implemented"
    valid = [v.strip().lower() for v in ", ".join(values).split(",") if v.strip().lower() in PRIVATE_REFERRERS + UNSAFE_REFERRERS]
    policy = valid[-1] if valid else ""
    if policy in PRIVATE_REFERRERS:
        return "referrer-policy-private"
    if policy in UNSAFE_REFERRERS:
        return "referrer-policy-unsafe"
    return "referrer-policy-header-invalid"


def sri_test(scan: Scan) -> str:
    if not scan.https["Content-Type"].startswith(("text/html", "application/xhtml+xml")):
        return "sri-not-implemented-response-not-html"
    scripts = scan.meta.scripts
    if not scripts:
        return "sri-not-implemented-but-no-scripts-loaded"
    badness = ["sri-implemented-and-all-scripts-loaded-securely", "sri-implemented-and-external-scripts-loaded-securely",
               "sri-implemented-but-external-scripts-not-loaded-securely", "sri-not-implemented-but-external-scripts-loaded-securely",
               "sri-not-implemented-and-external-scripts-not-loaded-securely", "sri-not-implemented-response-not-html"]
    result = None
    foreign = False
    for script in scripts:
        src = script.get("src")
        if not src:
            continue
        integrity = script.get("integrity")
        relative_protocol = src.startswith("//")
        full_url = src.startswith(("http://", "https://"))
        relative_origin = not relative_protocol and not full_url
        same_domain = relative_protocol or relative_origin or src.split("/")[2] == scan.host
        secure_origin = relative_origin or (same_domain and not relative_protocol)
        secure_scheme = src.startswith("https://") or relative_origin
        if not secure_origin:
            foreign = True
            if integrity and not secure_scheme:
                candidate = "sri-implemented-but-external-scripts-not-loaded-securely"
            elif not integrity and secure_scheme:
                candidate = "sri-not-implemented-but-external-scripts-loaded-securely"
            elif not integrity:
                candidate = "sri-not-implemented-and-external-scripts-not-loaded-securely"
            else:
                continue
            if result is None or badness.index(candidate) > badness.index(result):
                result = candidate
        elif integrity and secure_scheme and result is None:
            result = "sri-implemented-and-all-scripts-loaded-securely"
    if result is None:
        result = ("sri-implemented-and-external-scripts-loaded-securely" if foreign
                  else "sri-not-implemented-but-all-scripts-loaded-from-secure-origin")
    return result


def x_content_type_options_test(scan: Scan) -> str:
    header = scan.header("X-Content-Type-Options")
    if not header:
        return "x-content-type-options-not-implemented"
    return "x-content-type-options-nosniff" if header.strip().lower() == "nosniff" else "x-content-type-options-header-invalid"


def x_frame_options_test(scan: Scan, csp_policy: dict) -> str:
    header = (scan.header("X-Frame-Options") or "").strip().lower()
    if header in ("deny", "sameorigin"):
        result = "x-frame-options-sameorigin-or-deny"
    elif header.startswith("allow-from"):
        result = "x-frame-options-allow-from-origin"
    elif header:
        result = "x-frame-options-header-invalid"
    else:
        result = "x-frame-options-not-implemented"
    if "frame-ancestors" in csp_policy.get("directives", {}):
        result = "x-frame-options-implemented-via-csp"
    return result


def corp_test(scan: Scan) -> str:
    header = scan.header("Cross-Origin-Resource-Policy")
    equiv = scan.meta.http_equiv.get("cross-origin-resource-policy")
    value = header if header else (equiv[-1] if equiv else None)
    if not value:
        return "cross-origin-resource-policy-not-implemented"
    return {
        "same-site": "cross-origin-resource-policy-implemented-with-same-site",
        "same-origin": "cross-origin-resource-policy-implemented-with-same-origin",
        "cross-origin": "cross-origin-resource-policy-implemented-with-cross-origin",
    }.get(value[:256].strip().lower(), "cross-origin-resource-policy-header-invalid")


@dataclass
class Grade:
    score: int
    grade: str
    results: dict[str, str]
    csp_policy: dict
    hsts_max_age: int | None

    def table(self) -> str:
        rows = [f"  {name:<32} {result:<64} {SCORE_TABLE[result]:+d}" for name, result in self.results.items()]
        return f"score {self.score} ({self.grade})\n" + "\n".join(rows)


def grade(scan: Scan, policy_files=()) -> Grade:
    csp_result, csp_policy = csp_test(scan)
    hsts_result, max_age = hsts_test(scan)
    results = {
        "content-security-policy": csp_result,
        "cookies": cookies_test(scan),
        "cross-origin-resource-sharing": cors_test(scan, policy_files),
        "redirection": redirection_test(scan),
        "referrer-policy": referrer_policy_test(scan),
        "strict-transport-security": hsts_result,
        "subresource-integrity": sri_test(scan),
        "x-content-type-options": x_content_type_options_test(scan),
        "x-frame-options": x_frame_options_test(scan, csp_policy),
        "cross-origin-resource-policy": corp_test(scan),
    }
    with_extra_credit = 100 + sum(SCORE_TABLE[r] for r in results.values())
    uncurved = 100 + sum(SCORE_TABLE[r] for r in results.values() if SCORE_TABLE[r] < 0)
    score = max(0, with_extra_credit if uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT else uncurved)
    return Grade(score, GRADES[min(score - score % 5, 100)], results, csp_policy, max_age)


def observe(client, path: str, *, jar_from=()) -> Grade:
    """Scan ``path`` as the Observatory does: plain HTTP first, then HTTPS with its Origin header.

    ``jar_from``: earlier responses whose cookies are in the jar (a sign-in, say).
    """
    # Production redirects plain HTTP (the test settings do not). Middleware reads its settings
    # when first loaded, so a fresh client, holding the same cookies, makes the scan.
    with override_settings(SECURE_SSL_REDIRECT=True):
        client, cookie_jar = Client(), client.cookies
        client.cookies = cookie_jar
        first_hop = client.get(path)
        page = client.get(path, headers={"Origin": OBSERVATORY_ORIGIN}, **HTTPS)
        policy_files = [client.get(f"/{name}", **HTTPS) for name in ("crossdomain.xml", "clientaccesspolicy.xml")]
    assert 200 <= page.status_code < 300, f"{path}: the Observatory scans only a 2xx page, got {page.status_code}"
    cookies = {}
    for response in (*jar_from, first_hop, page):
        cookies.update(response.cookies)
    return grade(Scan(https=page, http_first_hop=first_hop, cookies=cookies), policy_files)


# --- the tests ------------------------------------------------------------------------------------


def test_the_home_page_scores_an_a_plus(client, content):
    result = observe(client, "/")

    assert result.grade == "A+", result.table()


@pytest.mark.parametrize("path", ["/roles/", "/roles/medical-coder/", "/certifications/", "/quiz/", "/accounts/login/", "/api/v1/roles"])
def test_every_kind_of_page_scores_an_a_plus(client, content, path):
    result = observe(client, path)

    assert result.grade == "A+", result.table()


def test_a_results_page_scores_an_a_plus(client, content):
    result = observe(client, submit_result().get_absolute_url())

    assert result.grade == "A+", result.table()


def test_a_signed_in_counselors_page_with_both_cookies_scores_an_a_plus(client, content):
    make_counselor("pat")
    login_page = client.get("/accounts/login/", **HTTPS)
    signed_in = client.post("/accounts/login/", {"username": "pat", "password": "correct horse battery staple"}, **HTTPS)

    result = observe(client, "/counselors/", jar_from=[login_page, signed_in])

    assert result.results["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite", result.table()
    assert result.grade == "A+", result.table()


def test_the_grade_meets_each_point_the_issue_names(client, content):
    """CSP with object-src 'none', frame-ancestors 'none', form-action 'self' and base-uri; HSTS of
    a year or more; __Host- cookies with Secure, HttpOnly and SameSite; CORP same-origin."""
    login_page = client.get("/accounts/login/", **HTTPS)
    result = observe(client, "/accounts/login/", jar_from=[login_page])
    csp = result.csp_policy["directives"]

    assert csp["object-src"] == {"'none'"}
    assert csp["frame-ancestors"] == {"'none'"}
    assert csp["form-action"] == {"'self'"}
    assert "base-uri" in csp and not result.csp_policy["insecureBaseUri"]
    assert result.csp_policy["antiClickjacking"] and not result.csp_policy["insecureFormAction"]
    assert result.results["content-security-policy"] in ("csp-implemented-with-no-unsafe", "csp-implemented-with-no-unsafe-default-src-none")
    assert result.hsts_max_age >= 365 * 24 * 3600
    assert all(name.startswith("__Host-") for name in login_page.cookies)
    assert result.results["cookies"] == "cookies-secure-with-httponly-sessions-and-samesite"
    assert result.results["cross-origin-resource-policy"] == "cross-origin-resource-policy-implemented-with-same-origin", result.table()
    assert result.score >= 100, result.table()


# --- the scorer itself, on headers the Observatory documents ------------------------------------


class _FakeResponse(dict):
    def __init__(self, headers, status_code=200, content=b""):
        super().__init__({"Content-Type": "text/html; charset=utf-8", **headers})
        self.status_code = status_code
        self.content = content


def _fake_scan(headers, cookies=None, html=b"<html></html>", redirect="https://testserver/"):
    first = _FakeResponse({"Location": redirect} if redirect else {}, status_code=301 if redirect else 200)
    return Scan(https=_FakeResponse(headers, content=html), http_first_hop=first, cookies=cookies or {})


def test_the_scorer_fails_a_site_without_headers():
    result = grade(_fake_scan({}, redirect=None))

    # -25 CSP, -20 redirection, -20 HSTS, -5 nosniff, -20 frames
    assert result.score == 10 and result.grade == "F", result.table()


def test_the_scorer_gives_extra_credit_only_above_ninety():
    strong = {
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
        "Strict-Transport-Security": "max-age=63072000",
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    assert grade(_fake_scan(strong)).score == 100 + 10 + 5 + 5 + 10
    # Without HSTS (-20) the bonuses no longer count: 80, a B+.
    weak = {k: v for k, v in strong.items() if k != "Strict-Transport-Security"}
    assert grade(_fake_scan(weak)).score == 80


def test_the_scorer_catches_unsafe_inline_script_and_a_session_cookie_without_http_only():
    morsel = Morsel()
    morsel.set("sessionid", "x", "x")
    morsel["secure"] = True
    morsel["samesite"] = "Lax"
    headers = {"Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'",
               "Strict-Transport-Security": "max-age=63072000", "X-Content-Type-Options": "nosniff"}

    result = grade(_fake_scan(headers, cookies={"sessionid": morsel}))

    assert result.results["content-security-policy"] == "csp-implemented-with-unsafe-inline"
    assert result.results["cookies"] == "cookies-session-without-httponly-flag"
