"""Scoring core of the HIM Careers questionnaire (model 2: the absolute scale).

Pure Python (standard library and the pure ``core.vocabulary`` only): no Django, so it can be
tested, simulated and benchmarked anywhere. ``docs/scoring.md`` is its specification and holds a
worked example that ``tests/assessments/test_scoring.py`` checks digit by digit.

A person gives six RIASEC interest scores (0-100), a want 1-5 on each work facet and a training
limit (1-5). A role gives six O*NET interest scores (1-7), a level 1-5 on each work facet and the
months of its shortest route to a first job. For one person and one role:

* interest agreement ``I``: the weighted Pearson r of the two interest profiles, shrunk when the
  person's interest answers barely differ (0 when they are flat);
* facet agreement ``F``: on the absolute 1-5 scale, each facet adds ``want x level`` agreement
  around the neutral 3 (a want met counts for, a want missed or a dislike demanded against),
  weighted by how decided the person is; divided by the size of the role's own profile, so a
  role with vague, middling levels gains nothing;
* ``score = c x (0.2 I + 0.8 F) - 0.08 x (doublings of the time to a first job beyond the
  person's limit)``, where ``c`` (0-1) is how much the person's answers differ from each other;
* ``fit = round(50 + 100 x score)``, clamped to 0-100. Roles are ranked by the exact score.

Reason texts live in ``assessments.scoring_reasons``; they are built only for the matches asked
for. For thousands of roles, keep them in a ``RoleSet``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from numbers import Real

from core.vocabulary import (
    DIMENSION_NAMES,
    DIMENSIONS,
    QUESTION_FACETS,
    TRAINING,
    TRAINING_STEPS,
    TRAINING_WORDS,
    WORK_FACETS,
    gettext_noop,
    training_step,
)

__all__ = [
    "ANSWER_MAX",
    "ANSWER_MIN",
    "BANDS",
    "CLOSE_CALL_POINTS",
    "DIMENSIONS",
    "DIMENSION_NAMES",
    "FACETS",
    "FACET_SHARE",
    "FACET_WEIGHTS",
    "INTEREST_SHARE",
    "INTEREST_WEIGHTS",
    "MODEL_VERSION",
    "TRAINING",
    "TRAINING_PENALTY",
    "TRAINING_SLACK_MONTHS",
    "TRAINING_WORDS",
    "WORK_FACETS",
    "AnswerError",
    "Item",
    "Match",
    "Profile",
    "RoleProfile",
    "RoleSet",
    "build_profile",
    "close_call",
    "is_undecided",
    "one_step_firsts",
    "facet_agreement",
    "fit_band",
    "interest_contributions",
    "interest_fit",
    "match",
    "rank",
    "training_shortfall",
    "weighted_correlation",
]

MODEL_VERSION = "2"

#: Keys a questionnaire statement may belong to besides a RIASEC letter.
FACETS: tuple[str, ...] = QUESTION_FACETS

ANSWER_MIN = 1
ANSWER_MAX = 5
NEUTRAL = 3.0

#: Weights of the weighted Pearson correlation (C, I and S set HIM work apart).
INTEREST_WEIGHTS: Mapping[str, float] = {"R": 1.0, "I": 1.25, "A": 1.0, "S": 1.25, "E": 1.0, "C": 1.5}
#: An interest profile with a weighted spread (SD, 0-100 scale) of this or more counts in full:
#: about twice the spread pure random clicking gives (five answers per letter: SD about 14), so
#: a profile counts in full only when it clearly stands out from noise.
INTEREST_SPREAD_FULL = 30.0

#: Facet weights. Remote work is an option, not the work itself, so it weighs less.
FACET_WEIGHTS: Mapping[str, float] = {f: (0.5 if f == "remote_work" else 1.0) for f in WORK_FACETS}
#: How much a dislike the role demands counts, against a want the role meets (1).
DISLIKE_DEMANDED = 1.5
#: How much a dislike the role spares the person counts (a small credit).
DISLIKE_SPARED = 0.2
#: The facet answers count in full once their spread (SD, 1-5 scale) reaches this.
SPREAD_FULL = 0.9

#: Shares of the interest and facet parts. r spans -1..1 while F averages eleven facets, so at
#: 0.3/0.7 the interest part still spread the roles as widely as the facet part (mean SD across
#: roles 0.054 vs 0.045, realistic population); at 0.2/0.8 the facets, which describe the job
#: itself, are the wider part (docs/scoring.md section 4).
INTEREST_SHARE = 0.2
FACET_SHARE = 0.8
#: Score lost per doubling of the time to a first job beyond the person's limit (see
#: ``training_shortfall``): a route twice as long as planned costs 8 fit points.
TRAINING_PENALTY = 0.08
#: Months added to both times before they are compared, so that a route of 3 months against a
#: limit of "a few weeks" is a small stretch, not a tripling.
TRAINING_SLACK_MONTHS = 6
#: A role with no sourced time to a first job counts as this long (five years): such a role is
#: reached after years in another HIM job. The step is the longest one.
UNKNOWN_TRAINING_MONTHS = 60
UNKNOWN_TRAINING_STEP = 5
#: The longest time (months) each training answer covers; the last answer has no limit.
_LIMIT_MONTHS: tuple[int | None, ...] = tuple(longest for _step, _label, longest in TRAINING_STEPS)
#: Fit points per unit of score: fit = 50 + 100 x score, so a score of 0 (no evidence) is 50.
FIT_SCALE = 100.0
#: Two matches this many fit points apart or less are a close call.
CLOSE_CALL_POINTS = 2

#: Fit bands, highest first: the first band whose floor the fit reaches. Calibrated on 20,000
#: uniformly random answer sets (docs/validation.md): the top band is reached by fewer than 5%
#: of them; an all-"Unsure" or all-alike answer set scores 50, which stays in "Some fit".
BANDS: tuple[tuple[int, str], ...] = (
    (65, gettext_noop("Excellent fit")),
    (59, gettext_noop("Strong fit")),
    (54, gettext_noop("Good fit")),
    (45, gettext_noop("Some fit")),
    (0, gettext_noop("Weak fit")),
)

_FLAT = 1e-9
_NDIM = len(DIMENSIONS)
_NF = len(WORK_FACETS)
_W = tuple(INTEREST_WEIGHTS[d] for d in DIMENSIONS)
_WSUM = math.fsum(_W)
_FW = tuple(FACET_WEIGHTS[f] for f in WORK_FACETS)
_FW_SUM = math.fsum(_FW)
_REMOTE = WORK_FACETS.index("remote_work")
#: Facets taken in pairs for the lookup tables; an odd one out stands alone.
_PAIRS: tuple[tuple[int, ...], ...] = tuple(
    tuple(range(k, min(k + 2, _NF))) for k in range(0, _NF, 2)
)
_BAND_BY_FIT: tuple[str, ...] = tuple(
    next(label for floor, label in BANDS if fit >= floor) for fit in range(101)
)


# --------------------------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value)


def _is_answer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and ANSWER_MIN <= value <= ANSWER_MAX


def _checked_scores(what, values, keys, low, high) -> dict[str, float]:
    if not isinstance(values, Mapping):
        raise TypeError(f"{what} must be a mapping, not {type(values).__name__}")
    extra = sorted(str(k) for k in values if k not in keys)
    missing = [k for k in keys if k not in values]
    if extra or missing:
        raise ValueError(f"{what} must have exactly the keys {', '.join(keys)}; missing {missing}, unknown {extra}")
    out = {}
    for key in keys:
        value = values[key]
        if not _is_number(value) or not low <= value <= high:
            raise ValueError(f"{what}[{key!r}] must be a number from {low:g} to {high:g}, not {value!r}")
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
    return max(values) - min(values) <= _FLAT


def training_shortfall(months: int | None, limit: int) -> float:
    """How far a role's time to a first job (months) goes beyond a training answer (1-5), in
    doublings: ``log2((months + 6) / (longest months the answer covers + 6))``, 0 when it fits.

    One doubling is about one answer step (the answers run to a month, 6, 12, 24 and more), but
    the size of the gap counts, not the number of answer boundaries it crosses: 3 months against
    "a few weeks" is 0.36, 24 months against "up to 6 months" 1.32, 108 months against "about 2
    years" 1.93. Unknown months count as ``UNKNOWN_TRAINING_MONTHS``.
    """
    longest = _LIMIT_MONTHS[limit - 1]
    months = UNKNOWN_TRAINING_MONTHS if months is None else months
    if longest is None or months <= longest:
        return 0.0
    return math.log2((months + TRAINING_SLACK_MONTHS) / (longest + TRAINING_SLACK_MONTHS))


# --------------------------------------------------------------------------------------------
# Data types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One statement: a RIASEC item (``dimension``) or a facet/training item (``facet``)."""

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

    ``interests``: O*NET score 1-7 per RIASEC letter. ``facets``: whole-number level 1-5 on each
    work facet. ``months_to_first_job``: the shortest route to a first job (None: not known).
    ``plural`` is used in sentences ("medical coders often can"). The mappings are copied and the
    scoring vectors computed once, here.
    """

    slug: str
    name: str
    plural: str
    interests: Mapping[str, float]
    facets: Mapping[str, int]
    months_to_first_job: int | None = None

    def __post_init__(self) -> None:
        for attr in ("slug", "name", "plural"):
            value = getattr(self, attr)
            if not isinstance(value, str) or not value:
                raise ValueError(f"RoleProfile.{attr} must be a non-empty string, not {value!r}")
        interests = _checked_scores(f"Role {self.slug!r} interests", self.interests, DIMENSIONS, 1.0, 7.0)
        if not isinstance(self.facets, Mapping):
            raise TypeError(f"Role {self.slug!r} facets must be a mapping")
        extra = sorted(str(k) for k in self.facets if k not in WORK_FACETS)
        missing = [f for f in WORK_FACETS if f not in self.facets]
        if extra or missing:
            raise ValueError(f"Role {self.slug!r} facets must be exactly the work facets; missing {missing}, unknown {extra}")
        facets = {}
        for f in WORK_FACETS:
            if not _is_answer(self.facets[f]):
                raise ValueError(f"Role {self.slug!r} facet {f!r} must be a whole number 1-5, not {self.facets[f]!r}")
            facets[f] = int(self.facets[f])
        step = training_step(self.months_to_first_job)  # raises ValueError on a bad value
        set_ = object.__setattr__
        set_(self, "interests", interests)
        set_(self, "facets", facets)
        values = tuple(interests[d] for d in DIMENSIONS)
        if _is_flat(values):
            vector = (0.0,) * _NDIM
        else:
            dev, sd = _weighted_deviations(values)
            vector = tuple(d / sd for d in dev)
        levels = tuple(facets[f] for f in WORK_FACETS)
        # The size of the role's profile around the neutral 3 (at least one step, so that a role
        # of all 3s divides by something): its agreement with a person is divided by it.
        size = math.sqrt(math.fsum(w * (lv - NEUTRAL) ** 2 for w, lv in zip(_FW, levels, strict=True)) / math.fsum(_FW))
        index = tuple(
            sum((levels[i] - 1) * 5 ** (len(pair) - 1 - k) for k, i in enumerate(pair)) for pair in _PAIRS
        )
        set_(self, "_ivec", None if _is_flat(values) else vector)
        set_(self, "_step", step)
        set_(self, "_norm", 1.0 / max(size, 1.0))
        # Per training answer 1-5: (answer steps beyond it, doublings beyond it); index 0 unused.
        longest = step or UNKNOWN_TRAINING_STEP
        short = ((0, 0.0),) + tuple(
            (max(0, longest - limit), training_shortfall(self.months_to_first_job, limit)) for limit in range(1, 6)
        )
        set_(self, "_short", short)
        # Everything rank() needs in one flat tuple: facet table indices, 1/size, the interest
        # vector, the training table above and the slug.
        set_(self, "_rec", (*index, 1.0 / max(size, 1.0), *vector, short, self.slug))

    @property
    def holland_code(self) -> str:
        """Top three letters of the role's interest scores (ties in R-I-A-S-E-C order)."""
        return _holland_code(self.interests)

    @property
    def training_step(self) -> int | None:
        """The training answer (1-5) this role's shortest route needs, or None if unknown."""
        return self._step


