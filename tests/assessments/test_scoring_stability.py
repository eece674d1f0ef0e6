"""The fast one-step stability (assessments.scoring_stability) against its definition."""

from __future__ import annotations

import random

import pytest

from assessments import scoring
from assessments.scoring import (
    ANSWER_MAX,
    ANSWER_MIN,
    DIMENSIONS,
    WORK_FACETS,
    Item,
    RoleProfile,
    RoleSet,
    build_profile,
    rank,
)
from assessments.validation.content import load_bank, load_roles


def firsts_by_definition(items, answers, roles) -> dict[str, tuple[str, int]]:
    """Rank every answer set with one answer moved one step; keep the first change per new first."""
    first = rank(build_profile(items, answers), roles, explain=False)[0].slug
    found: dict[str, tuple[str, int]] = {}
    for item in items:
        old = answers[item.code]
        for new in (old - 1, old + 1):
            if ANSWER_MIN <= new <= ANSWER_MAX:
                top = rank(build_profile(items, answers | {item.code: new}), roles, explain=False)[0].slug
                if top != first:
                    found.setdefault(top, (item.code, new))
    return found


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture(scope="module")
def roles():
    return load_roles()


def test_the_fast_path_names_the_same_challengers_and_changes_on_random_answers(bank, roles):
    rng = random.Random(15)
    close = 0
    for _ in range(300):
        # Skewed answers too: a few common values make ties and near-ties between roles likelier.
        values = rng.choice([(1, 2, 3, 4, 5), (3, 4), (2, 3, 3, 4), (1, 5), (3,)])
        answers = {code: rng.choice(values) for code in bank.codes}
        expected = firsts_by_definition(bank.items, answers, roles)
        found = scoring.one_step_firsts(bank.items, answers, roles)
        assert list(found.items()) == list(expected.items())
        close += bool(expected)
    assert close >= 30  # the comparison covered many answer sets whose first place can change


def _synthetic_roles(rng: random.Random, n: int) -> list[RoleProfile]:
    roles = []
    for k in range(n):
        interests = {d: rng.choice([1.0, 2.5, 4.0, 5.5, 7.0]) for d in DIMENSIONS}
        facets = {f: rng.randint(1, 5) for f in WORK_FACETS}
        roles.append(RoleProfile(f"role-{k:02d}", f"Role {k}", f"role {k}s", interests, facets, rng.choice([None, 1, 6, 12, 24, 48])))
    return roles


def test_the_fast_path_agrees_with_tied_roles_a_plain_list_and_one_statement_per_key():
    rng = random.Random(7)
    items = [Item(f"{d}1", dimension=d) for d in DIMENSIONS] + [Item(f"{f}1", facet=f) for f in (*WORK_FACETS, scoring.TRAINING)]
    items += [Item("T2", facet=scoring.TRAINING)]
    for _ in range(150):
        roles = _synthetic_roles(rng, rng.randint(1, 12))
        roles += [RoleProfile("twin-" + r.slug, r.name, r.plural, r.interests, r.facets, r.months_to_first_job) for r in roles[:2]]
        answers = {item.code: rng.randint(1, 5) for item in items}
        expected = firsts_by_definition(items, answers, roles)
        assert list(scoring.one_step_firsts(items, answers, roles).items()) == list(expected.items())
        assert list(scoring.one_step_firsts(items, answers, RoleSet(roles)).items()) == list(expected.items())


def test_flat_answers_and_flat_roles_are_handled_like_the_definition(bank, roles):
    for value in (1, 3, 5):
        answers = dict.fromkeys(bank.codes, value)
        assert scoring.one_step_firsts(bank.items, answers, roles) == firsts_by_definition(bank.items, answers, roles)


def _every_change(bank_items, answers):
    """(key, new answer sum) of every one-step change of an interest or facet answer."""
    from assessments import scoring_stability as stability

    checked = scoring.check_answers(bank_items, answers)
    state = stability._Answers(checked, answers)
    changes = [(key, value) for _code, _new, key, value in stability._changes(checked, answers, state) if key != scoring.TRAINING]
    return checked, state, changes


def test_the_screen_estimates_the_changed_parts_and_never_clears_a_change_that_moves_the_first(bank, roles):
    """The screen of one_step_firsts (``estimate``, ``clearly_first``, ``clear_top``) works on
    float estimates of the changed spread and interest coefficients: they must match the exact
    parts, the size of the coefficients' change must never be underestimated, a change it clears
    must leave the first where ranking the changed answers puts it, and a new first it picks must
    be the one the exact scores pick."""
    from assessments import scoring_stability as stability

    rng = random.Random(2615)
    role_set = RoleSet(roles)
    cleared = checked_by_rank = picked = 0
    for n in range(120):
        values = rng.choice([(1, 2, 3, 4, 5), (3, 4), (2, 3, 3, 4), (1, 5), (3,), (2, 3)])
        answers = {code: rng.choice(values) for code in bank.codes}
        if n % 10 == 0:  # all alike but one: the estimate must step aside for (nearly) flat answers
            answers = dict.fromkeys(bank.codes, 3) | {bank.codes[n % len(bank.codes)]: rng.choice((2, 4))}
        checked, state, changes = _every_change(bank.items, answers)
        ranking = stability._Ranking(stability._catalogue(role_set), state.parts)
        ranking.leads(state.parts.spread, state.spread_step)
        first = rank(build_profile(bank.items, answers), roles, explain=False)[0].slug
        for key, value in changes:
            estimate = state.estimate(key, value)
            exact = state.changed(key, value)
            if estimate is None:
                assert exact._coef is None or exact.spread < 1e-3 or state.parts._coef is None, (key, value)
                continue
            assert estimate[1] == pytest.approx(exact.spread, abs=1e-12)
            if estimate[0] == "interest":
                _kind, _spread, i1, di, dc, (_state, k, step, sd) = estimate
                assert state.new_coefficients(k, step, sd) == pytest.approx(exact._coef, abs=1e-12)
                assert i1 == pytest.approx(scoring.INTEREST_SHARE * exact._shrink, abs=1e-12)
                assert di == pytest.approx(abs(i1 - scoring.INTEREST_SHARE * state.parts._shrink), abs=1e-12)
                true_dc = sum((b - a) ** 2 / w for a, b, w in zip(state.parts._coef, exact._coef, scoring._W, strict=True)) ** 0.5
                assert true_dc <= dc <= true_dc + 1e-6
            if not ranking.clearly_first(estimate):
                top = ranking.clear_top(estimate)
                if top is not None:  # its estimated scores single out a first: the exact ones agree
                    assert top == ranking.top(state, exact), (key, value)
                    picked += 1
            else:
                cleared += 1
                code = next(c for c in checked if (checked[c].dimension or checked[c].facet) == key)
                total = state.sums[key]
                moved = answers | {code: answers[code] + value - total}
                if scoring.ANSWER_MIN <= moved[code] <= scoring.ANSWER_MAX:
                    assert rank(build_profile(bank.items, moved), roles, explain=False)[0].slug == first
                    checked_by_rank += 1
    assert cleared > 1000 and checked_by_rank > 1000 and picked > 100
