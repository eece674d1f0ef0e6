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

Most changes (about four in five) leave the first where it is, so before any exact part is
built each change is screened (``_Answers.estimate``, ``_Ranking.clearly_first``): the changed
spread and interest coefficients are updated in closed form from the answer sums, in plain float
arithmetic (within ~1e-14 of the exact parts; the size of the coefficients' change is never
underestimated), and checked against the first's leads over the other roles, sorted once per call,
so only the few closest roles are checked one by one. A change the screen cannot clear picks its
new first from estimated scores of every role (``_Ranking.clear_top``) when one leads by more
than _EPS; only near-ties, flat answers and training changes build the exact parts. The margins
are the same _EPS, a million times the estimates' error, so the result is unchanged: a property
test holds every estimate and every decision to the exact arithmetic.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Mapping, Sequence

from assessments import scoring as sc

_EPS = 1e-9  # margin of the bound: rounding errors here are around 1e-15
_TINY = 1e-6  # a sum of squares this small is left to the exact arithmetic (see estimate)
_DIM_INDEX = {d: k for k, d in enumerate(sc.DIMENSIONS)}
_FACET_INDEX = {f: i for i, f in enumerate(sc.WORK_FACETS)}


class _Parts:
    """The attributes of a Profile that ``scoring._scores`` reads, and what changed."""

    __slots__ = ("_coef", "_shrink", "_tables", "cell_change", "facet", "spread", "training")

    def __init__(self, coef, shrink, tables, spread, training, *, facet=None, cell_change=0.0):
        self._coef, self._shrink, self._tables, self.spread, self.training = coef, shrink, tables, spread, training
        self.facet = facet  # (facet number, its new cells, its new want) until the tables are rebuilt
        self.cell_change = cell_change  # the largest change of one of its cells


@functools.lru_cache(maxsize=4096)
def _moved(i: int, old: float, new: float) -> tuple[tuple[float, ...], float]:
    """How facet number ``i``'s cells move when its want goes from ``old`` to ``new``, and the
    largest move: a function of two means of answers, memoised."""
    moved = tuple(a - b for a, b in zip(sc._facet_cells(i, new), sc._facet_cells(i, old), strict=True))
    return moved, max(map(abs, moved))