@dataclass(frozen=True)
class Profile:
    """A person's scores: ``interests`` 0-100 per letter, ``facets`` 1-5 per work facet and
    ``training`` 1-5 (how long they could train; 5 = four years or more).

    ``holland_code`` and ``is_flat`` (all six interest scores equal) are derived; pass them and
    they are checked. ``spread`` (0-1) says how much the answers differ from each other.
    """

    interests: Mapping[str, float]
    facets: Mapping[str, float]
    training: int = 5
    holland_code: str = ""
    is_flat: bool | None = None

    def __post_init__(self) -> None:
        interests = _checked_scores("Profile interests", self.interests, DIMENSIONS, 0.0, 100.0)
        facets = _checked_scores("Profile facets", self.facets, WORK_FACETS, 1.0, 5.0)
        if not _is_answer(self.training):
            raise ValueError(f"Profile training must be a whole number 1-5, not {self.training!r}")
        values = tuple(interests[d] for d in DIMENSIONS)
        holland, flat = _holland_code(interests), _is_flat(values)
        if self.holland_code and self.holland_code != holland:
            raise ValueError(f"holland_code {self.holland_code!r} does not match the interests ({holland!r})")
        if self.is_flat is not None and bool(self.is_flat) != flat:
            raise ValueError(f"is_flat={self.is_flat!r} does not match the interests")
        self._derive(interests, facets, values, holland, flat)

    def _derive(self, interests: dict[str, float], facets: dict[str, float], values: tuple[float, ...], holland: str, flat: bool) -> None:
        set_ = object.__setattr__
        for name, value in (("interests", interests), ("facets", facets), ("holland_code", holland), ("is_flat", flat)):
            set_(self, name, value)
        wants = tuple(facets[f] for f in WORK_FACETS)
        set_(self, "spread", _spread(values, wants))
        coef, shrink = _interest_coefficients(values, flat)
        set_(self, "_coef", coef)
        set_(self, "_shrink", shrink)
        set_(self, "_cells", [_facet_cells(i, want) for i, want in enumerate(wants)])
        set_(self, "_tables", tuple(_wants_table(pair, tuple(wants[i] for i in pair)) for pair in _PAIRS))

    @classmethod
    def _of_answers(cls, interests: dict[str, float], facets: dict[str, float], training: int) -> Profile:
        """The Profile of already checked answers: ``interests`` (floats 0-100 in DIMENSIONS
        order) and ``facets`` (floats 1-5 in WORK_FACETS order) are means of whole answers 1-5,
        so the range checks of ``__init__`` cannot fail; the same fields, derived the same way."""
        profile = object.__new__(cls)
        object.__setattr__(profile, "training", training)
        values = tuple(interests.values())
        profile._derive(interests, facets, values, _holland_code(interests), _is_flat(values))
        return profile


