"""Failure counters per client address, in a fixed window that starts at the first failure.

Only failures count, so people who get it right are never slowed down. The counters live in the
default cache; while Redis is unreachable that is a per-process memory cache
(core.cache_backend), so a limit still holds per app server instead of vanishing.
"""

import hashlib

from django.core.cache import cache

from core.client import client_address


class FailureWindow:
    """At most ``limit`` failures from one address per ``window`` seconds, for one purpose."""

    def __init__(self, purpose: str, address: str | None, *, limit: int, window: int):
        digest = hashlib.sha256((address or "unknown").encode()).hexdigest()[:32]
        self.key = f"ratelimit:{purpose}:{digest}"
        self.limit = limit
        self.window = window

    @classmethod
    def for_request(cls, purpose: str, request, *, limit: int, window: int) -> "FailureWindow":
        return cls(purpose, client_address(request), limit=limit, window=window)

    def is_blocked(self) -> bool:
        return (cache.get(self.key) or 0) >= self.limit

    def record_failure(self) -> None:
        # add() starts the window; incr() keeps its expiry (locmem and Redis alike).
        if cache.add(self.key, 1, timeout=self.window):
            return
        try:
            cache.incr(self.key)
        except ValueError:  # expired between add() and incr()
            cache.set(self.key, 1, timeout=self.window)