class _Answers:
    """The answer sums and counts per interest or facet, the training answers, and the
    profile parts they give, built exactly as ``scoring._profile`` and ``Profile`` build them."""

    def __init__(self, bank: Mapping[str, sc.Item], answers: Mapping[str, int], profile: sc.Profile | None = None):
        self.training_codes = sc._groups(bank).get(sc.TRAINING, ())
        sums = None if profile is None else profile.__dict__.get("_answer_sums")
        if sums is not None:  # the Profile of these answers, built by scoring._profile from these sums
            self.sums, self.counts, self.training = sums
            self.interests, self.facets = tuple(profile.interests.values()), tuple(profile.facets.values())
            self.cells = profile._cells
        else:
            self.sums, self.counts, self.training = sc.answer_sums(bank, answers)
            self.interests = tuple(self._interest(d, self.sums[d]) for d in sc.DIMENSIONS)
            self.facets = tuple(self._want(f, self.sums[f]) for f in sc.WORK_FACETS)
            self.cells = [sc._facet_cells(i, want) for i, want in enumerate(self.facets)]
        # _spread's values: the interests on the 1-5 scale, then the facet wants.
        self.spread_values = [1.0 + x / 25.0 for x in self.interests] + list(self.facets)
        if profile is not None:
            # The Profile of these answers holds these very parts, computed by the same code
            # from the same numbers (scoring._profile and Profile.__post_init__).
            self.parts = _Parts(profile._coef, profile._shrink, profile._tables, profile.spread, profile.training)
        else:
            coef, shrink = sc._interest_coefficients(self.interests, sc._is_flat(self.interests))
            tables = tuple(sc._wants_table(pair, tuple(self.facets[k] for k in pair)) for pair in sc._PAIRS)
            self.parts = _Parts(coef, shrink, tables, sc._spread_of(self.spread_values), self.training)
        self._moments()

    def _moments(self) -> None:
        """What ``estimate`` updates for one changed answer sum: the weighted mean, deviations
        and sum of squares of the interests, and the mean and sum of squares of the spread's
        values. Ordinary float sums: they feed only bounds that have a margin (_EPS)."""
        w, x, total = sc._W, self.interests, sc._WSUM
        mean = sum(a * b for a, b in zip(w, x, strict=True)) / total
        self.dev = [b - mean for b in x]
        self.ss = sum(a * d * d for a, d in zip(w, self.dev, strict=True))
        values = self.spread_values
        self.v_mean = sum(values) / len(values)
        self.v_ss = sum((v - self.v_mean) ** 2 for v in values)
        # A change moves one spread value by 1 / (answers of its key): the spread moves by at
        # most that over sqrt(n) (the centred values move by a vector no longer than that).
        self.spread_step = 1.0 / min(self.counts.values()) / math.sqrt(len(values)) / sc.SPREAD_FULL

    def new_coefficients(self, k: int, step: float, sd: float) -> tuple[float, ...]:
        """The interest coefficients (w_j x deviation_j / (sum w x sd)) with letter ``k`` moved by
        ``step`` and the new weighted SD ``sd``, in plain floats (for ``_Ranking.clear_top``)."""
        total_w = sc._WSUM
        shift, scale = sc._W[k] * step / total_w, 1.0 / (total_w * sd)
        return tuple(w * (d - shift + (step if j == k else 0.0)) * scale for j, (w, d) in enumerate(zip(sc._W, self.dev, strict=True)))

    def _new_spread(self, k: int, step: float) -> float | None:
        """The spread with spread value ``k`` moved by ``step`` (None: too close to no spread
        at all for the estimate to be trusted; the exact parts are built instead)."""
        n = len(self.spread_values)
        ss = self.v_ss + step * (2.0 * (self.spread_values[k] - self.v_mean) + step * (1.0 - 1.0 / n))
        if ss < _TINY:
            return None
        return min(1.0, math.sqrt(ss / n) / sc.SPREAD_FULL)

    def estimate(self, key: str, total: int):
        """For an interest or facet whose answer sum becomes ``total``, what the bounds of
        ``_Ranking.clearly_first`` need, within rounding (~1e-15) of the exact parts:
        ("interest", spread, new ishare, |ishare change|, ||coefficient change||, what
        ``new_coefficients`` needs) or ("facet",
        spread, facet number, cell changes, largest cell change). None when the exact parts must be built (flat or
        nearly flat interests, all answers alike)."""
        if key in _DIM_INDEX:
            k = _DIM_INDEX[key]
            if self.parts._coef is None:
                return None
            step = self._interest(key, total) - self.interests[k]
            w, total_w = sc._W[k], sc._WSUM
            ss = self.ss + w * step * (2.0 * self.dev[k] + step) - w * w * step * step / total_w
            spread = self._new_spread(k, step / 25.0)
            if ss < _TINY or spread is None:
                return None
            sd0, sd1 = math.sqrt(self.ss / total_w), math.sqrt(ss / total_w)
            a0, a1 = 1.0 / (total_w * sd0), 1.0 / (total_w * sd1)
            # sum over letters of (coefficient change)^2 / weight, in closed form: the
            # deviations sum to 0 with the weights, and one letter moved by `step` moves the
            # deviations by step x (its indicator - its weight share).
            da = a1 - a0
            terms = (da * da * self.ss, 2.0 * da * a1 * w * self.dev[k] * step, a1 * a1 * w * step * step * (1.0 - w / total_w))
            # Rounded, the sum is off by about 1e-16 of its terms' sizes: a thousand times that
            # is added, so that the estimate is never below the exact size.
            dc2 = max(0.0, sum(terms)) + 1e-13 * (1.0 + sum(map(abs, terms)))
            i0 = sc.INTEREST_SHARE * self.parts._shrink
            i1 = sc.INTEREST_SHARE * min(1.0, sd1 / sc.INTEREST_SPREAD_FULL)
            return ("interest", spread, i1, abs(i1 - i0), math.sqrt(dc2), (self, k, step, sd1))
        i = _FACET_INDEX[key]
        want = self._want(key, total)
        spread = self._new_spread(len(sc.DIMENSIONS) + i, want - self.facets[i])
        if spread is None:
            return None
        moved, biggest = _moved(i, self.facets[i], want)
        return ("facet", spread, i, moved, biggest)

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
        if key in _DIM_INDEX:
            k = _DIM_INDEX[key]
            interests = (*self.interests[:k], self._interest(key, total), *self.interests[k + 1:])
            values[k] = 1.0 + interests[k] / 25.0
            coef, shrink = sc._interest_coefficients(interests, sc._is_flat(interests))
            return _Parts(coef, shrink, base._tables, sc._spread_of(values), base.training)
        i = _FACET_INDEX[key]
        want = self._want(key, total)
        values[len(sc.DIMENSIONS) + i] = want
        cells = sc._facet_cells(i, want)
        moved = _moved(i, self.facets[i], want)[1]
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
        self.facet_rows = [(self.x[j], self.penalties[j], levels[j], rows[j][6]) for j in range(len(rows))]
        self.fs, self.interest_rows = fs, None  # the rows clear_top reads for an interest change, when first needed
        self.u_max = max((p[2] for p in self.pairs), default=0.0)
        self.r_max = max((p[3] for p in self.pairs), default=0.0)

    def leads(self, spread: float, step: float) -> None:
        """For every spread s within ``step`` of ``spread`` (what one change can give), a lower
        bound of the first's lead ``s x dx - dp`` over each role, least first, with the roles in
        that order: a line in s is least at an end of an interval."""
        low, high = max(0.0, spread - step - _EPS), min(1.0, spread + step + _EPS)
        floors = sorted((min(low * pair[0] - pair[1], high * pair[0] - pair[1]), k) for k, pair in enumerate(self.pairs))
        self.floors = [floor for floor, _k in floors]
        self.by_lead = [self.pairs[k] for _floor, k in floors]

    def clearly_first(self, estimate) -> bool:
        """``stays_first`` on the estimated parts (see _Answers.estimate): True only when the
        first's lead over every role stays above _EPS, far above the estimate's error. A role whose
        lead (``leads``) exceeds the largest move any role's lead could make passes as a block;
        the few closest are checked one by one."""
        if estimate[0] == "interest":
            _kind, spread, i1, di, dc, _coef = estimate
            close = self.by_lead[:bisect.bisect_right(self.floors, spread * (i1 * dc * self.u_max + di * self.r_max) + _EPS)]
            return all(spread * (dx - i1 * dc * u - di * r) - dp > _EPS for dx, dp, u, r, _lv, _n in close)
        _kind, spread, i, moved, biggest = estimate
        own = moved[self.levels1[i] - 1] * self.norm1
        fshare = sc.FACET_SHARE
        close = self.by_lead[:bisect.bisect_right(self.floors, spread * fshare * (abs(own) + biggest * self.norm_max) + _EPS)]
        return all(spread * (dx - fshare * abs(own - moved[lv[i] - 1] * n)) - dp > _EPS for dx, dp, _u, _r, lv, n in close)

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

    def clear_top(self, estimate) -> int | None:
        """For a change the screen could not clear: the row whose estimated new score beats
        every other row's by more than _EPS, so that it is also first by the exact scores; None
        when two rows are closer than that (the exact scores decide). The estimate is within
        ~1e-14 of the exact score: ``spread x (X + FACET_SHARE x cell change x norm) - training
        part`` for a facet, ``spread x (ishare x r + FACET_SHARE x f) - training part`` with r
        from the estimated coefficients (clamped to -1..1 as rank() does) for an interest."""
        fshare = sc.FACET_SHARE
        if estimate[0] == "facet":
            _kind, spread, i, moved, _biggest = estimate
            scores = [spread * (x + fshare * moved[lv[i] - 1] * n) - p for x, p, lv, n in self.facet_rows]
        else:
            _kind, spread, i1, _di, _dc, (state, k, step, sd) = estimate
            c0, c1, c2, c3, c4, c5 = state.new_coefficients(k, step, sd)
            if self.interest_rows is None:
                self.interest_rows = [(*row[7:13], f, p) for row, f, p in zip(self.rows, self.fs, self.penalties, strict=True)]
            scores = []
            for v0, v1, v2, v3, v4, v5, f, p in self.interest_rows:
                r = c0 * v0 + c1 * v1 + c2 * v2 + c3 * v3 + c4 * v4 + c5 * v5
                r = 1.0 if r > 1.0 else (-1.0 if r < -1.0 else r)
                scores.append(spread * (i1 * r + fshare * f) - p)
        best = max(range(len(scores)), key=scores.__getitem__)
        lead = scores[best] - max((score for j, score in enumerate(scores) if j != best), default=-math.inf)
        return best if lead > _EPS else None

    def top(self, state: _Answers, new: _Parts, *, screened: bool = False) -> int:
        """The row that rank() would put first under ``new``: the highest score, ties by row order.
        ``screened``: ``clearly_first`` said no already (``stays_first`` would say no too)."""
        rows = self.rows
        if new.training != state.parts.training:  # only the training parts change: score every role
            scores = sc._scores(new, rows)[0]
            return max(range(len(rows)), key=lambda j: (scores[j], -j))
        if not screened and self.stays_first(state, new):
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
    ranking.leads(state.parts.spread, state.spread_step)
    found: dict[str, tuple[str, int]] = {}
    # Each distinct change once, at the first (statement, new answer) that makes it: the same
    # profile gives the same first, so later ones could add nothing to ``found``.
    for code, new, key, value in _changes(bank, answers, state):
        if key != sc.TRAINING:
            estimate = state.estimate(key, value)
            if estimate is not None and ranking.clearly_first(estimate):
                continue
            top = None if estimate is None else ranking.clear_top(estimate)
            if top is None:
                top = ranking.top(state, state.changed(key, value), screened=estimate is not None)
        else:
            top = ranking.top(state, state.changed(key, value))
        if top != first:
            found.setdefault(rows[top][14], (code, new))
    return found


