"""A small cache-based limiter for wrong class (join) codes, per client address.

Only failed look-ups count. A whole class usually sits behind one school address, so a correct
code, a submission without a code, or a finished quiz never uses up the allowance: sixty students
submitting in the same minute are never blocked. Join codes carry about 37 bits, so even the
allowance below leaves guessing hopeless; the limit only stops a script from trying.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

FAILURE_LIMIT = 20
WINDOW_SECONDS = 10 * 60
BLOCKED_MESSAGE = (
    "Too many wrong class codes from this network; wait a few minutes and try again. "
    "You can also clear the class code to see your results without joining a class."
)


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or the entry our own proxies added to X-Forwarded-For.

    PROXY_COUNT (settings.AXES_IPWARE_PROXY_COUNT) says how many trusted proxies sit in front of
    the app; entries to the left of theirs are client-supplied and cannot be trusted.
    """
    proxies = getattr(settings, "AXES_IPWARE_PROXY_COUNT", 0) or 0
    if proxies > 0:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


class JoinCodeLimiter:
    """Counts wrong join codes from one address in a fixed window that starts at the first one."""

    def __init__(self, address: str, *, limit: int = FAILURE_LIMIT, window: int = WINDOW_SECONDS):
        digest = hashlib.sha256(address.encode("utf-8", "replace")).hexdigest()[:32]
        self.key = f"assessments:join-failures:{digest}"
        self.limit = limit
        self.window = window

    @classmethod
    def for_request(cls, request) -> "JoinCodeLimiter":
        return cls(client_address(request))

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
