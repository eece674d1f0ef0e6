"""Words in pure-Python modules (no Django import): marking them, and wording them in English.

``gettext_noop`` marks a message for makemessages (it extracts calls by that name) and returns it
unchanged. Functions that word something take a ``Translator`` (``django.utils.translation``
is one), ``English`` by default, so the pure module stays testable and benchmarkable alone.
"""

from __future__ import annotations

from typing import Protocol


def gettext_noop(message: str) -> str:
    """Marks a message for translation and returns it unchanged; Django code shows it with
    ``gettext(message)``."""
    return message


class Translator(Protocol):
    """What a pure module needs to word itself: django.utils.translation has it."""

    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, number: int) -> str: ...


class English:
    """The default Translator: the English of the messages."""

    @staticmethod
    def gettext(message: str) -> str:
        return message

    @staticmethod
    def ngettext(singular: str, plural: str, number: int) -> str:
        return singular if number == 1 else plural
