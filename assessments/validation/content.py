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


@dataclass(frozen=True)
class Bank:
    items: tuple[Item, ...]
    codes_by_key: dict[str, tuple[str, ...]]  # RIASEC letter or facet -> item codes in order

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)


def _read(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_bank(root: Path = CONTENT) -> Bank:
    rows = sorted(_read(root / "items.yaml")["items"], key=lambda row: row["order"])
    items = tuple(Item(row["code"], dimension=row.get("dimension"), facet=row.get("facet")) for row in rows)
    by_key: dict[str, list[str]] = {}
    for item in items:
        by_key.setdefault(item.dimension or item.facet, []).append(item.code)
    return Bank(items, {key: tuple(codes) for key, codes in by_key.items()})


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
