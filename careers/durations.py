"""How long it takes to reach a role: the one place every page gets its wording from.

The role page, the results cards, the roadmap and the compare page all call `first_job()` (for a
role) or `span_words()` (for one education route), so the same role never reads "about a year" in
one place and "about three years" in another. `check_content` uses the same numbers to catch
content that says something else.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from careers.models import EDUCATION_RANK
from core.i18n import months_in_words


@dataclass(frozen=True)
class FirstJob:
    """The shortest usual way to this role: a route's months plus any usual prior work."""

    months: int | None  # None when no route gives a number
    route_months: int | None
    experience_months: int
    route_name: str
    text: str


def span_words(months_min: int | None, months_max: int | None = None) -> str:
    """6, 24 -> "6 to 24 months"; 24, 24 -> "2 years"; 12, 36 -> "1 to 3 years"; 0 -> "no study"."""
    if months_min is None and months_max is None:
        return _("Not sourced")
    low = months_min if months_min is not None else months_max
    high = months_max if months_max is not None else months_min
    if low == high:
        return _one(low)
    if low == 0:
        return _("up to %(time)s") % {"time": _one(high)}
    if low % 12 == 0 and high % 12 == 0:
        return _("%(low)s to %(high)s years") % {"low": low // 12, "high": high // 12}
    return _("%(low)s to %(high)s months") % {"low": low, "high": high}


def _one(months: int) -> str:
    """core.vocabulary.months_words (the same words as the quiz's training reasons), in the
    active language: 3 -> "3 months", 12 -> "1 year", 18 -> "1.5 years", 0 -> "no study"."""
    return months_in_words(months)


@dataclass(frozen=True)
class Route:
    level: str
    months: int | None
    order: int
    name: str


def pick_route(routes: list[Route], entry_level: str) -> Route | None:
    """The route a first job is timed from: the shortest one at or below the role's usual
    entry education (a master's is not "a year to the job" when a bachelor's comes first).
    Falls back to every route when none is at or below that level."""
    timed = [r for r in routes if r.months is not None]
    within = [r for r in timed if EDUCATION_RANK.get(r.level, 99) <= EDUCATION_RANK.get(entry_level, 99)]
    return min(within or timed, key=lambda r: (r.months, r.order), default=None)


def role_routes(role) -> list[Route]:
    """A role's own routes, or, when it has none, the routes into the roles that lead to it."""
    paths = list(role.education_paths.all())
    if not paths:
        paths = [p for step in role.previous_steps.all() for p in step.from_role.education_paths.all()]
    return [Route(p.level, p.months_min, p.order, p.name) for p in paths]


def _shortest(role) -> tuple[int | None, str]:
    """(months, route name) of the timed route; uses the card annotations when present."""
    if hasattr(role, "first_job_months"):
        return role.first_job_months, getattr(role, "first_job_path", "") or ""
    best = pick_route(role_routes(role), role.entry_education)
    return (best.months, best.name) if best else (None, "")


def first_job(role) -> FirstJob:
    """The time to this role, worded once for every page.

    Works on a role loaded with its education paths (with_details, with_roadmap) or annotated
    by `for_match_cards()`.
    """
    route, name = _shortest(role)
    experience = getattr(role, "experience_months", 0) or 0
    if route is None:
        return FirstJob(None, None, experience, "", _("Not known: no route we list gives a length"))
    total = route + experience
    if experience and route == 0:
        text = _("From training on the job, then about %(work)s of work in an earlier role") % {"work": _one(experience)}
    elif experience:
        text = _("From about %(study)s of study, then about %(work)s of work in an earlier role") % {
            "study": _one(route),
            "work": _one(experience),
        }
    elif route == 0:
        text = _("You can start with training on the job")
    else:
        text = _("From about %(study)s of study") % {"study": _one(route)}
    return FirstJob(total, route, experience, name, text)
