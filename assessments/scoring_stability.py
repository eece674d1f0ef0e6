"""Which roles one answer moved one step would put first: ``one_step_firsts``, made cheap.

Pure Python, like ``assessments.scoring``, whose private arithmetic it reuses on purpose: the
answer must be exactly what ranking every changed answer set would give (a test compares the
two on random answer sets), and it is, because every score it compares is computed by the same
code (``scoring._scores``) from the same numbers.

Where the time went before: about 100 changes (each of 60 answers one step up and one step
down), each building and validating a whole Profile and ranking every role. Three things make
it cheap:

1. Changes that give the same profile are scored once. A profile depends on each interest or
   facet only through the sum of its answers, and on training through the lowest training
   answer: moving any of the six "R" statements up gives the same profile. About 36 distinct
   profiles are left.
2. Only the part of the profile the change reaches is rebuilt: an interest change keeps the
   facet tables, a facet change keeps the interest coefficients (one pair table is rebuilt).
3. Only roles that could come first are scored. For each changed profile a bound ``B`` holds
   for every role at once: ``|new score - old score| <= B`` (from how far the interest
   coefficients, the facet tables, the spread and the training limit moved; see ``_bound``).
   The current first's new score is computed; a role whose old score plus ``B`` falls short of
   it cannot come first, and since old scores are sorted once, the roles left to score are the
   few at the top. ``B`` has a margin far above floating-point error, so the roles it leaves out
   are strictly below the new first and can be neither it nor tied with it.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping, Sequence

from assessments import scoring as sc

_EPS = 1e-9  # margin of the bound: rounding errors here are around 1e-15


class _Parts:
    """The attributes of a Profile that ``scoring._scores`` reads, and what changed."""

    __slots__ = ("_coef", "_shrink", "_tables", "cell_change", "facet", "spread", "training")

    def __init__(self, coef, shrink, tables, spread, training, *, facet=None, cell_change=0.0):
        self._coef, self._shrink, self._tables, self.spread, self.training = coef, shrink, tables, spread, training
        self.facet = facet  # (facet number, its new cells, its new want) until the tables are rebuilt
        self.cell_change = cell_change  # the largest change of one of its cells


@functools.lru_cache(maxsize=1024)
def _cells(i: int, want: float) -> tuple[float, ...]:
    return tuple(sc._facet_cells(i, want))


class _Answers:
    """The answer sums and counts per interest or facet, the training answers, and the
    profile parts they give, built exactly as ``scoring._profile`` and ``Profile`` build them."""

    def __init__(self, bank: Mapping[str, sc.Item], answers: Mapping[str, int], profile: sc.Profile | None = None):
        self.sums: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.training_codes: list[str] = []
        for code, item in bank.items():
            key = item.dimension or item.facet
            if key == sc.TRAINING:
                self.training_codes.append(code)
                continue
            self.sums[key] = self.sums.get(key, 0) + int(answers[code])
            self.counts[key] = self.counts.get(key, 0) + 1
        self.training = min((int(answers[c]) for c in self.training_codes), default=sc.ANSWER_MAX)
        self.interests = tuple(self._interest(d, self.sums[d]) for d in sc.DIMENSIONS)
        self.facets = tuple(self._want(f, self.sums[f]) for f in sc.WORK_FACETS)
        # _spread's values: the interests on the 1-5 scale, then the facet wants.
        self.spread_values = [1.0 + x / 25.0 for x in self.interests] + list(self.facets)
        self.cells = [_cells(i, want) for i, want in enumerate(self.facets)]
        if profile is not None:
            # The Profile of these answers holds these very parts, computed by the same code
            # from the same numbers (scoring._profile and Profile.__post_init__).
            self.parts = _Parts(profile._coef, profile._shrink, profile._tables, profile.spread, profile.training)
            return
        coef, shrink = sc._interest_coefficients(self.interests, sc._is_flat(self.interests))
        tables = tuple(sc._wants_table(pair, tuple(self.facets[k] for k in pair)) for pair in sc._PAIRS)
        self.parts = _Parts(coef, shrink, tables, sc._spread_of(self.spread_values), self.training)

    def _interest(self, d: str, total: int) -> float:
        return (total / self.counts[d] - 1.0) / 4.0 * 100.0

    def _want(self, f: str, total: int) -> float:
        return total / self.counts[f]

    def changed(self, key: str, total: int) -> _Parts:
        """The profile parts with ``key``'s answer sum (or, for training, the limit) replaced.
        After a facet change the tables are left to ``tables()``: often they are not needed."""
        base = self.parts
        if key == sc.TRAINING:
            return _Parts(base._coef, base._shrink, base._tables, base.spread, total)
        values = [*self.spread_values]
        if key in sc.DIMENSIONS:
            k = sc.DIMENSIONS.index(key)
            interests = (*self.interests[:k], self._interest(key, total), *self.interests[k + 1:])
            values[k] = 1.0 + interests[k] / 25.0
            coef, shrink = sc._interest_coefficients(interests, sc._is_flat(interests))
            return _Parts(coef, shrink, base._tables, sc._spread_of(values), base.training)
        i = sc.WORK_FACETS.index(key)
        want = self._want(key, total)
        values[len(sc.DIMENSIONS) + i] = want
        cells = _cells(i, want)
        moved = max(abs(a - b) for a, b in zip(cells, self.cells[i], strict=True))
        return _Parts(base._coef, base._shrink, None, sc._spread_of(values), base.training, facet=(i, cells, want), cell_change=moved)

    def tables(self, parts: _Parts) -> _Parts:
        """``parts`` with the pair tables rebuilt for its changed facet."""
        if parts._tables is None:
            i, _cells_i, want = parts.facet
            wants = (*self.facets[:i], want, *self.facets[i + 1:])
            parts._tables = tuple(
                sc._wants_table(pair, tuple(wants[k] for k in pair)) if i in pair else old
                for pair, old in zip(sc._PAIRS, self.parts._tables, strict=True)
            )
        return parts


class _Catalogue:
    """What the bounds need of the roles alone, computed once per role set: their rows in
    rank() order, facet levels, largest norm and interest vector, and the weighted distances
    between their interest vectors (per first role, when asked)."""

    def __init__(self, ordered: Sequence[sc.RoleProfile]):
        self.rows = [role._rec for role in ordered]
        self.levels = [tuple(role.facets[f] for f in sc.WORK_FACETS) for role in ordered]
        self.norm_max = max(row[6] for row in self.rows)
        self.v_max = max(_weighted_norm(row[7:13]) for row in self.rows)
        self._distances: dict[int, list[float]] = {}

    def distances(self, top: int) -> list[float]:
        found = self._distances.get(top)
        if found is None:
            v1 = self.rows[top][7:13]
            found = self._distances[top] = [_weighted_norm([a - b for a, b in zip(v1, row[7:13], strict=True)]) for row in self.rows]
        return found


_last_catalogue: tuple[sc.RoleSet, _Catalogue] | None = None


def _catalogue(roles: Sequence[sc.RoleProfile]) -> _Catalogue | None:
    """The catalogue of these roles; remembered for the last RoleSet (immutable) asked about."""
    global _last_catalogue
    if isinstance(roles, sc.RoleSet):
        last = _last_catalogue
        if last is not None and last[0] is roles:
            return last[1]
        ordered = roles._by_slug
    else:
        ordered = sorted(roles, key=lambda role: role.slug)
    if not ordered:
        return None
    catalogue = _Catalogue(ordered)
    if isinstance(roles, sc.RoleSet):
        _last_catalogue = (roles, catalogue)
    return catalogue


class _Ranking:
    """The roles' rows in rank() order and what their scores are made of under the answers given.

    A role's score is ``spread x X - P`` with ``X = ishare x r + FACET_SHARE x f`` and ``P`` its
    training part: one answer moved changes the spread (the same factor for every role), X
    by at most ``BX`` for every role (``_x_change``), or, for a training answer, the training part.
    """

    def __init__(self, catalogue: _Catalogue, parts: _Parts):
        self.rows = rows = catalogue.rows
        ishare = sc.INTEREST_SHARE * parts._shrink
        scores, rs, fs, _gaps = sc._scores(parts, rows)
        self.x = [ishare * r + sc.FACET_SHARE * f for r, f in zip(rs, fs, strict=True)]
        # The training part of each score (score = spread x X - training part), whatever its
        # formula: it depends on the role and the training answers only, so an interest or facet
        # change leaves it as it is (up to rounding, far below _EPS).
        self.penalties = [parts.spread * x - s for x, s in zip(self.x, scores, strict=True)]
        self.first = top = max(range(len(rows)), key=lambda j: (scores[j], -j))
        self.norm_max, self.v_max = catalogue.norm_max, catalogue.v_max
        # Against each other role: the first's lead in X, its training part less the role's, the
        # weighted size of the difference of their interest vectors, |r difference|, the role's
        # levels and norm.
        distance, levels = catalogue.distances(top), catalogue.levels
        self.pairs = [
            (self.x[top] - self.x[j], self.penalties[top] - self.penalties[j], distance[j], abs(rs[top] - rs[j]), levels[j], rows[j][6])
            for j in range(len(rows)) if j != top
        ]
        self.levels1, self.norm1 = levels[top], rows[top][6]

    def stays_first(self, state: _Answers, new: _Parts) -> bool:
        """Whether the first certainly stays first: against each role, its lead in X (spread x X
        less its training part is the score) moves by at most what the change can move it.

        An interest change moves r1 - rj = c . (v1 - vj) by at most ||dc|| x ||v1 - vj|| (weighted
        Cauchy-Schwarz) and scales it by the new ishare; a facet change moves f1 - fj by
        dcell[level1] x norm1 - dcell[levelj] x normj exactly (but for rounding).
        """
        base, spread = state.parts, new.spread
        if new.facet is not None:
            i, cells, _want = new.facet
            moved = [a - b for a, b in zip(cells, state.cells[i], strict=True)]
            own = moved[self.levels1[i] - 1] * self.norm1
            fshare = sc.FACET_SHARE
            return all(spread * (dx - fshare * abs(own - moved[lv[i] - 1] * n)) - dp > _EPS for dx, dp, _u, _r, lv, n in self.pairs)
        if base._coef is None or new._coef is None:
            return False
        i0, i1 = sc.INTEREST_SHARE * base._shrink, sc.INTEREST_SHARE * new._shrink
        dc = math.sqrt(sum((b - a) ** 2 / w for a, b, w in zip(base._coef, new._coef, sc._W, strict=True)))
        di = abs(i1 - i0)
        return all(spread * (dx - i1 * dc * u - di * r) - dp > _EPS for dx, dp, u, r, _lv, _n in self.pairs)

    def top(self, state: _Answers, new: _Parts) -> int:
        """The row that rank() would put first under ``new``: the highest score, ties by row order."""
        rows = self.rows
        if new.training != state.parts.training:  # only the training parts change: score every role
            scores = sc._scores(new, rows)[0]
            return max(range(len(rows)), key=lambda j: (scores[j], -j))
        if self.stays_first(state, new):
            return self.first
        bx, spread = _x_change(self, state.parts, new), new.spread
        new = state.tables(new)
        reference = sc._scores(new, [rows[self.first]])[0][0]
        # Roles that might reach the first's new score; the others stay strictly below it.
        candidates = [j for j, (x, p) in enumerate(zip(self.x, self.penalties, strict=True)) if spread * (x + bx) - p + _EPS >= reference]
        scores = sc._scores(new, [rows[j] for j in candidates])[0]
        best = max(range(len(candidates)), key=lambda k: (scores[k], -candidates[k]))
        return candidates[best]


def _weighted_norm(values) -> float:
    return math.sqrt(math.fsum(w * v * v for w, v in zip(sc._W, values, strict=True)))


def _x_change(ranking: _Ranking, base: _Parts, new: _Parts) -> float:
    """BX with |X' - X| <= BX for every role, when the training limit did not change.

    X = ishare x r + FACET_SHARE x f with |r| <= 1: |ishare' r' - ishare r| <= ishare' |r' - r| +
    |ishare' - ishare|, and one facet's cells moved by at most cell_change move f by at most
    cell_change x norm_max.
    """
    i0, i1 = sc.INTEREST_SHARE * base._shrink, sc.INTEREST_SHARE * new._shrink
    return i1 * _r_change(ranking, base._coef, new._coef) + abs(i1 - i0) + sc.FACET_SHARE * new.cell_change * ranking.norm_max


def _r_change(ranking: _Ranking, old, new) -> float:
    """Largest change of any role's r: Cauchy-Schwarz with the weights, |sum dc v| <=
    sqrt(sum dc^2 / w) x sqrt(sum w v^2); clamping r to -1..1 never widens it."""
    if old is new:
        return 0.0
    if old is None or new is None:
        return 1.0  # r is 0 on the flat side and within -1..1 on the other
    return math.sqrt(sum((b - a) ** 2 / w for a, b, w in zip(old, new, sc._W, strict=True))) * ranking.v_max


_last_plan: tuple[Mapping[str, sc.Item], tuple[tuple[str, str, bool], ...]] | None = None


def _plan(bank: Mapping[str, sc.Item]) -> tuple[tuple[str, str, bool], ...]:
    """(code, interest or facet, is the training question) per item in bank order; remembered
    for the last bank (scoring remembers the checked bank of its items tuple)."""
    global _last_plan
    last = _last_plan
    if last is not None and last[0] is bank:
        return last[1]
    plan = tuple((code, item.dimension or item.facet, (item.dimension or item.facet) == sc.TRAINING) for code, item in bank.items())
    _last_plan = (bank, plan)
    return plan


def one_step_firsts(items: Sequence[sc.Item], answers: Mapping[str, int], roles: Sequence[sc.RoleProfile], *, profile: sc.Profile | None = None) -> dict[str, tuple[str, int]]:
    """See ``scoring.one_step_firsts``: the same result, found without ranking ~120 answer sets.
    ``profile``: ``build_profile(items, answers)``, when the caller has it (its parts are reused)."""
    bank = sc.check_answers(items, answers)
    catalogue = _catalogue(roles)
    if catalogue is None:
        return {}
    rows = catalogue.rows
    state = _Answers(bank, answers, profile)
    ranking = _Ranking(catalogue, state.parts)
    first = ranking.first
    sums, low, high = state.sums, sc.ANSWER_MIN, sc.ANSWER_MAX
    tops: dict[tuple[str, int], int] = {}
    found: dict[str, tuple[str, int]] = {}
    for code, key, training in _plan(bank):
        old = answers[code]
        for new in (old - 1, old + 1):
            if not low <= new <= high:
                continue
            if training:
                value = min((new if c == code else int(answers[c]) for c in state.training_codes), default=high)
                if value == state.training:
                    continue  # the same profile: the same first
            else:
                value = sums[key] + new - old
            change = (key, value)
            top = tops.get(change)
            if top is None:
                top = tops[change] = ranking.top(state, state.changed(key, value))
            if top != first:
                found.setdefault(rows[top][14], (code, new))
    return found
