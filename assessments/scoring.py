"""Scoring core of the HIM Careers questionnaire.

Pure Python (standard library only): no Django, no project imports, so it can be tested,
benchmarked and reused anywhere. The formulas, weights and a worked example are written down in
``docs/scoring.md``; keep the two in step (``tests/assessments/test_scoring.py`` checks the
example).

Stage 1 of the questionnaire gives six RIASEC interest scores (0-100). Stage 2 gives eleven work
facet scores (1-5). A role carries six O*NET interest scores (1-7) and a level (1-5) on each
facet. ``rank`` compares one person with many roles:

* interest fit: a weighted Pearson correlation ``r`` between the person's six scores and the
  role's six scores (split exactly into six per-dimension contributions for the reasons);
* facet fit: ``1 - weighted mean mismatch / 4`` over the eleven facets;
* fit = ``round(100 * (0.4 * (r + 1) / 2 + 0.6 * facet_fit))``, or ``round(100 * facet_fit)``
  when the interest answers are flat.

Speed: each ``RoleProfile`` precomputes its normalised interest vector and its facet table
indices once, and each ``Profile`` precomputes its side (the correlation coefficients and the
facet mismatch tables), so ranking costs a few arithmetic operations per role; the order comes
from a counting sort on the integer fit. Reason texts are built only for the matches asked for.
For thousands of roles, keep them in a ``RoleSet``.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from numbers import Real
from operator import attrgetter

__all__ = [
    "ANSWER_MAX",
    "ANSWER_MIN",
    "BANDS",
    "DIMENSIONS",
    "DIMENSION_NAMES",
    "FACETS",
    "FACET_SHARE",
    "FACET_WEIGHTS",
    "INTEREST_SHARE",
    "INTEREST_WEIGHTS",
    "REASON_KINDS",
    "TRAINING_WORDS",
    "WORK_FACETS",
    "AnswerError",
    "Item",
    "Match",
    "Profile",
    "Reason",
    "RoleProfile",
    "RoleSet",
    "build_profile",
    "explain",
    "facet_fit",
    "fit_band",
    "interest_contributions",
    "interest_fit",
    "match",
    "rank",
    "weighted_correlation",
]

# --------------------------------------------------------------------------------------------
# Vocabulary and weights (documented in docs/scoring.md)
# --------------------------------------------------------------------------------------------

DIMENSIONS: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")
FACETS: tuple[str, ...] = (
    "patient_contact",
    "clinical_detail",
    "payer_finance",
    "privacy_legal",
    "data_analysis",
    "technology_systems",
    "research_registry",
    "auditing",
    "leading_people",
    "remote_work",
    "training_time",
)
#: The ten facets that describe the work itself (every facet except ``training_time``).
WORK_FACETS: tuple[str, ...] = FACETS[:-1]
TRAINING = "training_time"

ANSWER_MIN = 1
ANSWER_MAX = 5

DIMENSION_NAMES: Mapping[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

#: Weights of the weighted Pearson correlation. Conventional, Investigative and Social carry
#: more weight because they are the interests that separate HIM work (O*NET high points).
INTEREST_WEIGHTS: Mapping[str, float] = {
    "R": 1.0,
    "I": 1.25,
    "A": 1.0,
    "S": 1.25,
    "E": 1.0,
    "C": 1.5,
}

#: Weights of the facet mismatches. They sum to 12.
FACET_WEIGHTS: Mapping[str, float] = {
    "patient_contact": 1.25,
    "clinical_detail": 1.25,
    "payer_finance": 1.25,
    "privacy_legal": 1.0,
    "data_analysis": 1.0,
    "technology_systems": 1.0,
    "research_registry": 1.0,
    "auditing": 1.0,
    "leading_people": 1.0,
    "remote_work": 0.75,
    "training_time": 1.5,
}

#: Shares of the combined fit (they sum to 1). Facets separate HIM roles better than RIASEC,
#: since almost every HIM role is Conventional first.
INTEREST_SHARE = 0.4
FACET_SHARE = 0.6

#: Fit bands, highest first: the first band whose floor the fit reaches.
BANDS: tuple[tuple[int, str], ...] = (
    (90, "Excellent fit"),
    (80, "Strong fit"),
    (70, "Good fit"),
    (55, "Some fit"),
    (0, "Weak fit"),
)

_FLAT_TOLERANCE = 1e-9
_REASON_CONTRIBUTION = 0.05  # smallest |contribution| that earns an interest reason

_NDIM = len(DIMENSIONS)
_NFACET = len(FACETS)
_W = tuple(INTEREST_WEIGHTS[d] for d in DIMENSIONS)
_WSUM = math.fsum(_W)
_FW = tuple(FACET_WEIGHTS[f] for f in FACETS)
_FWSUM = math.fsum(_FW)
_TT = FACETS.index(TRAINING)
#: The ten work facets in pairs, for the lookup tables (training_time is looked up alone).
_FACET_PAIRS: tuple[tuple[int, int], ...] = ((0, 1), (2, 3), (4, 5), (6, 7), (8, 9))
_HALF_INTEREST = INTEREST_SHARE / 2.0
_BAND_BY_FIT: tuple[str, ...] = tuple(
    next(label for floor, label in BANDS if fit >= floor) for fit in range(101)
)

# Plain-words phrases used in reason texts.
_DIMENSION_WORK: Mapping[str, str] = {
    "R": "hands-on, practical work",
    "I": "research and problem-solving work",
    "A": "creative, artistic work",
    "S": "helping and teaching work",
    "E": "leading and persuading work",
    "C": "organized, rule-based work",
}
_FACET_ACTIVITY: Mapping[str, str] = {
    "patient_contact": "working with patients face to face",
    "clinical_detail": "reading clinical notes about diagnoses and procedures",
    "payer_finance": "working with insurance claims and payments",
    "privacy_legal": "applying privacy rules and health information laws",
    "data_analysis": "working with numbers, queries and reports",
    "technology_systems": "setting up and testing software",
    "research_registry": "collecting case details for registries and studies",
    "auditing": "checking work against the rules",
    "leading_people": "leading, teaching and planning for a team",
    "remote_work": "working from home",
}
#: How long the shortest usual path to a first job takes, by training_time level.
TRAINING_WORDS: Mapping[int, str] = {
    1: "a few months",
    2: "about a year",
    3: "about two years",
    4: "about three years",
    5: "four years or more",
}


# --------------------------------------------------------------------------------------------
# Data types
# --------------------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value)


def _is_answer(value: object) -> bool:
    return (
        isinstance(value, int) and not isinstance(value, bool) and ANSWER_MIN <= value <= ANSWER_MAX
    )


def _checked_scores(
    what: str, values: Mapping[str, object], keys: tuple[str, ...], low: float, high: float
) -> dict[str, float]:
    if not isinstance(values, Mapping):
        raise TypeError(f"{what} must be a mapping, not {type(values).__name__}")
    extra = sorted(str(k) for k in values if k not in keys)
    missing = [k for k in keys if k not in values]
    if extra or missing:
        raise ValueError(
            f"{what} must have exactly the keys {', '.join(keys)}; missing {missing}, unknown {extra}"
        )
    out: dict[str, float] = {}
    for key in keys:
        value = values[key]
        if not _is_number(value) or not low <= value <= high:
            raise ValueError(
                f"{what}[{key!r}] must be a number from {low:g} to {high:g}, not {value!r}"
            )
        out[key] = float(value)
    return out


def _holland_code(interests: Mapping[str, float]) -> str:
    order = sorted(range(_NDIM), key=lambda k: (-interests[DIMENSIONS[k]], k))
    return "".join(DIMENSIONS[k] for k in order[:3])


def _weighted_deviations(values: Sequence[float]) -> tuple[tuple[float, ...], float]:
    """Deviations from the weighted mean and the weighted standard deviation."""
    mean = math.fsum(w * v for w, v in zip(_W, values, strict=True)) / _WSUM
    dev = tuple(v - mean for v in values)
    sd = math.sqrt(math.fsum(w * d * d for w, d in zip(_W, dev, strict=True)) / _WSUM)
    return dev, sd


def _is_flat(values: Sequence[float]) -> bool:
    return max(values) - min(values) <= _FLAT_TOLERANCE


@dataclass(frozen=True)
class Item:
    """One questionnaire item: either a RIASEC item (``dimension``) or a facet item (``facet``)."""

    code: str
    dimension: str | None = None
    facet: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code:
            raise ValueError(f"Item code must be a non-empty string, not {self.code!r}")
        if (self.dimension is None) == (self.facet is None):
            raise ValueError(f"Item {self.code!r} needs exactly one of dimension or facet")
        if self.dimension is not None and self.dimension not in DIMENSIONS:
            raise ValueError(f"Item {self.code!r}: unknown dimension {self.dimension!r}")
        if self.facet is not None and self.facet not in FACETS:
            raise ValueError(f"Item {self.code!r}: unknown facet {self.facet!r}")


@dataclass(frozen=True)
class RoleProfile:
    """A role as the scorer sees it.

    ``interests``: O*NET interest score 1-7 for each of R, I, A, S, E, C.
    ``facets``: level 1-5 (whole numbers) for each of the eleven facets.
    ``plural`` is used in sentences ("Neither you nor medical coders ...").

    The scoring vectors are computed once, here, and cached on the instance (the mappings are
    copied, so later changes to the dicts you passed in do not affect the role).
    """

    slug: str
    name: str
    plural: str
    interests: Mapping[str, float]
    facets: Mapping[str, int]

    def __post_init__(self) -> None:
        for attr in ("slug", "name", "plural"):
            value = getattr(self, attr)
            if not isinstance(value, str) or not value:
                raise ValueError(f"RoleProfile.{attr} must be a non-empty string, not {value!r}")
        interests = _checked_scores(
            f"Role {self.slug!r} interests", self.interests, DIMENSIONS, 1.0, 7.0
        )
        if not isinstance(self.facets, Mapping):
            raise TypeError(f"Role {self.slug!r} facets must be a mapping")
        extra = sorted(str(k) for k in self.facets if k not in FACETS)
        missing = [f for f in FACETS if f not in self.facets]
        if extra or missing:
            raise ValueError(
                f"Role {self.slug!r} facets must have exactly the eleven facets; missing {missing}, unknown {extra}"
            )
        facets: dict[str, int] = {}
        for f in FACETS:
            level = self.facets[f]
            if not _is_answer(level):
                raise ValueError(
                    f"Role {self.slug!r} facet {f!r} must be a whole number 1-5, not {level!r}"
                )
            facets[f] = int(level)
        setattr_ = object.__setattr__
        setattr_(self, "interests", interests)
        setattr_(self, "facets", facets)

        # Interest side: deviations from the weighted mean divided by the weighted SD, so that
        # r = sum(person_coefficient[k] * role_vector[k]). None when all six scores are equal.
        values = tuple(interests[d] for d in DIMENSIONS)
        if _is_flat(values):
            vector = None
        else:
            dev, sd = _weighted_deviations(values)
            vector = tuple(d / sd for d in dev)
        setattr_(self, "_ivec", vector)

        # Facet side: the facets go in pairs (see _FACET_PAIRS); for each pair one small index
        # into the person's pair table, which already holds the pair's two weighted mismatches
        # for this role's levels and top level. Six lookups give the whole facet penalty.
        top = max(facets[f] for f in WORK_FACETS)
        levels = tuple(facets[f] for f in FACETS)
        index = tuple(
            (top - 1) * 25 + (levels[a] - 1) * 5 + (levels[b] - 1) for a, b in _FACET_PAIRS
        ) + (levels[_TT] - 1,)
        setattr_(self, "_top", top)
        setattr_(self, "_tt", levels[_TT])
        # Everything rank() needs, in one flat tuple of small ints, floats and the slug: one
        # attribute lookup per role and no pointer chasing (the floats are allocated together).
        flat_vector = (0.0,) * _NDIM if vector is None else tuple(float(v) for v in vector)
        setattr_(self, "_rec", (*index, vector is not None, *flat_vector, self.slug, levels[_TT]))

    @property
    def holland_code(self) -> str:
        """Top three letters of the role's interest scores (ties in R-I-A-S-E-C order)."""
        return _holland_code(self.interests)

    @property
    def strongest_facets(self) -> tuple[str, ...]:
        """The facet(s) at the role's highest level, all eleven facets considered."""
        top = max(self.facets.values())
        return tuple(f for f in FACETS if self.facets[f] == top)


