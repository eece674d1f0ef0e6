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