# The parts of a Profile that rank() reads, each a function of part of the answers, so that
# assessments.scoring_stability can rebuild only the part one changed answer reaches.


def _interest_coefficients(values: Sequence[float], flat: bool) -> tuple[tuple[float, ...] | None, float]:
    """(coefficients of the weighted r against a standardised role vector, shrink factor)."""
    if flat:
        return None, 0.0
    dev, sd = _weighted_deviations(values)
    return tuple(w * d / (_WSUM * sd) for w, d in zip(_W, dev, strict=True)), min(1.0, sd / INTEREST_SPREAD_FULL)


@functools.lru_cache(maxsize=4096)
def _facet_cells(i: int, want: float) -> tuple[float, ...]:
    """facet_term of work facet number ``i`` for a want, at each role level 1-5: a function of
    a mean of a few answers, so memoised (a few hundred values at most)."""
    facet = WORK_FACETS[i]
    return tuple(facet_term(facet, want, lv) for lv in range(1, 6))


def _pair_table(cells, pair: tuple[int, ...]) -> tuple[float, ...]:
    if len(pair) == 1:
        return tuple(cells[pair[0]])
    a, b = pair
    return tuple(x + y for x in cells[a] for y in cells[b])


@functools.lru_cache(maxsize=8192)
def _wants_table(pair: tuple[int, ...], wants: tuple[float, ...]) -> tuple[float, ...]:
    """_pair_table of the facets of ``pair`` at these wants (one per facet): a function of a
    few means of answers, so memoised (a few thousand at most)."""
    return _pair_table({i: _facet_cells(i, want) for i, want in zip(pair, wants, strict=True)}, pair)