@dataclass(frozen=True)
class Profile:
    """A person's scores: ``interests`` 0-100 per dimension and ``facets`` 1-5 per facet.

    ``holland_code`` (the top three letters; ties broken by the R-I-A-S-E-C order) and
    ``is_flat`` (all six interest scores equal) are derived from ``interests``; leave them out
    and they are filled in, or pass them and they are checked.
    """

    interests: Mapping[str, float]
    facets: Mapping[str, float]
    holland_code: str = ""
    is_flat: bool | None = None

    def __post_init__(self) -> None:
        interests = _checked_scores("Profile interests", self.interests, DIMENSIONS, 0.0, 100.0)
        facets = _checked_scores("Profile facets", self.facets, FACETS, 1.0, 5.0)
        values = tuple(interests[d] for d in DIMENSIONS)
        holland = _holland_code(interests)
        flat = _is_flat(values)
        if self.holland_code and self.holland_code != holland:
            raise ValueError(
                f"holland_code {self.holland_code!r} does not match the interests ({holland!r})"
            )
        if self.is_flat is not None and bool(self.is_flat) != flat:
            raise ValueError(f"is_flat={self.is_flat!r} does not match the interests")
        setattr_ = object.__setattr__
        setattr_(self, "interests", interests)
        setattr_(self, "facets", facets)
        setattr_(self, "holland_code", holland)
        setattr_(self, "is_flat", flat)

        # Interest side: r = sum(coef[k] * role_vector[k]), coef_k = w_k * dx_k / (W * sd_x).
        if flat:
            coef = None
        else:
            dev, sd = _weighted_deviations(values)
            coef = tuple(w * d / (_WSUM * sd) for w, d in zip(_W, dev, strict=True))
        setattr_(self, "_coef", coef)

        # Facet side: cell[i][top-1][level-1] = w_i * mismatch / (4 * sum of weights), so a
        # role's facet fit is 1 minus the sum of its eleven cells. Cells are pre-added in pairs
        # (_FACET_PAIRS) into tables indexed by (top, level_a, level_b); training_time stands
        # alone (its mismatch does not depend on top).
        scale = 4.0 * _FWSUM
        cell = [
            [
                [_FW[i] * _mismatch(f, facets[f], level, top) / scale for level in range(1, 6)]
                for top in range(1, 6)
            ]
            for i, f in enumerate(FACETS)
        ]
        tables = [
            [x + y for top in range(5) for x in cell[a][top] for y in cell[b][top]]
            for a, b in _FACET_PAIRS
        ]
        tables.append(cell[_TT][0])
        setattr_(self, "_ftables", tuple(tables))
        setattr_(self, "_ptt", facets[TRAINING])

    @classmethod
    def from_scores(cls, interests: Mapping[str, float], facets: Mapping[str, float]) -> Profile:
        return cls(interests=interests, facets=facets)


