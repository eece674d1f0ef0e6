"""The career map with a student's matches on it, and with a cohort's top-three counts.

Both reuse the catalogue's map page (careers.map_views.render_career_map) and only say which
roles to highlight or dim.
"""

from collections import Counter
from collections.abc import Iterable

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from careers.career_map import Mark

MAP_TOP = 5


def result_marks(result, *, top: int = MAP_TOP) -> dict[str, Mark]:
    """The student's top matches highlighted with their fit, "not for me" roles dimmed."""
    marks = {}
    shown = [m for m in result.matches if m["role"] not in result.hidden][:top]
    for rank, match in enumerate(shown, start=1):
        marks[match["role"]] = Mark(
            highlight=True,
            label=_("Match #%(rank)d · %(fit)d%% fit") % {"rank": rank, "fit": match["fit"]},
            words=_("Your match number %(rank)d, %(fit)d%% fit") % {"rank": rank, "fit": match["fit"]},
        )
    for slug in result.hidden:
        marks[slug] = Mark(dimmed=True, label=_("Not for me"), words=_("You marked this role not for me"))
    return marks


def cohort_marks(top_slugs: Iterable[list[str]]) -> tuple[dict[str, Mark], int]:
    """How many students have each role in their top three, as highlights; and the class size."""
    lists = list(top_slugs)
    counts = Counter(slug for slugs in lists for slug in dict.fromkeys(slugs))
    total = len(lists)
    marks = {
        slug: Mark(
            highlight=True,
            label=_("%(n)d of %(total)d in top 3") % {"n": n, "total": total},
            words=ngettext(
                "%(n)d of %(total)d student have it in their top three", "%(n)d of %(total)d students have it in their top three", total
            )
            % {"n": n, "total": total},
        )
        for slug, n in counts.items()
    }
    return marks, total
