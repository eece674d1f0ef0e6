"""The limiter for wrong class (join) codes, per client address (core.client.client_address).

Only failed look-ups count. A whole class usually sits behind one school address, so a correct
code, a submission without a code, or a finished quiz never uses up the allowance: sixty students
submitting in the same minute are never blocked. Join codes carry about 37 bits, so even the
allowance below leaves guessing hopeless; the limit only stops a script from trying.
"""

from django.utils.translation import gettext_noop

from core.client import client_address
from core.ratelimit import FailureWindow

FAILURE_LIMIT = 20
WINDOW_SECONDS = 10 * 60
BLOCKED_MESSAGE = gettext_noop(
    "Too many wrong class codes from this network; wait a few minutes and try again. "
    "You can also clear the class code to see your results without joining a class."
)


class JoinCodeLimiter(FailureWindow):
    """Counts wrong join codes from one address in a fixed window that starts at the first one."""

    def __init__(self, address: str | None, *, limit: int = FAILURE_LIMIT, window: int = WINDOW_SECONDS):
        super().__init__("join-code", address, limit=limit, window=window)

    @classmethod
    def for_request(cls, request) -> "JoinCodeLimiter":
        return cls(client_address(request))