@dataclass(frozen=True)
class Reason:
    """One plain-words reason. ``kind`` is one of ``REASON_KINDS``; ``key`` is the RIASEC letter,
    the facet name, or ``"interests"``."""

    kind: str
    text: str
    key: str


REASON_KINDS: tuple[str, ...] = (
    "shared_like",  # both above their own average on a dimension
    "shared_dislike",  # both below
    "asks_dislike",  # the role is high where the person is low
    "misses_like",  # the person is high where the role is low
    "flat_interests",  # the person's interest answers had no clear pattern
    "role_interests_flat",  # the role's interest scores are all equal (no pattern to compare)
    "facet_match",  # a big part of the job that the person likes
    "facet_mismatch",  # the job needs what the person dislikes, or lacks what they like
    "training_fits",
    "training_too_long",
)


@dataclass(frozen=True, slots=True)
class Match:
    """One role's result for one person.

    ``fit`` 0-100 and its ``band`` in words; ``interest_fit`` is the weighted correlation r
    (-1..1) or None when it is undefined (flat answers, or a role whose six scores are equal);
    ``facet_fit`` 0..1; ``training_fits``: the person's training_time answer reaches the role's
    level; ``reasons``: filled for explained matches, else empty.
    """

    slug: str
    fit: int
    band: str
    interest_fit: float | None
    facet_fit: float
    training_fits: bool
    reasons: tuple[Reason, ...] = ()