def _spread(interests: Sequence[float], facets: Sequence[float]) -> float:
    """How much the answers differ from each other, 0 (all alike) to 1 (clearly different).

    The SD of the six interest means and the facet wants, all on the 1-5 scale, over
    ``SPREAD_FULL``, capped at 1.
    """
    return _spread_of([1.0 + x / 25.0 for x in interests] + list(facets))


def _spread_of(values: Sequence[float]) -> float:
    """_spread of the interest means (on the 1-5 scale) followed by the facet wants."""
    mean = math.fsum(values) / len(values)
    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))
    return min(1.0, sd / SPREAD_FULL)


def facet_term(facet: str, want: float, level: int) -> float:
    """One facet's weighted agreement between a want (1-5) and a role level (1-5).

    With ``a = (want - 3) / 2`` and ``b = (level - 3) / 2`` (both -1..1): ``a x b`` when the
    person wants it (a > 0); ``DISLIKE_DEMANDED x a x b`` (1.5) when they dislike it and the
    role asks for it; ``DISLIKE_SPARED x a x b`` (0.2) when they dislike it and the role spares
    them. For remote work only a want
    counts: preferring on-site work costs nothing, since every role has on-site jobs too.
    """
    a = (want - NEUTRAL) / 2.0
    b = (level - NEUTRAL) / 2.0
    if a > 0.0:
        k = 1.0
    elif facet == "remote_work":
        k = 0.0
    else:
        k = DISLIKE_DEMANDED if b > 0.0 else DISLIKE_SPARED
    return FACET_WEIGHTS[facet] * k * a * b / _FW_SUM


