"""The career map with a student's matches on it, and with a cohort's top-three counts.

Both reuse the catalogue's map page (careers.map_views.render_career_map) and only say which
roles to highlight or dim.
"""

from collections import Counter
from collections.abc import Iterable

from careers.career_map import Mark

MAP_TOP = 5


def result_marks(result, *, top: int = MAP_TOP) -> dict[str, Mark]:
    """The student's top matches highlighted with their fit, "not for me" roles dimmed."""
    marks = {}
    shown = [m for m in result.matches if m["role"] not in result.hidden][:top]
    for rank, match in enumerate(shown, start=1):
        marks[match["role"]] = Mark(
            highlight=True,
            label=f"Match #{rank} · {match['fit']}% fit",
            words=f"Your match number {rank}, {match['fit']}% fit",
        )
    for slug in result.hidden:
        marks[slug] = Mark(dimmed=True, label="Not for me", words="You marked this role not for me")
    return marks


def cohort_marks(top_slugs: Iterable[list[str]]) -> tuple[dict[str, Mark], int]:
    """How many students have each role in their top three, as highlights; and the class size."""
    lists = list(top_slugs)
    counts = Counter(slug for slugs in lists for slug in dict.fromkeys(slugs))
    total = len(lists)
    marks = {
        slug: Mark(
            highlight=True,
            label=f"{n} of {total} in top 3",
            words=f"{n} of {total} student{'s' if total != 1 else ''} have it in their top three",
        )
        for slug, n in counts.items()
    }
    return marks, total