class AnswerError(ValueError):
    """Answers that cannot be scored.

    ``missing``: bank codes with no answer; ``invalid``: codes whose answer is not a whole number
    1-5 (``True``/``False``, strings and floats are refused); ``unknown``: answered codes that are
    not in the bank. Each is a sorted list.
    """

    def __init__(
        self,
        missing: Sequence[str] = (),
        invalid: Sequence[str] = (),
        unknown: Sequence[str] = (),
    ) -> None:
        self.missing = sorted(missing)
        self.invalid = sorted(invalid)
        self.unknown = sorted(unknown)
        parts = []
        if self.missing:
            parts.append(
                f"missing answers for {len(self.missing)} item(s): {', '.join(self.missing)}"
            )
        if self.invalid:
            parts.append(
                f"answers must be whole numbers from {ANSWER_MIN} to {ANSWER_MAX}; "
                f"invalid for: {', '.join(self.invalid)}"
            )
        if self.unknown:
            parts.append(f"unknown item codes: {', '.join(self.unknown)}")
        message = "; ".join(parts) if parts else "answers could not be scored"
        super().__init__(f"Cannot score the questionnaire: {message}")

    def __reduce__(self):
        return (type(self), (self.missing, self.invalid, self.unknown))


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def _mismatch(facet: str, person: float, level: int, top: int) -> float:
    """Mismatch 0-4 on one facet (see docs/scoring.md).

    shortfall = how far the person's liking falls below what the role needs;
    overage = how far it rises above. Overage is weighted by how much the role lacks the facet
    compared with its own main work, (top - level) / 4, so liking the role's strongest facet
    more is never penalised. training_time counts the shortfall only.
    """
    shortfall = level - person if level > person else 0.0
    if facet == TRAINING:
        return shortfall
    overage = person - level if person > level else 0.0
    lack = (top - level) / 4.0 if top > level else 0.0
    return shortfall + lack * overage