@dataclass(frozen=True, slots=True)
class Match:
    """One role's result for one person.

    ``score``: the exact score the ranking uses (-1..1 before the clamp); ``fit`` 0-100 and its
    ``band``; ``interest_fit``: the weighted r (None when undefined); ``facet_fit``: the facet
    agreement F; ``training_gap``: answer steps of training beyond the person's limit (0 = fits;
    a role with no known route counts as the longest step; the score uses the size of the gap,
    ``training_shortfall``); ``reasons``: filled for explained matches.
    """

    slug: str
    fit: int
    band: str
    interest_fit: float | None
    facet_fit: float
    training_gap: int
    score: float
    reasons: tuple = ()

    @property
    def training_fits(self) -> bool:
        return not self.training_gap


class AnswerError(ValueError):
    """Answers that cannot be scored: ``missing``, ``invalid`` (not a whole number 1-5) and
    ``unknown`` codes, each a sorted list."""

    def __init__(self, missing: Sequence[str] = (), invalid: Sequence[str] = (), unknown: Sequence[str] = ()) -> None:
        self.missing, self.invalid, self.unknown = sorted(missing), sorted(invalid), sorted(unknown)
        parts = []
        if self.missing:
            parts.append(f"missing answers for {len(self.missing)} item(s): {', '.join(self.missing)}")
        if self.invalid:
            parts.append(f"answers must be whole numbers from {ANSWER_MIN} to {ANSWER_MAX}; invalid for: {', '.join(self.invalid)}")
        if self.unknown:
            parts.append(f"unknown item codes: {', '.join(self.unknown)}")
        super().__init__(f"Cannot score the questionnaire: {'; '.join(parts) or 'answers could not be scored'}")

    def __reduce__(self):
        return (type(self), (self.missing, self.invalid, self.unknown))


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def weighted_correlation(x: Mapping[str, float], y: Mapping[str, float]) -> float | None:
    """Weighted Pearson correlation of two RIASEC score mappings (None if either is flat)."""
    xs, ys = tuple(float(x[d]) for d in DIMENSIONS), tuple(float(y[d]) for d in DIMENSIONS)
    if _is_flat(xs) or _is_flat(ys):
        return None
    dx, sx = _weighted_deviations(xs)
    dy, sy = _weighted_deviations(ys)
    r = math.fsum(w * a * b for w, a, b in zip(_W, dx, dy, strict=True)) / (_WSUM * sx * sy)
    return max(-1.0, min(1.0, r))


def interest_contributions(profile: Profile, role: RoleProfile) -> dict[str, float] | None:
    """Per-letter parts of ``interest_fit`` (they add up to it); None when it is undefined."""
    if profile._coef is None or role._ivec is None:
        return None
    return {d: profile._coef[k] * role._ivec[k] for k, d in enumerate(DIMENSIONS)}


def interest_fit(profile: Profile, role: RoleProfile) -> float | None:
    """Weighted r between the person's and the role's interests (None when either is flat)."""
    parts = interest_contributions(profile, role)
    return None if parts is None else max(-1.0, min(1.0, sum(parts.values())))


