"""The questionnaire's writes (submitting it, hiding a match) and the reads behind the results.

Rows become the pure scoring core's dataclasses here, and its answers become JSON on a Result.
Nothing here renders HTML or knows about requests.
"""

import logging
import time
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.urls import reverse

from assessments import scoring
from assessments.models import Dimension, Item, Result
from careers.models import Role
from core.cache import content_generation

logger = logging.getLogger(__name__)

TOP_MATCHES = 7
_INPUTS_MAX_AGE = 300.0  # seconds; bounds staleness where the content version is not shared

# --- scoring inputs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoringInputs:
    """The item bank and every role, as the scoring core takes them."""

    items: tuple[scoring.Item, ...]
    roles: scoring.RoleSet
    names: dict[str, str]  # role slug -> display name


def role_profile(role: Role) -> scoring.RoleProfile:
    """A Role row (facets prefetched) as a RoleProfile; raises ValueError if its data is incomplete."""
    facets = {f.facet: f.level for f in role.facets.all()}
    return scoring.RoleProfile(slug=role.slug, name=role.name, plural=role.plural, interests=role.interests, facets=facets)


def load_scoring_inputs() -> ScoringInputs:
    """Read the active items and every role from the database (a handful of queries)."""
    items = tuple(
        scoring.Item(
            item.code,
            dimension=item.dimension.code if item.dimension_id else None,
            facet=item.facet.slug if item.facet_id else None,
        )
        for item in Item.objects.for_form()
    )
    roles = []
    for role in Role.objects.with_scoring_data():
        try:
            roles.append(role_profile(role))
        except (TypeError, ValueError):
            # One broken role must not take the questionnaire down; the content check finds it.
            logger.exception("Role %s cannot be scored and is left out of the matches", role.slug)
    return ScoringInputs(items=items, roles=scoring.RoleSet(roles), names={r.slug: r.name for r in roles})


_inputs_cache: tuple[tuple, float, ScoringInputs] | None = None


def _content_key() -> tuple:
    # The generation is random, so it cannot repeat after the shared cache is flushed.
    return (content_generation(),)


def scoring_inputs() -> ScoringInputs:
    """The scoring inputs, built once per process and content version (and at most every five
    minutes). Every save or delete of an item or a role starts a new content generation
    (core.invalidation), which rebuilds them."""
    global _inputs_cache
    key = _content_key()
    hit = _inputs_cache
    now = time.monotonic()
    if hit is not None and hit[0] == key and now - hit[1] < _INPUTS_MAX_AGE:
        return hit[2]
    inputs = load_scoring_inputs()
    _inputs_cache = (key, now, inputs)
    return inputs


# --- writes -------------------------------------------------------------------------------------


def _profile_data(profile: scoring.Profile) -> dict[str, Any]:
    return {
        "interests": {d: round(profile.interests[d], 4) for d in scoring.DIMENSIONS},
        "facets": {f: round(profile.facets[f], 4) for f in scoring.FACETS},
        "holland_code": profile.holland_code,
        "is_flat": profile.is_flat,
    }


def _match_data(m: scoring.Match) -> dict[str, Any]:
    return {
        "role": m.slug,
        "fit": m.fit,
        "band": m.band,
        "interest_fit": None if m.interest_fit is None else round(m.interest_fit, 6),
        "facet_fit": round(m.facet_fit, 6),
        "training_fits": m.training_fits,
        "reasons": [{"kind": r.kind, "text": r.text, "key": r.key} for r in m.reasons],
    }


def score_answers(answers: dict[str, int]) -> tuple[scoring.Profile, list[scoring.Match]]:
    """Profile and every role's match, best first, with reasons. Raises scoring.AnswerError."""
    inputs = scoring_inputs()
    profile = scoring.build_profile(inputs.items, answers)
    return profile, scoring.rank(profile, inputs.roles, explain=True)


@transaction.atomic
def result_submit(*, answers: dict[str, int], cohort=None, display_name: str = "") -> Result:
    """Score a completed questionnaire and store it as a new Result (with its unguessable token).

    ``answers``: {item code: 1-5} for every active item and nothing else, otherwise
    scoring.AnswerError names the missing, invalid and unknown codes and nothing is saved.
    ``display_name`` is kept only with a cohort.
    """
    profile, matches = score_answers(answers)
    return Result.objects.create(
        answers={code: answers[code] for code in sorted(answers)},
        profile=_profile_data(profile),
        matches=[_match_data(m) for m in matches],
        cohort=cohort,
        display_name=" ".join(display_name.split())[:40] if cohort is not None else "",
    )