def weighted_correlation(x: Mapping[str, float], y: Mapping[str, float]) -> float | None:
    """Weighted Pearson correlation of two RIASEC score mappings (None if either is flat)."""
    xs = tuple(float(x[d]) for d in DIMENSIONS)
    ys = tuple(float(y[d]) for d in DIMENSIONS)
    if _is_flat(xs) or _is_flat(ys):
        return None
    dx, sx = _weighted_deviations(xs)
    dy, sy = _weighted_deviations(ys)
    r = math.fsum(w * a * b for w, a, b in zip(_W, dx, dy, strict=True)) / (_WSUM * sx * sy)
    return max(-1.0, min(1.0, r))


def interest_contributions(profile: Profile, role: RoleProfile) -> dict[str, float] | None:
    """Per-dimension contributions to the interest fit; they sum to ``interest_fit``.

    contribution_k = w_k (x_k - x̄_w)(y_k - ȳ_w) / (Σw · σx · σy). None when undefined.
    """
    coef, vec = profile._coef, role._ivec
    if coef is None or vec is None:
        return None
    return {d: coef[k] * vec[k] for k, d in enumerate(DIMENSIONS)}


def interest_fit(profile: Profile, role: RoleProfile) -> float | None:
    """Weighted Pearson r between the person's and the role's interests, or None when either
    side is flat (the same arithmetic as ``rank``)."""
    coef, vec = profile._coef, role._ivec
    if coef is None or vec is None:
        return None
    c0, c1, c2, c3, c4, c5 = coef
    v0, v1, v2, v3, v4, v5 = role._rec[7:13]
    r = c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3 + c4 * v4 + c5 * v5
    return 1.0 if r > 1.0 else (-1.0 if r < -1.0 else r)


def facet_fit(profile: Profile, role: RoleProfile) -> float:
    """1 - weighted mean facet mismatch / 4, in 0..1 (the same arithmetic as ``rank``)."""
    t0, t1, t2, t3, t4, t5 = profile._ftables
    i0, i1, i2, i3, i4, i5 = role._rec[:6]
    f = 1.0 - (t0[i0] + t1[i1] + t2[i2] + t3[i3] + t4[i4] + t5[i5])
    return 0.0 if f < 0.0 else f


def _combine(r: float | None, f: float) -> float:
    if r is None:
        return f
    return _HALF_INTEREST * (r + 1.0) + FACET_SHARE * f


# rank() builds Match objects without the frozen dataclass __init__ (which goes through
# object.__setattr__ once per field, about twice as slow): it fills the slots directly with the
# slot descriptors' setters. The result is an ordinary Match (equality, repr, pickling work).
_new_object = object.__new__
_MATCH_SETTERS = tuple(Match.__dict__[field.name].__set__ for field in fields(Match))
_REC = attrgetter("_rec")
_SLUG = attrgetter("slug")


def _to_fit(score: float) -> int:
    fit = round(100.0 * score)
    return 0 if fit < 0 else (100 if fit > 100 else fit)


def fit_band(fit: int) -> str:
    """The words for a fit 0-100: Excellent / Strong / Good / Some / Weak fit."""
    if not isinstance(fit, int) or isinstance(fit, bool) or not 0 <= fit <= 100:
        raise ValueError(f"fit must be a whole number 0-100, not {fit!r}")
    return _BAND_BY_FIT[fit]