def facet_agreement(profile: Profile, role: RoleProfile) -> float:
    """F: the facet terms added up and divided by the role's size (the arithmetic of rank)."""
    return sum(profile._cells[i][role.facets[f] - 1] for i, f in enumerate(WORK_FACETS)) * role._norm


def _training_gap(profile: Profile, role: RoleProfile) -> int:
    return role._short[profile.training][0]


def _to_fit(score: float) -> int:
    fit = round(50.0 + FIT_SCALE * score)
    return 0 if fit < 0 else (100 if fit > 100 else fit)


def fit_band(fit: int) -> str:
    """The words for a fit 0-100 (see BANDS)."""
    if not isinstance(fit, int) or isinstance(fit, bool) or not 0 <= fit <= 100:
        raise ValueError(f"fit must be a whole number 0-100, not {fit!r}")
    return _BAND_BY_FIT[fit]


def _combine(profile: Profile, r: float | None, f: float, short: float) -> float:
    i = 0.0 if r is None else r * profile._shrink
    return profile.spread * (INTEREST_SHARE * i + FACET_SHARE * f) - TRAINING_PENALTY * short


def match(profile: Profile, role: RoleProfile, *, explain: bool = True) -> Match:
    """Score one role (the same numbers as ``rank``)."""
    r = interest_fit(profile, role)
    f = facet_agreement(profile, role)
    gap, short = role._short[profile.training]
    score = _combine(profile, r, f, short)
    fit = _to_fit(score)
    m = Match(role.slug, fit, _BAND_BY_FIT[fit], r, f, gap, score)
    return _explained(m, profile, role) if explain else m


def _explained(m: Match, profile: Profile, role: RoleProfile) -> Match:
    from assessments.scoring_reasons import explain  # noqa: PLC0415 (reasons import this module)

    return Match(m.slug, m.fit, m.band, m.interest_fit, m.facet_fit, m.training_gap, m.score, explain(profile, role, m))


# rank() fills Match objects through the slot setters (a frozen dataclass __init__ goes through
# object.__setattr__ once per field, several times slower); the result is an ordinary Match.
_new_object = object.__new__
_MATCH_SETTERS = tuple(Match.__dict__[f.name].__set__ for f in fields(Match))


def _scores(profile: Profile, rows: Iterable[tuple]) -> tuple[list[float], list[float], list[float], list[int]]:
    """Scores, r, F and training gaps of the rows, in row order: the hot loop of rank()."""
    coef = profile._coef
    c0, c1, c2, c3, c4, c5 = coef if coef is not None else (0.0,) * _NDIM
    t0, t1, t2, t3, t4, t5 = profile._tables
    spread, fshare, penalty, limit = profile.spread, FACET_SHARE, TRAINING_PENALTY, profile.training
    ishare = INTEREST_SHARE * profile._shrink
    scores, rs, fs, gaps = [], [], [], []
    add_s, add_r, add_f, add_g = scores.append, rs.append, fs.append, gaps.append
    for i0, i1, i2, i3, i4, i5, norm, v0, v1, v2, v3, v4, v5, short, _slug in rows:
        f = (t0[i0] + t1[i1] + t2[i2] + t3[i3] + t4[i4] + t5[i5]) * norm
        r = c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3 + c4 * v4 + c5 * v5
        r = 1.0 if r > 1.0 else (-1.0 if r < -1.0 else r)
        gap, doublings = short[limit]
        add_s(spread * (ishare * r + fshare * f) - penalty * doublings)
        add_r(r)
        add_f(f)
        add_g(gap)
    return scores, rs, fs, gaps


