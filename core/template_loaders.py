"""The site's templates without their indentation.

Templates are indented for the people who edit them; the indentation reached every page as
bytes (about 1,200 on a role page) that a browser collapses into the line break before it
anyway. This loader drops the spaces and tabs that start each line of a template's source once,
when the template is loaded (the cached loader keeps the result), so rendering costs nothing.

Whitespace that shows is left alone: the text of <pre> and <textarea> elements, and a
{% blocktranslate %} without ``trimmed``, whose text is the msgid the catalogue is keyed by.
"""

from __future__ import annotations

import re

from django.template.loaders import filesystem

INDENT = re.compile(r"^[ \t]+", re.MULTILINE)
# Where leading whitespace is part of what a user sees or of a translation's msgid.
KEPT = re.compile(
    r"<(pre|textarea)\b.*?</\1\s*>"
    r"|\{%\s*blocktrans(?:late)?\b(?!(?:(?!%\}).)*\btrimmed\b).*?%\}.*?\{%\s*endblocktrans(?:late)?\s*%\}",
    re.DOTALL | re.IGNORECASE,
)


def dedent(source: str) -> str:
    """``source`` with the indentation of each line removed, outside the KEPT parts."""
    parts, start = [], 0
    for kept in KEPT.finditer(source):
        parts += [INDENT.sub("", source[start : kept.start()]), kept.group()]
        start = kept.end()
    parts.append(INDENT.sub("", source[start:]))
    return "".join(parts)


class DedentingLoader(filesystem.Loader):
    """The filesystem loader (the TEMPLATES DIRS), handing on each template dedented."""

    def get_contents(self, origin):
        return dedent(super().get_contents(origin))
