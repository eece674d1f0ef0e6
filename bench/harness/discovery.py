"""Finding a request for every page type by walking the site as a visitor would."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from harness.common import Fetch, Req, Resp
from harness.newpages import discover_new_pages

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def links_in(html: str, prefix: str, exclude: Collection[str] = ()) -> list[str]:
    """The slugs of the links to ``prefix<slug>/`` in the page, in order, without repeats."""
    slugs = re.findall(rf'href="{re.escape(prefix)}([a-z0-9][a-z0-9-]*)/"', html)
    return [s for s in dict.fromkeys(slugs) if s not in exclude]


def radio_names(html: str) -> list[str]:
    names = []
    for tag in re.findall(r"<input\b[^>]*>", html):
        if re.search(r'\btype="radio"', tag) and (m := re.search(r'\bname="([^"]+)"', tag)):
            names.append(m.group(1))
    return list(dict.fromkeys(names))


#: How much the sample person leans toward each interest (a Conventional-Investigative coder-to-be),
#: added to a varied base so the profile is not flat and reasons of every kind are built.
LEANING = {"C": 2, "I": 1, "S": 1, "E": 0, "R": -1, "A": -2}


def sample_answers(codes: list[str]) -> dict[str, int]:
    """A varied, non-flat set of answers (1-5) for every statement."""
    return {code: min(5, max(1, 1 + (i * 3 + len(code)) % 5 + LEANING.get(code[:1], 0))) for i, code in enumerate(codes)}


def form_post(form: Resp, path: str, origin: str, fields: list[tuple[str, object]]) -> Req:
    """A POST of ``fields`` to ``path`` with the CSRF token and cookie the GET of ``form`` gave."""
    token = CSRF_INPUT.search(form.body.decode())
    cookie = next(((k, v) for k, v in form.cookies.items() if k.endswith("csrftoken")), None)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": origin}
    if cookie:
        headers["Cookie"] = f"{cookie[0]}={cookie[1]}"
    token_field = [("csrfmiddlewaretoken", token.group(1))] if token else []
    return Req("POST", path, headers, urlencode([*token_field, *fields]).encode())


@dataclass
class Walk:
    """What the walk found: a request per page type, why others are missing, notes (slugs)."""

    fetch: Fetch
    origin: str
    reqs: dict[str, Req] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)

    def get(self, key: str, path: str) -> Resp | None:
        resp = self.fetch(Req("GET", path))
        if resp.status == 200:
            self.reqs[key] = Req("GET", path)
            return resp
        self.missing[key] = f"GET {path} answered {resp.status}"
        return None


def discover(fetch: Fetch, origin: str) -> tuple[dict[str, Req], dict[str, str], dict[str, str]]:
    """Find a request for every page type by walking the site as a visitor would.

    Returns (requests by page key, why a page type is not available, notes such as the slugs
    used). The quiz is submitted once: its redirect gives the results page of the other types.
    """
    walk = Walk(fetch, origin)
    walk.get("home", "/")
    _discover_roles(walk)
    _discover_certification(walk)
    _discover_quiz(walk)
    _discover_score_api(walk)
    discover_new_pages(walk)
    return walk.reqs, walk.missing, walk.notes


def _discover_roles(walk: Walk) -> None:
    directory = walk.get("directory", "/roles/")
    roles = links_in(directory.body.decode(), "/roles/", {"compare"}) if directory else []
    if roles:
        walk.notes["role"] = roles[0]
        walk.get("role", f"/roles/{roles[0]}/")
        if len(roles) >= 3:
            walk.get("compare", "/roles/compare/?roles=" + ",".join(roles[:3]))
    if "role" not in walk.reqs:
        walk.missing.setdefault("role", "no role linked from /roles/")
    if "compare" not in walk.reqs:
        walk.missing.setdefault("compare", "fewer than 3 roles linked from /roles/")


def _discover_certification(walk: Walk) -> None:
    certifications = walk.fetch(Req("GET", "/certifications/"))
    certs = links_in(certifications.body.decode(), "/certifications/") if certifications.status == 200 else []
    if certs:
        walk.notes["certification"] = certs[0]
        walk.get("certification", f"/certifications/{certs[0]}/")
    else:
        walk.missing["certification"] = f"no certification links on /certifications/ ({certifications.status})"


def _discover_quiz(walk: Walk) -> None:
    quiz = walk.get("quiz_form", "/quiz/")
    codes = radio_names(quiz.body.decode()) if quiz else []
    items = walk.fetch(Req("GET", "/api/v1/quiz/items"))
    if items.status == 200:
        with contextlib.suppress(ValueError, KeyError, TypeError):  # an API still being built: use the form's fields
            codes = [item["code"] for item in json.loads(items.body)["items"]] or codes
    walk.answers = sample_answers(codes)
    if quiz and codes:
        _discover_submission(walk, quiz)
    else:
        walk.missing["quiz_submit"] = walk.missing.get("quiz_form", "the quiz form has no statements")
    for key in ("results", "packet"):
        if key not in walk.reqs:
            walk.missing.setdefault(key, "no saved result (the quiz submission is not available)")


def _discover_submission(walk: Walk, quiz: Resp) -> None:
    submit = form_post(quiz, "/quiz/", walk.origin, list(walk.answers.items()))
    resp = walk.fetch(submit)
    location = urlsplit(resp.headers.get("location", "")).path
    if resp.status != 303 or not location:
        walk.missing["quiz_submit"] = f"POST /quiz/ answered {resp.status}, not a 303 redirect"
        return
    walk.reqs["quiz_submit"] = submit
    walk.get("results", location)
    walk.get("packet", location.rstrip("/") + "/print/")


def _discover_score_api(walk: Walk) -> None:
    if not walk.answers:
        walk.missing["score_api"] = "no quiz statements to answer"
        return
    body = json.dumps({"answers": walk.answers}).encode()
    score = Req("POST", "/api/v1/quiz/score", {"Content-Type": "application/json"}, body)
    resp = walk.fetch(score)
    if resp.status == 200:
        walk.reqs["score_api"] = score
    else:
        walk.missing["score_api"] = f"POST /api/v1/quiz/score answered {resp.status}"


def write_reference_request(fetch: Fetch, origin: str, submission: Req) -> Req:
    """The write reference's POST: the quiz submission's fields, its own CSRF token and cookie.

    The form is fetched by GET first, as a visitor fetches the quiz; the POST must answer 303.
    """
    form = fetch(Req("GET", "/"))
    fields = [(k, v) for k, v in parse_qsl(submission.body.decode(), keep_blank_values=True) if k != "csrfmiddlewaretoken"]
    req = form_post(form, "/", origin, fields)
    resp = fetch(req)
    if resp.status != 303:
        raise RuntimeError(f"the write reference answered {resp.status} to its POST, not 303:\n{resp.body[:500]!r}")
    return req

