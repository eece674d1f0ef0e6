"""The read side of results: what the results page, the print packet and a cohort's packets show.

Everything is read from the stored Result (its matches, reasons and summary as computed when it
was submitted), so a result keeps showing what it showed even after the scoring model or the
role levels change. One batch function serves one result or many in two queries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext

from assessments.models import Dimension, PageState, Result
from assessments.reason_text import band_label, reason_text
from careers.models import Role
from core.vocabulary import DIMENSION_NAMES, DIMENSION_WORK, DIMENSIONS
from worksamples.fit import apply_worksample_fit

#: Matches shown as cards on the page and in the packet; the rest are listed below on the page.
TOP_MATCHES = 5

_GOOD = {"shared_like", "shared_dislike", "facet_match", "training_fits", "tried_enjoyed"}
_CONCERN = {"asks_dislike", "misses_like", "facet_mismatch", "training_too_long", "tried_disliked"}
#: Interest reasons that may be the same for every card; said once for the profile instead.
_SHAREABLE = {"shared_like", "shared_dislike"}


@dataclass(frozen=True)
class Bar:
    code: str
    label: str
    nickname: str
    score: int
    y: int
    width: float
    text_y: int  # baseline of the label and value texts
    value_x: float


@dataclass(frozen=True)
class ProfileChart:
    """Geometry of the six-bar interest chart (0-100), and the rows of its table."""

    bars: list[Bar]
    width: int
    height: int
    label_width: int
    scale_width: int
    ticks: list[tuple[int, float]]  # (value, x)
    bar_height: int
    axis_y: int


def profile_chart(interests: dict[str, float], labels: dict[str, tuple[str, str]], *, width=560, label_width=130, bar_height=26, gap=12) -> ProfileChart:
    """Horizontal bars for the six interest scores in R-I-A-S-E-C order, 0 to 100.

    ``labels``: {code: (name, nickname)}, e.g. {"C": ("Conventional", "Organizers")}.
    """
    scale_width = width - label_width - 50
    bars = []
    for i, code in enumerate(DIMENSIONS):
        score = min(100, max(0, int(float(interests.get(code, 0)) + 0.5)))  # halves round up
        name, nickname = labels.get(code, (code, ""))
        y = i * (bar_height + gap)
        bar_width = round(max(1.0, scale_width * score / 100), 1)
        bars.append(Bar(code, name, nickname, score, y, bar_width, y + bar_height * 2 // 3 + 1, label_width + bar_width + 6))
    axis_y = len(bars) * (bar_height + gap)
    ticks = [(v, round(label_width + scale_width * v / 100, 1)) for v in (0, 25, 50, 75, 100)]
    return ProfileChart(bars, width, axis_y + 22, label_width, scale_width, ticks, bar_height, axis_y)


@dataclass(frozen=True)
class MatchCard:
    """One match ready to show: its rank among the shown matches, fit, reasons and role facts.

    ``role`` is a Role annotated by ``roles_for_display`` (entry_band_amount, entry_band_status,
    entry_band_year, first_job_months, first_job_path).
    """

    rank: int
    role: Role
    fit: int
    band: str
    fits: list[str] = field(default_factory=list)
    concerns: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    training_too_long: bool = False

    @property
    def slug(self) -> str:
        return self.role.slug

    @property
    def entry_salary(self) -> int:
        return self.role.entry_band_amount or self.role.entry_salary


@dataclass(frozen=True)
class Trait:
    code: str
    name: str
    nickname: str
    summary: str


@dataclass(frozen=True)
class FirstPlace:
    """What the page says about first place, from the stored summary (None for results stored
    before model 2, which did not compute it)."""

    close_call: bool
    runner_up: Role | None
    lead: int | None
    stable: bool
    challenger: Role | None
    undecided: bool


@dataclass
class ResultView:
    result: Result
    chart: ProfileChart
    holland: list[Trait]
    is_flat: bool
    top: list[MatchCard]
    more: list[MatchCard]
    hidden: list[MatchCard]
    shared: list[str] = field(default_factory=list)  # reasons true of every top match, said once
    first_place: FirstPlace | None = None

    @property
    def holland_code(self) -> str:
        return self.result.holland_code


def roles_for_display(slugs) -> dict[str, Role]:
    """The roles with these slugs and what a match card shows, in one query (keyed by slug)."""
    return {role.slug: role for role in Role.objects.filter(slug__in=list(slugs)).for_match_cards()}


def _traits() -> dict[str, Trait]:
    rows = {d.code: Trait(d.code, d.name, d.nickname, d.summary) for d in Dimension.objects.all()}
    return {code: rows.get(code) or Trait(code, gettext(name), "", "") for code, name in DIMENSION_NAMES.items()}


def _card(rank: int, match: dict, role: Role, *, skip: frozenset = frozenset()) -> MatchCard:
    reasons = [r for r in match.get("reasons", []) if (r["kind"], r["key"]) not in skip]
    plural = role.plural

    def texts(kinds) -> list[str]:
        return [reason_text(r, plural) for r in reasons if r["kind"] in kinds]

    return MatchCard(
        rank=rank,
        role=role,
        fit=match["fit"],
        band=band_label(match["band"]),
        fits=texts(_GOOD),
        concerns=texts(_CONCERN),
        # flat_interests is said once for the whole page (partials.html#flat_notice)
        notes=[reason_text(r, plural) for r in reasons if r["kind"] not in _GOOD | _CONCERN | {"flat_interests"}],
        training_too_long=any(r["kind"] == "training_too_long" for r in reasons),
    )


def _shared_reasons(matches: list[dict]) -> frozenset:
    """(kind, key) of the interest reasons every one of these matches gives (two or more)."""
    if len(matches) < 2:
        return frozenset()
    sets = [{(r["kind"], r["key"]) for r in m.get("reasons", []) if r["kind"] in _SHAREABLE} for m in matches]
    return frozenset(set.intersection(*sets))


def _shared_text(kind: str, key: str) -> str:
    work = f"{gettext(DIMENSION_WORK[key])} ({gettext(DIMENSION_NAMES[key])})" if key in DIMENSION_WORK else key
    if kind == "shared_like":
        return gettext("You and all of your top matches lean toward %(work)s.") % {"work": work}
    return gettext("Neither you nor any of your top matches lean much toward %(work)s.") % {"work": work}


def _first_place(summary: dict[str, Any], roles: dict[str, Role]) -> FirstPlace | None:
    if not summary or "close_call" not in summary:
        return None
    return FirstPlace(
        close_call=bool(summary.get("close_call")),
        runner_up=roles.get(summary.get("runner_up") or ""),
        lead=summary.get("lead"),
        stable=bool(summary.get("stable", True)),
        challenger=roles.get(summary.get("challenger") or ""),
        undecided=bool(summary.get("undecided")),
    )


def _view(result: Result, roles: dict[str, Role], traits: dict[str, Trait], labels, top: int) -> ResultView:
    shown = [m for m in result.matches if m["role"] in roles and m["role"] not in result.hidden]
    skip = _shared_reasons(shown[:top])
    cards = [_card(rank, m, roles[m["role"]], skip=skip if rank <= top else frozenset()) for rank, m in enumerate(shown, start=1)]
    by_slug = {m["role"]: m for m in result.matches}
    hidden = [_card(0, by_slug[s], roles[s]) for s in result.hidden if s in roles and s in by_slug]
    is_flat = bool(result.profile.get("is_flat"))
    order = {d: i for i, d in enumerate(DIMENSIONS)}
    return ResultView(
        result=result,
        chart=profile_chart(result.profile.get("interests", {}), labels),
        holland=[] if is_flat else [traits[c] for c in result.holland_code if c in traits],
        is_flat=is_flat,
        top=cards[:top],
        more=cards[top:],
        hidden=hidden,
        shared=[_shared_text(kind, key) for kind, key in sorted(skip, key=lambda t: (t[0], order.get(t[1], 9)))],
        first_place=_first_place(result.summary, roles),
    )


def result_views(results, *, top: int = TOP_MATCHES) -> list[ResultView]:
    """A ResultView for each result, in two queries in all (the traits and the roles)."""
    results = list(results)
    traits = _traits()
    roles = roles_for_display({m["role"] for r in results for m in r.matches})
    labels = {code: (t.name, t.nickname) for code, t in traits.items()}
    return [_view(result, roles, traits, labels, top) for result in results]


RESULT_CHECK = "result"  # the page cache's freshness check of a result's pages (AssessmentsConfig.ready)


def page_version(state: PageState) -> str:
    """What a result's stored pages depend on besides the content and the language, as read by
    ``Result.objects.page_state()``: the token, the matches marked "not for me" and the work-sample
    tries attached with their ratings. A stored page is served only while this is unchanged."""
    return f"{state.token}:{','.join(state.hidden)}:{state.tries}"


def current_page_version(token: str) -> str | None:
    """page_version() of the result with this token now (one query), or None once deleted."""
    state = Result.objects.page_state(token)
    return None if state is None else page_version(state)


def whole_result(state: PageState) -> Result:
    """The whole row of a result read by ``Result.objects.page_state()``, with the work samples
    attached to it applied to its matches (two queries: the page is being rendered anew).
    Raises Http404 if it was deleted in between."""
    result = get_object_or_404(Result, pk=state.pk)
    apply_worksample_fit(result)
    return result


def result_view(result: Result, *, top: int = TOP_MATCHES) -> ResultView:
    """Everything the results page shows for a Result: two queries.

    Matches whose role no longer exists are left out; hidden ones are listed in the order hidden.
    """
    return result_views([result], top=top)[0]
