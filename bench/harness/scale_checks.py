"""What `make scale` shows about two app servers behind one load balancer.

Each check returns a dict of figures with "ok": a content edit seen by both servers at once,
the class-code limiter and the sign-in lockout counted across both, and throughput.
"""

from __future__ import annotations

import html
import re

from harness.common import HOST, Req, Resp, http_fetch
from harness.discovery import form_post, radio_names, sample_answers
from harness.servers import manage

WRONG_CODE = "WXYW-WXYW"  # well formed (8 letters of the join-code alphabet), no such class
BLOCKED = "Too many wrong class codes"
LOCKOUT_STATUS = 429  # django-axes' answer to a locked-out sign-in


def _title(resp: Resp) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", resp.body.decode(), re.S)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else ""


def content_edit(env: dict[str, str], servers: dict[str, int], slug: str) -> dict:
    """Rename a role from the shell (the save starts a new content generation by itself), then read its page
    from each server directly: both must show the new name on their first request after the edit."""
    path = f"/roles/{slug}/"
    before = {name: _title(http_fetch(port, Req("GET", path))) for name, port in servers.items()}
    for port in servers.values():  # both servers now hold the page in the shared cache
        http_fetch(port, Req("GET", path))
    new_name = f"{next(iter(before.values()))} (edited)"
    code = (
        "from careers.models import Role\n"
        f"role = Role.objects.get(slug={slug!r})\nrole.name = {new_name!r}\nrole.save()"
    )
    manage(env, "shell", "-c", code)
    after = {name: _title(http_fetch(port, Req("GET", path))) for name, port in servers.items()}
    return {"path": path, "before": before, "new_name": new_name, "after": after, "ok": all(t == new_name for t in after.values())}


def _count(upstreams: dict[str, int], resp: Resp, port: int) -> None:
    upstream = resp.headers.get("x-upstream", f"{HOST}:{port}")
    upstreams[upstream] = upstreams.get(upstream, 0) + 1


def _by_name(upstreams: dict[str, int], servers: dict[str, int]) -> dict[str, int]:
    """Requests per server name, from the upstream addresses nginx reported."""
    return {name: upstreams.get(f"{HOST}:{port}", 0) for name, port in servers.items()}


def _wrong_code_post(port: int) -> Req:
    """The quiz's POST with every answer and a class code that does not exist (one GET for the token)."""
    form = http_fetch(port, Req("GET", "/quiz/"))
    answers = sample_answers(radio_names(form.body.decode()))
    return form_post(form, "/quiz/", f"https://{HOST}:{port}", [*answers.items(), ("join_code", WRONG_CODE)])


def join_code_limit(balancer: int, servers: dict[str, int], limit: int = 20) -> dict:
    """`limit` wrong class codes through the balancer (round-robin spreads them over both servers),
    then one to each server directly: each must refuse, though neither saw `limit` by itself."""
    upstreams: dict[str, int] = {}
    early_blocks = 0
    post = _wrong_code_post(balancer)
    for _ in range(limit):
        resp = http_fetch(balancer, post)
        _count(upstreams, resp, balancer)
        early_blocks += BLOCKED in resp.body.decode()
    upstreams = _by_name(upstreams, servers)
    blocked = {name: BLOCKED in http_fetch(port, _wrong_code_post(port)).body.decode() for name, port in servers.items()}
    ok = early_blocks == 0 and all(blocked.values()) and all(upstreams.values())
    return {"wrong_codes_per_server": upstreams, "blocked_before_the_limit": early_blocks, "blocked_after_on": blocked, "ok": ok}


def _sign_in_post(port: int, username: str) -> Req:
    form = http_fetch(port, Req("GET", "/accounts/login/"))
    return form_post(form, "/accounts/login/", f"https://{HOST}:{port}", [("username", username), ("password", "not-the-password")])


def sign_in_lockout(balancer: int, servers: dict[str, int], failures: int = 5) -> dict:
    """Wrong passwords through the balancer (spread over both servers) until django-axes locks the
    name out, then one attempt on each server directly: both must answer with the lockout."""
    upstreams: dict[str, int] = {}
    statuses = []
    post = _sign_in_post(balancer, "scale-check")
    for _ in range(failures):
        resp = http_fetch(balancer, post)
        statuses.append(resp.status)
        _count(upstreams, resp, balancer)
    upstreams = _by_name(upstreams, servers)
    direct = {name: http_fetch(port, _sign_in_post(port, "scale-check")).status for name, port in servers.items()}
    ok = all(s == LOCKOUT_STATUS for s in direct.values()) and all(upstreams.values())
    return {"attempts_per_server": upstreams, "statuses": statuses, "direct_after": direct, "ok": ok}
