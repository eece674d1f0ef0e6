"""Class summaries for a counselor's cohort page, with the geometry of their SVG charts.

Pure functions over plain data (result profiles and top-match slugs): no Django, no queries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext

from assessments.scoring import DIMENSION_NAMES, DIMENSIONS

BAR_MAX = 300  # chart units for a score of 100 or for the most common match


@dataclass(frozen=True)
class DimensionSpread:
    code: str
    name: str
    mean: int
    low: int
    high: int
    leading: int  # students whose Holland code starts with this letter
    y: int
    mean_x: float
    low_x: float
    range_width: float


@dataclass(frozen=True)
class MatchCount:
    slug: str
    name: str
    count: int
    y: int
    width: float


def _score(value) -> int:
    try:
        return max(0, min(100, round(float(value))))
    except (TypeError, ValueError):
        return 0


def profile_spread(profiles: Iterable[Mapping], *, row: int = 28) -> tuple[DimensionSpread, ...]:
    """Per RIASEC dimension: the class's mean, lowest and highest score (0-100), and how many
    students lead with that letter. Profiles without interest scores are left out."""
    scored = [p for p in profiles if isinstance(p, Mapping) and p.get("interests")]
    leading = Counter((p.get("holland_code") or "")[:1] for p in scored)
    spreads = []
    for i, code in enumerate(DIMENSIONS):
        values = [_score(p["interests"].get(code, 0)) for p in scored] or [0]
        mean, low, high = round(sum(values) / len(values)), min(values), max(values)
        spreads.append(
            DimensionSpread(
                code=code,
                name=gettext(DIMENSION_NAMES[code]),
                mean=mean,
                low=low,
                high=high,
                leading=leading.get(code, 0),
                y=i * row,
                mean_x=round(BAR_MAX * mean / 100, 1),
                low_x=round(BAR_MAX * low / 100, 1),
                range_width=round(BAR_MAX * (high - low) / 100, 1),
            )
        )
    return tuple(spreads)


def top_match_counts(
    top_slugs: Iterable[Sequence[str]], names: Mapping[str, str], *, limit: int = 8, row: int = 26
) -> tuple[MatchCount, ...]:
    """How often each role is in a student's top three, most common first (ties by name)."""
    counts = Counter(slug for slugs in top_slugs for slug in dict.fromkeys(slugs))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], names.get(kv[0], kv[0])))[:limit]
    most = ranked[0][1] if ranked else 1
    return tuple(
        MatchCount(slug=slug, name=names.get(slug, slug), count=n, y=i * row, width=round(BAR_MAX * n / most, 1))
        for i, (slug, n) in enumerate(ranked)
    )
