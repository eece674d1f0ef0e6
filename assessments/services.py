"""The questionnaire's writes (submitting it, hiding a match) and the scoring inputs.

Rows become the pure scoring core's dataclasses here, and its answers become JSON on a Result.
Nothing here renders HTML or knows about requests; the read side is assessments.selectors.
"""

import logging
import time
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import translation

from assessments import scoring
from assessments.models import Item, Result
from careers.models import Role
from core.cache import content_generation

logger = logging.getLogger(__name__)

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
    return scoring.RoleProfile(
        slug=role.slug,
        name=role.name,
        plural=role.plural,
        interests=role.interests,
        facets=facets,
        months_to_first_job=role.months_to_first_job,
    )


def load_scoring_inputs() -> ScoringInputs:
    """Read the active items and every role from the database (a handful of queries).

    Always in English, whatever the request's language: the stored reasons' ``text`` is English
    (the role's English plural), and the scoring must not depend on who built the cache."""
    with translation.override("en"):
        return _load_scoring_inputs()


def _load_scoring_inputs() -> ScoringInputs:
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
        "facets": {f: round(profile.facets[f], 4) for f in scoring.WORK_FACETS},
        "training": profile.training,
        "holland_code": profile.holland_code,
        "is_flat": profile.is_flat,
        "spread": round(profile.spread, 4),
    }


def _match_data(m: scoring.Match) -> dict[str, Any]:
    return {
        "role": m.slug,
        "fit": m.fit,
        "band": m.band,
        "score": round(m.score, 6),
        "interest_fit": None if m.interest_fit is None else round(m.interest_fit, 6),
        "facet_fit": round(m.facet_fit, 6),
        "training_fits": m.training_fits,
        "training_gap": m.training_gap,
        "reasons": [r.as_dict() for r in m.reasons],  # text in English; msg and args for any language
    }


@dataclass(frozen=True)
class Scored:
    """A scored answer set: the profile, every match best first, and what the page says about
    the first place (``summary``: close call, stability, undecided)."""

    profile: scoring.Profile
    matches: list[scoring.Match]
    summary: dict[str, Any]


def _summary(inputs: ScoringInputs, answers: dict[str, int], profile: scoring.Profile, matches: list[scoring.Match]) -> dict[str, Any]:
    if not matches:
        return {"close_call": False, "stable": True, "challenger": None, "undecided": scoring.is_undecided(profile)}
    position = {m.slug: i for i, m in enumerate(matches)}
    challengers = sorted(scoring.one_step_firsts(inputs.items, answers, inputs.roles, profile=profile), key=position.get)
    runner_up = matches[1] if len(matches) > 1 else None
    return {
        "close_call": scoring.close_call(matches),
        "runner_up": runner_up.slug if runner_up else None,
        "lead": matches[0].fit - runner_up.fit if runner_up else None,
        "stable": not challengers,
        "challenger": challengers[0] if challengers else None,
        "undecided": scoring.is_undecided(profile),
        "model": scoring.MODEL_VERSION,
    }


def score_answers(answers: dict[str, int], *, inputs: ScoringInputs | None = None) -> Scored:
    """Profile, every role's match (best first, with reasons) and the summary of first place.
    ``inputs``: scoring_inputs(), when the caller has them already. Raises scoring.AnswerError."""
    inputs = inputs or scoring_inputs()
    profile = scoring.build_profile(inputs.items, answers)
    matches = scoring.rank(profile, inputs.roles, explain=True)
    return Scored(profile, matches, _summary(inputs, answers, profile, matches))


def result_submit(*, answers: dict[str, int], cohort=None, display_name: str = "") -> Result:
    """Score a completed questionnaire and store it as a new Result (with its unguessable token).

    ``answers``: {item code: 1-5} for every active item and nothing else, otherwise
    scoring.AnswerError names the missing, invalid and unknown codes and nothing is saved.
    ``display_name`` is kept only with a cohort.

    Scoring runs outside any transaction: SQLite's IMMEDIATE transactions take the write lock
    at BEGIN, so scoring inside one made every other submission wait (and back off in the busy
    handler) for the whole scoring time. The row is one INSERT, atomic on its own.
    """
    scored = score_answers(answers)
    return Result.objects.create(
        answers={code: answers[code] for code in sorted(answers)},
        profile=_profile_data(scored.profile),
        matches=[_match_data(m) for m in scored.matches],
        scoring_model=scoring.MODEL_VERSION,
        summary=scored.summary,
        cohort=cohort,
        display_name=" ".join(display_name.split())[:40] if cohort is not None else "",
    )


def result_page_paths(result: Result) -> list[str]:
    """The addresses of a result's stored pages, dropped when the result is deleted
    (settings.PAGE_CACHE_PAGES_OF)."""
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