def match(profile: Profile, role: RoleProfile, *, explain: bool = True) -> Match:
    """Score one role (same numbers as ``rank``)."""
    r = interest_fit(profile, role)
    f = facet_fit(profile, role)
    fit = _to_fit(_combine(r, f))
    return Match(
        slug=role.slug,
        fit=fit,
        band=_BAND_BY_FIT[fit],
        interest_fit=r,
        facet_fit=f,
        training_fits=profile._ptt >= role._tt,
        reasons=_explain(profile, role) if explain else (),
    )


def rank(
    profile: Profile, roles: Sequence[RoleProfile], *, explain: bool | int = True
) -> list[Match]:
    """All roles, best first: by ``fit`` (highest first), equal fits by slug (A-Z), equal slugs
    by input position. Deterministic.

    ``explain=True`` builds reasons for every match, ``False``/``0`` for none, and an int ``n``
    for the best ``n`` matches only (the others get empty reasons).

    ``roles`` may be any sequence of RoleProfile. A ``RoleSet`` (build it once and keep it) is
    faster for large catalogues: its rows sit together in memory, already in slug order.
    """
    if isinstance(explain, bool):
        n_explain = len(roles) if explain else 0
    elif isinstance(explain, int):
        if explain < 0:
            raise ValueError("explain must be True, False or a count >= 0")
        n_explain = explain
    else:
        raise TypeError("explain must be True, False or an int")

    in_slug_order = isinstance(roles, RoleSet)
    if in_slug_order:
        rows, row_roles = roles._rows(), roles._by_slug
    else:
        rows, row_roles = map(_REC, roles), roles

    coef = profile._coef
    flat = coef is None
    c0, c1, c2, c3, c4, c5 = (0.0,) * _NDIM if flat else coef
    t0, t1, t2, t3, t4, t5 = profile._ftables
    ptt = profile._ptt
    half, fshare = _HALF_INTEREST, FACET_SHARE
    bands = _BAND_BY_FIT
    new = _new_object
    set_slug, set_fit, set_band, set_r, set_f, set_tf, set_reasons = _MATCH_SETTERS

    # One pass in row order. Each match's row number also goes into the bucket of its fit
    # (0..100): a counting sort, so ordering costs O(n) rather than O(n log n).
    matches: list[Match] = []
    add_match = matches.append
    buckets: list[list[int]] = [[] for _ in range(101)]
    add_to = [bucket.append for bucket in buckets]
    for j, (i0, i1, i2, i3, i4, i5, has_vector, v0, v1, v2, v3, v4, v5, slug, tt) in enumerate(
        rows
    ):
        f = 1.0 - (t0[i0] + t1[i1] + t2[i2] + t3[i3] + t4[i4] + t5[i5])
        if f < 0.0:
            f = 0.0
        if flat or not has_vector:
            r = None
            s = f
        else:
            r = c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3 + c4 * v4 + c5 * v5
            if r > 1.0:
                r = 1.0
            elif r < -1.0:
                r = -1.0
            s = half * (r + 1.0) + fshare * f
        fit = round(100.0 * s)
        if fit > 100:
            fit = 100
        elif fit < 0:
            fit = 0
        m = new(Match)
        set_slug(m, slug)
        set_fit(m, fit)
        set_band(m, bands[fit])
        set_r(m, r)
        set_f(m, f)
        set_tf(m, ptt >= tt)
        set_reasons(m, ())
        add_match(m)
        add_to[fit](j)

    if not in_slug_order:
        # Order each bucket by slug (a stable sort, so equal slugs keep their input order; it
        # is quick when the input is already in slug order). A RoleSet's rows are in slug order.
        slug_of = [m.slug for m in matches].__getitem__
        for bucket in buckets:
            if len(bucket) > 1:
                bucket.sort(key=slug_of)
    order: list[int] = []
    for bucket in reversed(buckets):
        order += bucket
    out = list(map(matches.__getitem__, order))
    for pos in range(min(n_explain, len(out))):
        m = out[pos]
        out[pos] = Match(
            m.slug,
            m.fit,
            m.band,
            m.interest_fit,
            m.facet_fit,
            m.training_fits,
            _explain(profile, row_roles[order[pos]]),
        )
    return out