def _changes(bank: Mapping[str, sc.Item], answers: Mapping[str, int], state: _Answers) -> list[tuple[str, int, str, int]]:
    """(code, new answer, key, new answer sum or training limit) of every distinct one-step
    change, at its first statement and direction in bank order (down before up), in that order."""
    low, high = sc.ANSWER_MIN, sc.ANSWER_MAX
    position = _positions(bank)
    found = []
    for key, codes in sc._groups(bank).items():
        if key == sc.TRAINING:
            seen = {state.training}  # the same limit: the same profile, the same first
            for code in codes:
                old = answers[code]
                for direction, new in ((0, old - 1), (1, old + 1)):
                    if low <= new <= high:
                        value = min((new if c == code else int(answers[c]) for c in codes), default=high)
                        if value not in seen:
                            seen.add(value)
                            found.append((position[code] * 2 + direction, code, new, key, value))
            continue
        total = state.sums[key]
        for code in codes:  # the first statement that can go down
            old = answers[code]
            if old > low:
                found.append((position[code] * 2, code, old - 1, key, total - 1))
                break
        for code in codes:  # and up
            old = answers[code]
            if old < high:
                found.append((position[code] * 2 + 1, code, old + 1, key, total + 1))
                break
    found.sort()
    return [change[1:] for change in found]


_last_positions: tuple[Mapping[str, sc.Item], dict[str, int]] | None = None


def _positions(bank: Mapping[str, sc.Item]) -> dict[str, int]:
    """Each code's place in the bank; remembered for the last bank."""
    global _last_positions
    last = _last_positions
    if last is not None and last[0] is bank:
        return last[1]
    found = {code: k for k, code in enumerate(bank)}
    _last_positions = (bank, found)
    return found
