"""Plain-words reasons for one match (pure Python, like assessments.scoring).

Order: interests (up to three, strongest first), facets (up to two matches, then up to two
mismatches), training (always one). The texts and the rules that pick them are in
docs/scoring.md section 6.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from assessments import scoring
from core.vocabulary import (
    DIMENSION_NAMES,
    DIMENSION_WORK,
    DIMENSIONS,
    FACET_ACTIVITY,
    TRAINING,
    WORK_FACETS,
    months_words,
)

_REASON_CONTRIBUTION = 0.05  # smallest |interest contribution| that earns a reason

REASON_KINDS: tuple[str, ...] = (
    "shared_like",  # both above their own average on a dimension
    "shared_dislike",  # both below
    "asks_dislike",  # the role is high where the person is low
    "misses_like",  # the person is high where the role is low
    "flat_interests",  # the person's interest answers had no clear pattern
    "role_interests_flat",  # the role's interest scores are all equal
    "facet_match",  # a big part of the job that the person wants
    "facet_mismatch",  # the job demands what the person dislikes, or lacks what they want
    "training_fits",
    "training_too_long",
)


@dataclass(frozen=True)
class Reason:
    """One reason: ``kind`` from REASON_KINDS; ``key`` a RIASEC letter, a facet or "interests"."""

    kind: str
    text: str
    key: str


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _interest_reasons(profile: scoring.Profile, role: scoring.RoleProfile) -> list[Reason]:
    if profile.is_flat:
        return [Reason("flat_interests", "Your answers about kinds of work had no clear pattern, so this match rests on how you like to work.", "interests")]
    parts = scoring.interest_contributions(profile, role)
    if parts is None:
        return [Reason("role_interests_flat", f"We have no clear interest pattern for {role.plural}, so this match rests on how you like to work.", "interests")]
    plural, coef, vec = role.plural, profile._coef, role._ivec
    positives, negatives = [], []
    for k, d in enumerate(DIMENSIONS):
        c = parts[d]
        if abs(c) < _REASON_CONTRIBUTION:
            continue
        if c > 0:
            positives.append((c, k, _interest_reason("shared_like" if coef[k] > 0 else "shared_dislike", d, plural, False)))
        elif vec[k] > 0:
            negatives.append((-c, k, _interest_reason("asks_dislike", d, plural, profile.interests[d] < 50.0)))
        else:
            negatives.append((-c, k, _interest_reason("misses_like", d, plural, profile.interests[d] > 50.0)))
    chosen = sorted(positives, key=lambda t: (-t[0], t[1]))[:2] + sorted(negatives, key=lambda t: (-t[0], t[1]))[:2]
    chosen.sort(key=lambda t: (-t[0], t[1]))
    return [reason for _, _, reason in chosen[:3]]


# The reasons are memoised by what their words depend on (a kind, a letter or facet, the role's
# plural, a level, a want that is the mean of a few answers): a few thousand at most, shared by
# every person they apply to. Reason is frozen, so sharing one object is safe.


@functools.lru_cache(maxsize=4096)
def _interest_reason(kind: str, d: str, plural: str, said_strongly: bool) -> Reason:
    work = f"{DIMENSION_WORK[d]} ({DIMENSION_NAMES[d]})"
    if kind == "shared_like":
        return Reason(kind, f"You and {plural} both lean toward {work}.", d)
    if kind == "shared_dislike":
        return Reason(kind, f"Neither you nor {plural} lean toward {work}.", d)
    if kind == "asks_dislike":
        said = "which you said you dislike" if said_strongly else "which you rated below your other interests"
        return Reason(kind, f"The job asks for {work}, {said}.", d)
    said = "which you said you like" if said_strongly else "which you rated above your other interests"
    return Reason(kind, f"{_cap(plural)} do little {work}, {said}.", d)


@functools.lru_cache(maxsize=8192)
def _facet_entry(i: int, want: float, level: int, plural: str) -> tuple[float, int, Reason] | None:
    """(sort key, facet number, Reason) of work facet number ``i``, or None."""
    facet = WORK_FACETS[i]
    found = _facet_reason(facet, want, level, plural)
    if found is None:
        return None
    kind, size, text = found
    return (-size * scoring.FACET_WEIGHTS[facet], i, Reason(kind, text, facet))


def _facet_reason(facet: str, want: float, level: int, plural: str) -> tuple[str, float, str] | None:
    """(kind, size, text) for one facet, or None when it says nothing worth a line."""
    activity = FACET_ACTIVITY[facet]
    if facet == "remote_work":
        if want >= 4.0 and level >= 4:
            return "facet_match", (want - 3) * (level - 3), f"You'd like to work from home, and {plural} often can."
        if want >= 4.0 and level <= 2:
            return "facet_mismatch", (want - 3) * (3 - level), f"You'd like to work from home, but {plural} rarely can."
        return None  # preferring on-site work costs nothing: every role has on-site jobs
    if want >= 4.0 and level >= 4:
        return "facet_match", (want - 3) * (level - 3), f"You like {activity}, and it is a big part of the job for {plural}."
    if want <= 2.0 and level >= 4:
        return "facet_mismatch", scoring.DISLIKE_DEMANDED * (3 - want) * (level - 3), f"{_cap(plural)} spend a lot of time {activity}, which you said you dislike."
    if want >= 4.0 and level <= 2:
        return "facet_mismatch", (want - 3) * (3 - level), f"You like {activity}, but {plural} do little of it."
    return None


def _facet_reasons(profile: scoring.Profile, role: scoring.RoleProfile) -> list[Reason]:
    likes, clashes = [], []
    wants, levels, plural = profile.facets, role.facets, role.plural
    for i, facet in enumerate(WORK_FACETS):
        entry = _facet_entry(i, wants[facet], levels[facet], plural)
        if entry is not None:
            (likes if entry[2].kind == "facet_match" else clashes).append(entry)
    likes.sort(key=lambda t: (t[0], t[1]))
    clashes.sort(key=lambda t: (t[0], t[1]))
    return [reason for _, _, reason in likes[:2] + clashes[:2]]


def training_reason(profile: scoring.Profile, role: scoring.RoleProfile, gap: int) -> Reason:
    """The training line: it fits, or the role needs more training than the person planned."""
    step = role.training_step
    if step is None:
        text = (
            f"There is no short route into this job: most {role.plural} come to it after years in another health "
            "information job, so we count it as a long route."
        )
        return Reason("training_too_long" if gap else "training_fits", text, TRAINING)
    months = role.months_to_first_job
    if months == 0:
        return Reason("training_fits", "You can start with training on the job, which fits the time you have.", TRAINING)
    words = f"about {months_words(months)}"
    if gap:
        return Reason("training_too_long", f"Needs more training than you planned: the shortest usual way to a first job takes {words}.", TRAINING)
    return Reason("training_fits", f"The shortest usual way to a first job takes {words}, which fits the time you have.", TRAINING)


def explain(profile: scoring.Profile, role: scoring.RoleProfile, match: scoring.Match | None = None) -> tuple[Reason, ...]:
    """Reasons for one match: interests, then facets, then training."""
    gap = match.training_gap if match is not None else scoring._training_gap(profile, role)
    return tuple(_interest_reasons(profile, role) + _facet_reasons(profile, role) + [training_reason(profile, role, gap)])