class RoleSet(Sequence):
    """An immutable sequence of RoleProfile prepared for fast ranking.

    Build it once for a catalogue and pass it to ``rank`` (it is a Sequence[RoleProfile], in the
    order given). It also keeps a fresh copy of every role's scoring row, in slug order and
    allocated together, so a ranking pass reads memory front to back and needs no sorting by
    slug. With thousands of roles this keeps the time per role flat: the rows of separately
    built RoleProfile objects lie scattered in memory and get slower per role as they outgrow
    the CPU caches.
    """

    __slots__ = ("_roles", "_by_slug", "_rows_copy")

    def __init__(self, roles: Iterable[RoleProfile] = ()) -> None:
        items = tuple(roles)
        for role in items:
            if not isinstance(role, RoleProfile):
                raise TypeError(f"RoleSet holds RoleProfile objects, not {type(role).__name__}")
        by_slug = tuple(sorted(items, key=_SLUG))  # stable: equal slugs keep their order
        rows = []
        for role in by_slug:
            rec = role._rec
            # Fresh copies of the floats and the slug, so that they sit next to this row in
            # memory (array(...).tolist() and encode/decode make new objects).
            vector = array("d", rec[7:13]).tolist()
            slug = rec[13].encode("utf-8").decode("utf-8")
            rows.append((*rec[:7], *vector, slug, rec[14]))
        self._roles = items
        self._by_slug = by_slug
        self._rows_copy = rows

    def _rows(self) -> Iterator[tuple]:
        """The same 15-field rows as ``RoleProfile._rec``, in slug order."""
        return iter(self._rows_copy)

    def __len__(self) -> int:
        return len(self._roles)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return RoleSet(self._roles[index])
        return self._roles[index]

    def __iter__(self) -> Iterator[RoleProfile]:
        return iter(self._roles)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RoleSet):
            return self._roles == other._roles
        return NotImplemented

    __hash__ = None  # like the RoleProfiles it holds (their mappings are not hashable)

    def __repr__(self) -> str:
        return f"RoleSet({len(self._roles)} roles)"

    def __reduce__(self):
        return (RoleSet, (self._roles,))


# --------------------------------------------------------------------------------------------
# Reasons
# --------------------------------------------------------------------------------------------


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _interest_reasons(profile: Profile, role: RoleProfile) -> list[Reason]:
    if profile.is_flat:
        return [
            Reason(
                "flat_interests",
                "Your answers about kinds of work had no clear pattern (you rated them all the "
                "same), so this match is based on your work preferences alone. That is fine: "
                "many people feel that way.",
                "interests",
            )
        ]
    contributions = interest_contributions(profile, role)
    if contributions is None:
        return [
            Reason(
                "role_interests_flat",
                f"We have no clear interest pattern for {role.plural}, so this match is based "
                "on your work preferences alone.",
                "interests",
            )
        ]
    plural = role.plural
    coef, vec = profile._coef, role._ivec
    positives, negatives = [], []
    for k, d in enumerate(DIMENSIONS):
        c = contributions[d]
        if abs(c) < _REASON_CONTRIBUTION:
            continue
        person_high = coef[k] > 0
        role_high = vec[k] > 0
        score = profile.interests[d]
        work = f"{_DIMENSION_WORK[d]} ({DIMENSION_NAMES[d]})"
        if c > 0 and person_high:
            positives.append(
                (c, k, Reason("shared_like", f"You and {plural} both lean toward {work}.", d))
            )
        elif c > 0:
            positives.append(
                (c, k, Reason("shared_dislike", f"Neither you nor {plural} lean toward {work}.", d))
            )
        elif role_high:
            said = (
                "which you said you dislike"
                if score < 50.0
                else "which you rated below your other interests"
            )
            negatives.append(
                (-c, k, Reason("asks_dislike", f"The job asks for {work}, {said}.", d))
            )
        else:
            said = (
                "which you said you like"
                if score > 50.0
                else "which you rated above your other interests"
            )
            negatives.append(
                (-c, k, Reason("misses_like", f"{_cap(plural)} do little {work}, {said}.", d))
            )
    positives.sort(key=lambda t: (-t[0], t[1]))
    negatives.sort(key=lambda t: (-t[0], t[1]))
    chosen = positives[:2] + negatives[:2]
    chosen.sort(key=lambda t: (-t[0], t[1]))
    return [reason for _, _, reason in chosen[:3]]


