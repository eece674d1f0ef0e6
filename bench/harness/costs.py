"""What a page costs besides time: its database queries and the bytes a browser downloads."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from harness.common import BENCH, HOST, PYTHON, ROOT, Req, Resp, http_fetch
from harness.discovery import discover

TRANSACTION_CONTROL = re.compile(r"\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.IGNORECASE)


def count_queries(env: dict[str, str], workdir: Path) -> dict:
    """Run bench/run.py --count-queries in the target's environment and return its JSON."""
    out = workdir / "queries.json"
    env = {k: v for k, v in env.items() if k != "REDIS_URL"}  # its own, empty page cache
    done = subprocess.run([PYTHON, str(BENCH / "run.py"), "--count-queries", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False)
    if done.returncode:
        return {"error": (done.stderr or done.stdout)[-2000:]}
    return json.loads(out.read_text())


def _test_client_fetch():
    """A Fetch through Django's test client, sending only the cookies each request names."""
    from django.test import Client

    client = Client(HTTP_HOST=HOST)

    def fetch(req: Req) -> Resp:
        client.cookies.clear()  # only the cookies the request names: no session, page cache used
        headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in req.headers.items() if k.lower() != "content-type"}
        response = client.generic(req.method, req.path, data=req.body, content_type=req.headers.get("Content-Type", "text/plain"), secure=True, **headers)
        cookies = {k: m.value for k, m in response.cookies.items()}
        return Resp(response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.content, cookies)

    return fetch


def count_queries_here(out: Path) -> None:
    """Count each page type's queries: first request (page cache emptied) and a repeat.

    "queries" leaves out transaction control (BEGIN, COMMIT, savepoints): it counts the
    statements that do work; the "..._with_transaction_control" figures include them.
    """
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "himcareers.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection

    fetch = _test_client_fetch()
    connection.ensure_connection()
    reqs, missing, _ = discover(fetch, origin=f"https://{HOST}")
    counts = {}
    for key, req in reqs.items():
        cache.clear()
        runs = [_captured(fetch, req, connection) for _ in range(2)]
        counts[key] = {
            "first": runs[0]["queries"], "repeat": runs[1]["queries"], "first_with_transaction_control": runs[0]["all"],
            "repeat_with_transaction_control": runs[1]["all"], "status": runs[1]["status"], "sql": runs[1]["sql"],
        }
    out.write_text(json.dumps({"pages": counts, "missing": missing}, indent=2))


def _captured(fetch, req: Req, connection) -> dict:
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        status = fetch(req).status
    sql = [q["sql"] for q in ctx.captured_queries]
    work = [q for q in sql if not TRANSACTION_CONTROL.match(q)]
    return {"status": status, "queries": len(work), "all": len(sql), "sql": [q[:300] for q in sql]}


def linked_assets(html: str) -> list[str]:
    urls = []
    for tag in re.findall(r"<link\b[^>]*>", html):
        if re.search(r'\brel="stylesheet"', tag) and (m := re.search(r'\bhref="([^"]+)"', tag)):
            urls.append(m.group(1))
    urls += re.findall(r'<script\b[^>]*\bsrc="([^"]+)"', html)
    return list(dict.fromkeys(urls))


def page_bytes(port: int, req: Req) -> dict:
    """Bytes on the wire for the page and every stylesheet and script it links (br/gzip accepted)."""
    accept = {"Accept-Encoding": "br, gzip"}
    resp = http_fetch(port, req, accept)
    result = {"html": len(resp.body), "html_encoding": resp.headers.get("content-encoding", "identity"), "assets": []}
    with contextlib.suppress(ImportError):
        import brotli

        result["html_if_brotli"] = len(brotli.compress(resp.body, quality=5)) if resp.body else 0
    if "html" in resp.headers.get("content-type", ""):
        for url in linked_assets(resp.body.decode()):
            asset = http_fetch(port, Req("GET", url), accept)
            result["assets"].append({"url": url, "status": asset.status, "bytes": len(asset.body), "encoding": asset.headers.get("content-encoding", "identity")})
    result["assets_total"] = sum(a["bytes"] for a in result["assets"])
    result["total"] = result["html"] + result["assets_total"]
    return result
