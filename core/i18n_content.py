"""Content in two languages: the Spanish of a field X is stored beside it as X_es.

A model that mixes in ``Localized`` names its translated columns (``translated_fields``) and the
JSON columns whose dicts carry ``X_es`` keys inside (``translated_json``). When a row is read
from the database while Spanish is the active language, ``from_db`` swaps each X for its
non-empty X_es, so every page, selector and template shows Spanish with no change of its own.
English rows are untouched.

A localized instance holds Spanish in its English attributes, so it refuses ``save()``
(``LocalizedSaveError``): Spanish can never be written into an English column. Code that reads
rows in order to write them (the content loader, the admin) wraps its work in ``raw_content()``,
which turns the swap off whatever the language.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Case, F, Q, When

from core.i18n import language_code

SUFFIX = "_es"
SPANISH = "es"

_raw: ContextVar[bool] = ContextVar("raw_content", default=False)


class LocalizedSaveError(RuntimeError):
    """A row read in Spanish was asked to save itself."""


def spanish_active() -> bool:
    """True when the active language is Spanish (es, es-mx, es-419...) and content is not raw."""
    if _raw.get():
        return False
    return language_code() == SPANISH


@contextmanager
def raw_content():
    """Inside this block rows are read as stored (English in X, Spanish in X_es)."""
    token = _raw.set(True)
    try:
        yield
    finally:
        _raw.reset(token)


def _filled(value) -> bool:
    return value not in (None, "", [], {})


def swap_json(value):
    """A copy of value where every dict's key X takes the value of its X_es sibling when that is
    present and non-empty, at any depth (lists included). The X_es keys are kept."""
    if isinstance(value, list):
        return [swap_json(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        spanish = value.get(f"{key}{SUFFIX}") if isinstance(key, str) and not key.endswith(SUFFIX) else None
        out[key] = swap_json(spanish if _filled(spanish) else item)
    return out


def localize(instance) -> None:
    """Put the Spanish of each translated field into the field itself (in place) and mark the
    instance so it cannot be saved. Deferred fields (not loaded) are left alone."""
    loaded = instance.__dict__
    for name in type(instance).translated_fields:
        spanish = loaded.get(f"{name}{SUFFIX}")
        if name in loaded and _filled(spanish):
            english = loaded[name]
            if isinstance(english, list) and (not isinstance(spanish, list) or len(spanish) != len(english)):
                continue  # a list whose Spanish does not line up stays English (check_content names it)
            loaded[name] = spanish
    for name in type(instance).translated_json:
        if name in loaded:
            loaded[name] = swap_json(loaded[name])
    instance._localized = SPANISH


class Localized:
    """Mixin for content models (put it before models.Model); see the module docstring."""

    translated_fields: tuple[str, ...] = ()
    translated_json: tuple[str, ...] = ()

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        if spanish_active():
            localize(instance)
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        if spanish_active():
            localize(self)

    @property
    def is_localized(self) -> bool:
        return getattr(self, "_localized", None) is not None

    def save(self, *args, **kwargs):
        if self.is_localized:
            raise LocalizedSaveError(
                f"{type(self).__name__} {self.pk} was read in Spanish and shows Spanish in its English "
                "fields; read it inside core.i18n_content.raw_content() to change it."
            )
        return super().save(*args, **kwargs)


def localized_expr(field: str):
    """A query expression for a translated column: its X_es when Spanish is active and that is
    not empty, else X. For .values()/annotations, which bypass from_db."""
    if not spanish_active():
        return F(field)
    spanish = f"{field}{SUFFIX}"
    return Case(When(~Q(**{spanish: ""}), then=F(spanish)), default=F(field))


def with_spanish(*fields: str) -> list[str]:
    """Field names for .only(): each translated field together with its X_es column."""
    return [name for field in fields for name in (field, f"{field}{SUFFIX}")]


__all__ = [
    "Localized",
    "LocalizedSaveError",
    "localize",
    "localized_expr",
    "raw_content",
    "spanish_active",
    "swap_json",
    "with_spanish",
]
