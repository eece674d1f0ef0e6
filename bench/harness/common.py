"""What every part of the harness shares: paths, the one HTTP call, progress lines."""

from __future__ import annotations

import http.client
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable
HOST = "127.0.0.1"
HTTPS = {"X-Forwarded-Proto": "https"}  # the TLS proxy's header: production settings stay on

CLOCK = time.monotonic()


def say(message: str) -> None:
    print(f"[{time.monotonic() - CLOCK:6.1f} s] {message}", flush=True)


@dataclass
class Req:
    method: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class Resp:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str]


Fetch = Callable[[Req], Resp]


def http_fetch(port: int, req: Req, extra: dict[str, str] | None = None, timeout: float = 30) -> Resp:
    """One request over plain HTTP; cookies are read from Set-Cookie whatever their Secure flag."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(req.method, req.path, body=req.body or None, headers={**HTTPS, **req.headers, **(extra or {})})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    cookies = {}
    for line in response.msg.get_all("Set-Cookie") or []:
        name, _, value = line.split(";", 1)[0].partition("=")
        cookies[name.strip()] = value.strip()
    return Resp(response.status, {k.lower(): v for k, v in response.getheaders()}, body, cookies)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]
