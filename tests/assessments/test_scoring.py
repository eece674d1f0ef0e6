"""assessments.scoring (model 2): no database, no Django."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessments import scoring
from assessments.scoring import (
    DIMENSIONS,
    WORK_FACETS,
    AnswerError,
    Item,
    Profile,
    RoleProfile,
    build_profile,
    rank,
)
from assessments.scoring_reasons import explain

DOCS = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"
CODER = {"R": 2.86, "I": 4.33, "A": 1.00, "S": 3.41, "E": 1.88, "C": 6.95}


def role(slug, levels, *, interests=CODER, months=None):
    return RoleProfile(slug, slug.title(), f"{slug}s", interests, {f: levels.get(f, 3) for f in WORK_FACETS}, months)


def person(wants, *, interests=None, training=5):
    return Profile(interests or {d: 50.0 for d in DIMENSIONS}, {f: float(wants.get(f, 3)) for f in WORK_FACETS}, training)


def example():
    block = re.search(r"<!-- worked-example:begin -->\s*```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S).group(1)
    return json.loads(block)


def test_the_worked_example_in_the_docs_is_reproduced_digit_by_digit():
    data = example()
    items = [Item(f"{key}-{n}", **({"dimension": key} if key in DIMENSIONS else {"facet": key})) for key, values in data["answers"].items() for n in range(len(values))]
    answers = {f"{key}-{n}": v for key, values in data["answers"].items() for n, v in enumerate(values)}
    roles = [RoleProfile(**r) for r in data["roles"]]
    profile = build_profile(items, answers)
    assert round(profile.spread, 6) == data["expected"]["spread"]
    assert profile.holland_code == data["expected"]["holland_code"]
    matches = rank(profile, roles)
    assert [m.slug for m in matches] == data["expected"]["ranking"]
    for m in matches:
        want = data["expected"]["matches"][m.slug]
        assert round(m.interest_fit, 6) == want["interest_fit"]
        assert round(m.facet_fit, 6) == want["facet_fit"]
        assert round(m.score, 6) == want["score"]
        assert (m.fit, m.band, m.training_gap) == (want["fit"], want["band"], want["training_gap"])
        assert [[r.kind, r.key, r.text] for r in m.reasons] == want["reasons"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=len(WORK_FACETS), max_size=len(WORK_FACETS)), st.integers(1, 5))
def test_a_role_with_flat_levels_never_beats_the_same_role_with_the_true_levels(levels, flat):
    true = dict(zip(WORK_FACETS, levels, strict=True))
    wants = person(true)
    honest, vague = role("honest", true), role("vague", dict.fromkeys(WORK_FACETS, flat))
    assert scoring.match(wants, honest, explain=False).score >= scoring.match(wants, vague, explain=False).score


def test_all_unsure_answers_give_no_strong_band_and_count_as_undecided():
    roles = [role("a", {"clinical_detail": 5}), role("b", {"patient_contact": 5}, months=0), role("c", {})]
    flat = person({}, training=5)
    matches = rank(flat, roles)
    assert scoring.is_undecided(flat)
    assert all(m.fit <= 50 and m.band in ("Some fit", "Weak fit") for m in matches)


def test_answering_everything_the_same_is_undecided_too():
    everything = Profile(dict.fromkeys(DIMENSIONS, 100.0), dict.fromkeys(WORK_FACETS, 5.0), 5)
    assert scoring.is_undecided(everything)
    assert rank(everything, [role("a", {"clinical_detail": 5, "auditing": 5})])[0].band in ("Some fit", "Weak fit")


def test_a_dislike_the_role_demands_costs_more_than_a_want_it_meets_earns():
    assert -scoring.facet_term("auditing", 1, 5) > scoring.facet_term("auditing", 5, 5)


def test_preferring_on_site_work_costs_nothing_and_wanting_home_favours_remote_roles():
    remote, onsite = role("remote", {"remote_work": 5}), role("onsite", {"remote_work": 1})
    stay = person({"remote_work": 1})
    assert scoring.match(stay, remote, explain=False).score == scoring.match(stay, onsite, explain=False).score
    home = person({"remote_work": 5})
    assert scoring.match(home, remote, explain=False).score > scoring.match(home, onsite, explain=False).score


def test_a_role_needing_more_training_than_planned_ranks_lower_and_says_so():
    wants = person({"clinical_detail": 5}, training=2)
    short, long_ = role("short", {"clinical_detail": 5}, months=2), role("long", {"clinical_detail": 5}, months=24)
    first, second = rank(wants, [long_, short])
    assert (first.slug, second.slug) == ("short", "long")
    assert second.training_gap == 2 and not second.training_fits
    assert any(r.kind == "training_too_long" and "Needs more training than you planned" in r.text for r in second.reasons)


def test_a_role_without_a_known_route_counts_as_a_long_route():
    assert rank(person({}, training=3), [role("x", {})])[0].training_gap == 2


def test_ranking_uses_the_exact_score_and_reports_a_close_call():
    wants = person({"clinical_detail": 5, "auditing": 4})
    a, b = role("a", {"clinical_detail": 5, "auditing": 4}), role("b", {"clinical_detail": 5, "auditing": 3})
    matches = rank(wants, [b, a])
    assert [m.slug for m in matches] == ["a", "b"] and matches[0].score > matches[1].score
    assert scoring.close_call(matches) == (matches[0].fit - matches[1].fit <= 2)


def test_one_step_firsts_names_a_role_one_answer_would_put_first():
    items = [Item(f"{d}1", dimension=d) for d in DIMENSIONS] + [Item(f"{f}1", facet=f) for f in (*WORK_FACETS, scoring.TRAINING)]
    answers = {item.code: 3 for item in items} | {"clinical_detail1": 4, "auditing1": 4, "C1": 5}
    roles = [role("coder", {"clinical_detail": 5, "auditing": 3}), role("auditor", {"clinical_detail": 4, "auditing": 5})]
    found = scoring.one_step_firsts(items, answers, roles)
    first = rank(build_profile(items, answers), roles)[0].slug
    assert first not in found
    for slug, (code, new) in found.items():
        assert rank(build_profile(items, answers | {code: new}), roles)[0].slug == slug


def test_bad_answers_are_named():
    items = [Item(f"{d}1", dimension=d) for d in DIMENSIONS] + [Item(f"{f}1", facet=f) for f in (*WORK_FACETS, scoring.TRAINING)]
    answers = {item.code: 3 for item in items}
    answers.pop("R1")
    answers["I1"] = 6
    answers["X"] = 1
    with pytest.raises(AnswerError) as caught:
        build_profile(items, answers)
    assert (caught.value.missing, caught.value.invalid, caught.value.unknown) == (["R1"], ["I1"], ["X"])


def test_reasons_use_the_roles_plural_and_the_facet_words():
    wants = person({"clinical_detail": 5}, interests={"R": 10.0, "I": 70.0, "A": 0.0, "S": 30.0, "E": 10.0, "C": 90.0})
    texts = [r.text for r in explain(wants, role("coder", {"clinical_detail": 5}, months=2))]
    assert "You like reading clinical notes about diagnoses and procedures, and it is a big part of the job for coders." in texts
