"""The item bank and the roles as the scorer sees them, read from the fixtures (no database).

The roles' training months follow ``careers.models.Role.months_to_first_job`` (careers.durations).
A test checks that these profiles equal the ones the site builds from the loaded database.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from assessments.scoring import Item, RoleProfile, RoleSet
from core.vocabulary import WORK_FACETS

CONTENT = Path(__file__).resolve().parents[2] / "fixtures" / "content"


#: The languages of the item bank: English ``text``, and ``text_<lang>`` beside it for the others.
LANGUAGES = ("en", "es")


@dataclass(frozen=True)
class Bank:
    items: tuple[Item, ...]
    codes_by_key: dict[str, tuple[str, ...]]  # RIASEC letter or facet -> item codes in order
    lang: str = "en"
    texts: tuple[str, ...] = ()  # each statement in ``lang``, in the items' order ("" if missing)
    labels: tuple[str, ...] = ()  # the five answer labels in ``lang`` (scale.labels[_lang])

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)


def _read(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_bank(root: Path = CONTENT, lang: str = "en") -> Bank:
    """The item bank in quiz order; ``lang`` "es" reads the Spanish statements (``text_es``) and
    answer labels (``labels_es``). The codes, keys and order are the file's, in every language."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; one of {', '.join(LANGUAGES)}")
    data = _read(root / "items.yaml")
    rows = sorted(data["items"], key=lambda row: row["order"])
    items = tuple(Item(row["code"], dimension=row.get("dimension"), facet=row.get("facet")) for row in rows)
    by_key: dict[str, list[str]] = {}
    for item in items:
        by_key.setdefault(item.dimension or item.facet, []).append(item.code)
    suffix = "" if lang == "en" else f"_{lang}"
    texts = tuple(str(row.get(f"text{suffix}") or "").strip() for row in rows)
    labels = tuple(str(label) for label in (data.get("scale") or {}).get(f"labels{suffix}") or ())
    return Bank(items, {key: tuple(codes) for key, codes in by_key.items()}, lang, texts, labels)


def bank_problems(bank: Bank, english: Bank) -> list[str]:
    """What makes ``bank`` not the same instrument as the English one: other codes, keys or
    order, statements or answer labels missing in its language."""
    found = []
    if [(i.code, i.dimension, i.facet) for i in bank.items] != [(i.code, i.dimension, i.facet) for i in english.items]:
        found.append(f"{bank.lang}: the statements' codes, keys or order differ from the English bank")
    if bank.codes_by_key != english.codes_by_key:
        found.append(f"{bank.lang}: the statements per interest or facet differ from the English bank")
    missing = [code for code, text in zip(bank.codes, bank.texts, strict=True) if not text]
    if missing:
        found.append(f"{bank.lang}: {len(missing)} of {len(bank.codes)} statements have no text_{bank.lang}: {', '.join(missing[:8])}{' ...' if len(missing) > 8 else ''}")
    if bank.lang != "en" and len(bank.labels) != 5:
        found.append(f"{bank.lang}: scale.labels_{bank.lang} must hold the five answer labels (it has {len(bank.labels)})")
    if bank.lang != "en":
        same = [code for code, text, en in zip(bank.codes, bank.texts, english.texts, strict=True) if text and text == en]
        if same:
            found.append(f"{bank.lang}: {len(same)} statements are the English text: {', '.join(same[:8])}")
    return found


def months_by_role(root: Path = CONTENT) -> dict[str, int]:
    """Each role's time to a first job by the site's own rule (careers.durations, through the
    content check's reading of the files). Needs Django set up (the CLI and the tests do it)."""
    from careers.content import parse_content
    from careers.content_checks import routes_by_role, shortest_months

    content = parse_content(root)
    routes = routes_by_role(content)
    months = {slug: shortest_months(content, slug, routes) for slug in content.roles}
    return {slug: m for slug, m in months.items() if m is not None}


def load_roles(root: Path = CONTENT) -> RoleSet:
    months = months_by_role(root)
    roles = []
    for path in sorted((root / "roles").glob("*.yaml")):
        row = _read(path)
        roles.append(
            RoleProfile(
                slug=row["slug"],
                name=row["name"],
                plural=row["plural"],
                interests=row["interests"]["scores"],
                facets={f: row["facets"].get(f, {"level": 3})["level"] for f in WORK_FACETS},
                months_to_first_job=months.get(row["slug"]),
            )
        )
    return RoleSet(roles)