def _facet_reasons(profile: Profile, role: RoleProfile) -> list[Reason]:
    plural = role.plural
    top = role._top
    likes, clashes = [], []
    for i, f in enumerate(WORK_FACETS):
        p = profile.facets[f]
        level = role.facets[f]
        if level >= 4 and p >= 4.0:
            if f == "remote_work":
                text = f"You'd like to work from home, and {plural} often can."
            else:
                text = (
                    f"You like {_FACET_ACTIVITY[f]}, and it is a big part of the job for {plural}."
                )
            likes.append((-(level + p) * _FW[i], i, Reason("facet_match", text, f)))
        elif level >= 3 and p <= 2.0 and level - p >= 2.0:
            if f == "remote_work":
                text = f"{_cap(plural)} often work from home, which you said you'd rather not do."
            else:
                text = f"{_cap(plural)} spend a lot of time {_FACET_ACTIVITY[f]}, which you said you dislike."
            clashes.append((-(level - p) * _FW[i], i, Reason("facet_mismatch", text, f)))
        elif level <= 2 and p >= 4.0 and (top - level) / 4.0 * (p - level) >= 1.0:
            if f == "remote_work":
                text = f"You'd like to work from home, but {plural} rarely can."
            else:
                text = f"You like {_FACET_ACTIVITY[f]}, but {plural} do little of it."
            clashes.append(
                (-(top - level) / 4.0 * (p - level) * _FW[i], i, Reason("facet_mismatch", text, f))
            )
    likes.sort(key=lambda t: (t[0], t[1]))
    clashes.sort(key=lambda t: (t[0], t[1]))
    return [reason for _, _, reason in likes[:2] + clashes[:2]]


def _training_reason(profile: Profile, role: RoleProfile) -> Reason:
    words = TRAINING_WORDS[role._tt]
    if profile._ptt >= role._tt:
        return Reason(
            "training_fits",
            f"Getting started usually takes {words}, which fits the time you said you'd spend training.",
            TRAINING,
        )
    return Reason(
        "training_too_long",
        f"Training usually takes longer than you said you'd like: {words} before a first job.",
        TRAINING,
    )


def _explain(profile: Profile, role: RoleProfile) -> tuple[Reason, ...]:
    return tuple(
        _interest_reasons(profile, role)
        + _facet_reasons(profile, role)
        + [_training_reason(profile, role)]
    )


def explain(profile: Profile, role: RoleProfile) -> tuple[Reason, ...]:
    """Reasons for one match, in this order: interests (up to 3, strongest first), facets
    (up to 2 matches, then up to 2 mismatches), training (always one)."""
    return _explain(profile, role)


# --------------------------------------------------------------------------------------------
# Answers -> profile
# --------------------------------------------------------------------------------------------


def _bank(items: Sequence[Item]) -> dict[str, Item]:
    bank: dict[str, Item] = {}
    for item in items:
        if not isinstance(item, Item):
            raise TypeError(f"items must be Item objects, not {type(item).__name__}")
        if item.code in bank:
            raise ValueError(f"Duplicate item code in the bank: {item.code!r}")
        bank[item.code] = item
    covered_d = {it.dimension for it in bank.values() if it.dimension}
    covered_f = {it.facet for it in bank.values() if it.facet}
    lacking = [d for d in DIMENSIONS if d not in covered_d] + [
        f for f in FACETS if f not in covered_f
    ]
    if lacking:
        raise ValueError(f"The item bank has no items for: {', '.join(lacking)}")
    return bank


def build_profile(items: Sequence[Item], answers: Mapping[str, int]) -> Profile:
    """Turn answers (item code -> 1..5) into a Profile.

    Interest score per dimension = (mean answer - 1) / 4 * 100; facet score = mean answer.
    Every item in the bank must be answered with a whole number 1-5, and no other code may
    appear: otherwise ``AnswerError`` lists the missing, invalid and unknown codes.
    """
    bank = _bank(items)
    if not isinstance(answers, Mapping):
        raise TypeError(
            f"answers must be a mapping of item code to 1-5, not {type(answers).__name__}"
        )
    missing = [code for code in bank if code not in answers]
    unknown = [str(code) for code in answers if code not in bank]
    invalid = [code for code in bank if code in answers and not _is_answer(answers[code])]
    if missing or invalid or unknown:
        raise AnswerError(missing=missing, invalid=invalid, unknown=unknown)

    sums: dict[str, int] = {}
    counts: dict[str, int] = {}
    for code, item in bank.items():
        key = item.dimension or item.facet
        sums[key] = sums.get(key, 0) + int(answers[code])
        counts[key] = counts.get(key, 0) + 1
    interests = {d: (sums[d] / counts[d] - 1.0) / 4.0 * 100.0 for d in DIMENSIONS}
    facets = {f: sums[f] / counts[f] for f in FACETS}
    return Profile(interests=interests, facets=facets)
