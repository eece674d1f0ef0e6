"""What a Spanish reader sees on a page, and the English that should not be there.

Text inside an element marked lang="en" (a job title to search for, a source's title, an
official English code description) is English on purpose and is skipped, as a screen reader
would switch voices for it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: ("it" is left out: Spanish prose writes the abbreviation IT.)
#: Words that are English and never Spanish: one in a Spanish sentence means English UI text.
ENGLISH_WORDS = frozenset(
    "the and you your with for of to is are this that what how from was were will not "
    "about more than which their they our we its be been have does".split()
)
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "aria-description")
SKIPPED = {"script", "style", "template", "svg-skip"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.texts: list[str] = []

    def _skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skipped = self._skipping() or tag in SKIPPED or (attrs.get("lang") or "es").split("-")[0] != "es"
        if tag == "html":
            skipped = False
        if not skipped:
            self.texts.extend(attrs[a] for a in ATTRIBUTES if attrs.get(a))
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.texts.append(attrs["value"])
        if tag not in VOID:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.texts.append(" ".join(data.split()))


def visible_texts(html: str) -> list[str]:
    parser = _Visible()
    parser.feed(html)
    return parser.texts


URL = re.compile(r"\bhttps?://\S+")
#: An English term in parentheses after its Spanish (docs/glossary-es.md allows it, for searching).
GLOSS = re.compile(r"\([^()]*\)")
#: An official code descriptor, which stays English: ICD-10-CM or HCPCS code, then its words.
CODE_DESCRIPTOR = re.compile(r"\b[A-Z]\d[0-9A-Z]{1,3}(?:\.[0-9A-Z]{1,4})?\s[^();]*")
#: An O*NET or SOC code and its occupation title, which stays English.
OCCUPATION = re.compile(r"\b\d{2}-\d{4}(?:\.\d{2})?\s+[A-Z][\w-]*(?:,?\s+(?:and|of|or|the|for|[A-Z][\w&-]*))*")


def english_in(html: str, names: tuple[str, ...] = ()) -> list[str]:
    """The texts of the page (outside lang="en") that contain an English-only word.

    ``names``: proper names that stay English in Spanish prose (a credential's or a source's
    title), taken out of each text before it is read, longest first.
    """
    found = []
    for text in visible_texts(html):
        rest = URL.sub(" ", text)
        for name in names:
            rest = rest.replace(name, " ")
        rest = OCCUPATION.sub(" ", CODE_DESCRIPTOR.sub(" ", GLOSS.sub(" ", rest)))
        # Abbreviations in capitals (IS, IT) are not words.
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", rest) if not (w.isupper() and len(w) > 1)}
        if words & ENGLISH_WORDS:
            found.append(text)
    return found
