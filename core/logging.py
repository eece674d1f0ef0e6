"""Secrets in addresses (result tokens, invitation links) kept out of log lines.

Django logs "Not Found: /quiz/results/<token>/" for a deleted result, and an access log prints
every address. SECRET_PATH_PATTERNS are regular expressions whose first group is kept and whose
rest is replaced by "[redacted]".
"""

import logging
import re
from functools import cache

from django.conf import settings

REDACTED = "[redacted]"


@cache
def _patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in settings.SECRET_PATH_PATTERNS)


def redact(text: str) -> str:
    for pattern in _patterns():
        text = pattern.sub(lambda m: m.group(1) + REDACTED, text)
    return text


class RedactTokens(logging.Filter):
    """A logging filter that rewrites each record's message without secrets."""

    def filter(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is left to the handler to report  # noqa: BLE001
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, ()
        return True


try:
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # gunicorn is only there in production
    _GunicornLogger = None

if _GunicornLogger is not None:

    class GunicornLogger(_GunicornLogger):
        """gunicorn's logger with secrets redacted from the access log (--logger-class)."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for name in ("r", "U", "q", "f"):
                if isinstance(atoms.get(name), str):
                    atoms[name] = redact(atoms[name])
            return atoms