def result_page_paths(result: Result) -> list[str]:
    """The addresses of a result's stored pages, forgotten when a match is hidden or the result
    is deleted (settings.PAGE_CACHE_PAGES_OF)."""
    return [result.get_absolute_url(), reverse("assessments:result_print", args=[result.token])]


@transaction.atomic
def result_set_hidden(*, result: Result, slug: str, hidden: bool = True) -> bool:
    """Mark one of the result's matches "not for me" (or undo it). Return whether it changed.

    Slugs that are not among the result's matches are ignored. The row is locked so that two
    quick clicks cannot undo each other.
    """
    locked = Result.objects.select_for_update().get(pk=result.pk)
    if slug not in {m["role"] for m in locked.matches}:
        return False
    current = [s for s in locked.hidden if s != slug]
    if hidden:
        current.append(slug)
    if current == locked.hidden:
        return False
    locked.hidden = current
    locked.save(update_fields=["hidden"])
    result.hidden = current
    return True


# --- reads for the results pages ------------------------------------------------------------------

_GOOD = {"shared_like", "shared_dislike", "facet_match", "training_fits"}
_CONCERN = {"asks_dislike", "misses_like", "facet_mismatch", "training_too_long"}


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
    for i, code in enumerate(scoring.DIMENSIONS):
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


@dataclass
class ResultView:
    result: Result
    chart: ProfileChart
    holland: list[Trait]
    is_flat: bool
    top: list[MatchCard]
    more: list[MatchCard]
    hidden: list[MatchCard]

    @property
    def holland_code(self) -> str:
        return self.result.holland_code


def roles_for_display(slugs) -> dict[str, Role]:
    """The roles with these slugs and what a match card shows, in one query (keyed by slug)."""
    return {role.slug: role for role in Role.objects.filter(slug__in=list(slugs)).for_match_cards()}


def _card(rank: int, match: dict, role: Role) -> MatchCard:
    reasons = match.get("reasons", [])
    return MatchCard(
        rank=rank,
        role=role,
        fit=match["fit"],
        band=match["band"],
        fits=[r["text"] for r in reasons if r["kind"] in _GOOD],
        concerns=[r["text"] for r in reasons if r["kind"] in _CONCERN],
        # flat_interests is said once for the whole page (partials.html#flat_notice)
        notes=[r["text"] for r in reasons if r["kind"] not in _GOOD | _CONCERN | {"flat_interests"}],
    )


def _traits() -> dict[str, Trait]:
    rows = {d.code: Trait(d.code, d.name, d.nickname, d.summary) for d in Dimension.objects.all()}
    return {code: rows.get(code) or Trait(code, name, "", "") for code, name in scoring.DIMENSION_NAMES.items()}


def result_view(result: Result, *, top: int = TOP_MATCHES) -> ResultView:
    """Everything the results page (and the print packet) shows for a Result: two queries.

    Matches whose role no longer exists are left out; hidden ones are listed in the order hidden.
    """
    traits = _traits()
    roles = roles_for_display(m["role"] for m in result.matches)
    shown = [m for m in result.matches if m["role"] in roles and m["role"] not in result.hidden]
    cards = [_card(rank, m, roles[m["role"]]) for rank, m in enumerate(shown, start=1)]
    by_slug = {m["role"]: m for m in result.matches}
    hidden = [_card(0, by_slug[s], roles[s]) for s in result.hidden if s in roles and s in by_slug]
    profile = result.profile
    labels = {code: (t.name, t.nickname) for code, t in traits.items()}
    is_flat = bool(profile.get("is_flat"))
    return ResultView(
        result=result,
        chart=profile_chart(profile.get("interests", {}), labels),
        holland=[] if is_flat else [traits[c] for c in result.holland_code if c in traits],
        is_flat=is_flat,
        top=cards[:top],
        more=cards[top:],
        hidden=hidden,
    )