def rank(profile: Profile, roles: Sequence[RoleProfile], *, explain: bool | int = True) -> list[Match]:
    """All roles, best first by the exact score; equal scores by slug (A-Z), equal slugs by
    input position. ``explain``: True for reasons on every match, False/0 for none, an int n
    for the best n only. A ``RoleSet`` is faster for big catalogues (rows kept in slug order)."""
    if isinstance(explain, bool):
        n_explain = len(roles) if explain else 0
    elif isinstance(explain, int) and explain >= 0:
        n_explain = explain
    else:
        raise (TypeError if not isinstance(explain, int) else ValueError)("explain must be True, False or a count >= 0")
    if isinstance(roles, RoleSet):
        ordered, rows = roles._by_slug, roles._rows
    else:
        ordered = sorted(roles, key=lambda role: role.slug)  # stable: equal slugs keep input order
        rows = [role._rec for role in ordered]
    scores, rs, fs, gaps = _scores(profile, rows)
    negated = [-x for x in scores]
    order = sorted(range(len(scores)), key=negated.__getitem__)  # stable: ties stay in slug order
    no_r = profile._coef is None
    new, bands, scale = _new_object, _BAND_BY_FIT, FIT_SCALE
    set_slug, set_fit, set_band, set_r, set_f, set_gap, set_score, set_reasons = _MATCH_SETTERS
    out = []
    add = out.append
    for j in order:
        score = scores[j]
        fit = round(50.0 + scale * score)
        fit = 0 if fit < 0 else (100 if fit > 100 else fit)
        rec = rows[j]
        m = new(Match)
        set_slug(m, rec[14])
        set_fit(m, fit)
        set_band(m, bands[fit])
        set_r(m, None if no_r or ordered[j]._ivec is None else rs[j])
        set_f(m, fs[j])
        set_gap(m, gaps[j])
        set_score(m, score)
        set_reasons(m, ())
        add(m)
    if n_explain:
        from assessments.scoring_reasons import explain as reasons  # noqa: PLC0415 (reasons import this module)

        for pos in range(min(n_explain, len(out))):  # new objects of this call: filled in place
            m = out[pos]
            set_reasons(m, reasons(profile, ordered[order[pos]], m))
    return out


#: Answers whose spread is below this are too even to tell roles apart well ("undecided").
UNDECIDED_SPREAD = 0.5


def is_undecided(profile: Profile) -> bool:
    """Whether the answers are so alike (all "Unsure", or all the same) that the matches say
    little: the page then asks kindly for more decided answers."""
    return profile.spread < UNDECIDED_SPREAD


def close_call(matches: Sequence[Match]) -> bool:
    """Whether the first two matches are within ``CLOSE_CALL_POINTS`` fit points."""
    return len(matches) >= 2 and matches[0].fit - matches[1].fit <= CLOSE_CALL_POINTS


class RoleSet(Sequence):
    """An immutable sequence of RoleProfile prepared for fast ranking (rows kept in slug order)."""

    __slots__ = ("_roles", "_by_slug", "_rows")

    def __init__(self, roles: Iterable[RoleProfile] = ()) -> None:
        items = tuple(roles)
        for role in items:
            if not isinstance(role, RoleProfile):
                raise TypeError(f"RoleSet holds RoleProfile objects, not {type(role).__name__}")
        self._roles = items
        self._by_slug = tuple(sorted(items, key=lambda role: role.slug))
        self._rows = [role._rec for role in self._by_slug]

    def __len__(self) -> int:
        return len(self._roles)

    def __getitem__(self, index):
        return RoleSet(self._roles[index]) if isinstance(index, slice) else self._roles[index]

    def __iter__(self) -> Iterator[RoleProfile]:
        return iter(self._roles)

    def __eq__(self, other: object) -> bool:
        return self._roles == other._roles if isinstance(other, RoleSet) else NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"RoleSet({len(self._roles)} roles)"

    def __reduce__(self):
        return (RoleSet, (self._roles,))


# --------------------------------------------------------------------------------------------
# Answers -> profile
# --------------------------------------------------------------------------------------------


_last_bank: tuple[tuple, dict[str, Item]] | None = None


def _bank(items: Sequence[Item]) -> dict[str, Item]:
    """The bank by code, checked. The last tuple of items checked is remembered: the site
    scores every answer set against the same tuple, and a tuple of frozen Items cannot change."""
    global _last_bank
    last = _last_bank
    if last is not None and last[0] is items:
        return last[1]
    bank = _checked_bank(items)
    if isinstance(items, tuple):
        _last_bank = (items, bank)
    return bank


def _checked_bank(items: Sequence[Item]) -> dict[str, Item]:
    bank: dict[str, Item] = {}
    for item in items:
        if not isinstance(item, Item):
            raise TypeError(f"items must be Item objects, not {type(item).__name__}")
        if item.code in bank:
            raise ValueError(f"Duplicate item code in the bank: {item.code!r}")
        bank[item.code] = item
    covered = {item.dimension or item.facet for item in bank.values()}
    lacking = [key for key in (*DIMENSIONS, *FACETS) if key not in covered]
    if lacking:
        raise ValueError(f"The item bank has no items for: {', '.join(lacking)}")
    return bank


def check_answers(items: Sequence[Item], answers: Mapping[str, int]) -> dict[str, Item]:
    """The bank by code, once every item has a whole-number answer 1-5 and no other code
    appears; otherwise ``AnswerError`` names the missing, invalid and unknown codes."""
    bank = _bank(items)
    if not isinstance(answers, Mapping):
        raise TypeError(f"answers must be a mapping of item code to 1-5, not {type(answers).__name__}")
    # The usual case, checked in a few C loops: exactly the bank's codes, each a plain int 1-5.
    if answers.keys() == bank.keys() and answers:
        values = answers.values()
        if set(map(type, values)) == {int} and ANSWER_MIN <= min(values) and max(values) <= ANSWER_MAX:
            return bank
    missing = [code for code in bank if code not in answers]
    unknown = [str(code) for code in answers if code not in bank]
    invalid = [code for code in bank if code in answers and not _is_answer(answers[code])]
    if missing or invalid or unknown:
        raise AnswerError(missing=missing, invalid=invalid, unknown=unknown)
    return bank


def build_profile(items: Sequence[Item], answers: Mapping[str, int]) -> Profile:
    """Turn answers (item code -> 1..5) into a Profile.

    Interest score = (mean answer - 1) / 4 x 100; facet want = mean answer; training = the
    lowest training answer (a limit). Raises ``AnswerError`` (see ``check_answers``).
    """
    return _profile(check_answers(items, answers), answers)


_last_groups: tuple[Mapping[str, Item], dict[str, tuple[str, ...]]] | None = None


def _groups(bank: Mapping[str, Item]) -> dict[str, tuple[str, ...]]:
    """The codes of each interest and facet (and of the training question), in bank order;
    remembered for the last bank (``_bank`` keeps returning the same dict for the same items)."""
    global _last_groups
    last = _last_groups
    if last is not None and last[0] is bank:
        return last[1]
    groups: dict[str, list[str]] = {}
    for code, item in bank.items():
        groups.setdefault(item.dimension or item.facet, []).append(code)
    found = {key: tuple(codes) for key, codes in groups.items()}
    _last_groups = (bank, found)
    return found


def answer_sums(bank: Mapping[str, Item], answers: Mapping[str, int]) -> tuple[dict[str, int], dict[str, int], int]:
    """The sum and the number of answers of each interest and facet, and the training limit
    (the lowest training answer; ANSWER_MAX when the bank has no training question)."""
    groups = _groups(bank)
    get = answers.__getitem__
    sums = {key: sum(map(int, map(get, codes))) for key, codes in groups.items() if key != TRAINING}
    counts = {key: len(codes) for key, codes in groups.items() if key != TRAINING}
    training = min(map(int, map(get, groups.get(TRAINING, ()))), default=ANSWER_MAX)
    return sums, counts, training


def _profile(bank: Mapping[str, Item], answers: Mapping[str, int]) -> Profile:
    sums, counts, training = answer_sums(bank, answers)
    interests = {d: (sums[d] / counts[d] - 1.0) / 4.0 * 100.0 for d in DIMENSIONS}
    facets = {f: sums[f] / counts[f] for f in WORK_FACETS}
    profile = Profile._of_answers(interests, facets, training)
    # Kept for one_step_firsts, which changes these sums one answer at a time.
    object.__setattr__(profile, "_answer_sums", (sums, counts, training))
    return profile


def one_step_firsts(items: Sequence[Item], answers: Mapping[str, int], roles: Sequence[RoleProfile], *, profile: Profile | None = None) -> dict[str, tuple[str, int]]:
    """Which roles would come first if any one answer moved one step up or down.

    Returns {role slug: (item code, new answer)} for every role other than the current first
    that some single one-step change would put first (the first such change in bank order).
    Empty when the first match holds against every one-step change. Defined by ranking every
    one-step change of the answers (about 120 for a 60-statement bank) and taking the first;
    computed by ``assessments.scoring_stability``, which gives the same result in a fraction of
    the time. ``profile``: ``build_profile(items, answers)`` when the caller has it already.
    """
    from assessments.scoring_stability import one_step_firsts as fast  # noqa: PLC0415 (it imports this module)

    return fast(items, answers, roles, profile=profile)
