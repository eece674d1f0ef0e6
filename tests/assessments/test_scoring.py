"""Example-based tests of assessments.scoring (pure Python: no database, no Django)."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

from assessments.scoring import (
    BANDS,
    DIMENSIONS,
    FACETS,
    AnswerError,
    Item,
    Match,
    Profile,
    Reason,
    RoleProfile,
    RoleSet,
    build_profile,
    explain,
    facet_fit,
    fit_band,
    interest_contributions,
    interest_fit,
    match,
    rank,
    weighted_correlation,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "scoring.md"

# ---------------------------------------------------------------------------------------------
# Explicit fixtures: every scoring field is set by hand.
# ---------------------------------------------------------------------------------------------

# A realistic bank: 6-8 RIASEC items per dimension, 1-3 items per facet.
ITEMS_PER_DIMENSION = {"R": 6, "I": 7, "A": 6, "S": 8, "E": 6, "C": 8}
ITEMS_PER_FACET = {
    "patient_contact": 2,
    "clinical_detail": 3,
    "payer_finance": 2,
    "privacy_legal": 2,
    "data_analysis": 2,
    "technology_systems": 2,
    "research_registry": 1,
    "auditing": 2,
    "leading_people": 2,
    "remote_work": 1,
    "training_time": 1,
}


def make_bank() -> list[Item]:
    items = [
        Item(f"{d}{n}", dimension=d)
        for d in DIMENSIONS
        for n in range(1, ITEMS_PER_DIMENSION[d] + 1)
    ]
    items += [Item(f"{f}-{n}", facet=f) for f in FACETS for n in range(1, ITEMS_PER_FACET[f] + 1)]
    return items


BANK = make_bank()


def answers_from(per_key: dict[str, int]) -> dict[str, int]:
    """The same answer for every item of a dimension or facet."""
    return {item.code: per_key[item.dimension or item.facet] for item in BANK}


CODER_INTERESTS = {"R": 2.86, "I": 4.33, "A": 1.00, "S": 3.41, "E": 1.88, "C": 6.95}
BILLER_INTERESTS = {"R": 2.83, "I": 1.59, "A": 1.00, "S": 1.47, "E": 2.76, "C": 7.00}
PATIENT_REP_INTERESTS = {"R": 1.27, "I": 4.06, "A": 1.59, "S": 6.62, "E": 3.12, "C": 3.83}


def levels(*values: int) -> dict[str, int]:
    assert len(values) == len(FACETS)
    return dict(zip(FACETS, values, strict=True))


def coder(slug: str = "medical-coder") -> RoleProfile:
    return RoleProfile(
        slug=slug,
        name="Medical coder",
        plural="medical coders",
        interests=CODER_INTERESTS,
        facets=levels(1, 5, 3, 3, 2, 2, 1, 3, 1, 5, 2),
    )


def biller(slug: str = "medical-biller") -> RoleProfile:
    return RoleProfile(
        slug=slug,
        name="Medical biller",
        plural="medical billers",
        interests=BILLER_INTERESTS,
        facets=levels(2, 2, 5, 3, 2, 2, 1, 3, 1, 3, 1),
    )


def patient_rep(slug: str = "patient-access-representative") -> RoleProfile:
    return RoleProfile(
        slug=slug,
        name="Patient access representative",
        plural="patient access representatives",
        interests=PATIENT_REP_INTERESTS,
        facets=levels(5, 1, 4, 3, 1, 2, 1, 2, 1, 2, 1),
    )


def director(slug: str = "him-director") -> RoleProfile:
    return RoleProfile(
        slug=slug,
        name="HIM director",
        plural="HIM directors",
        interests={"R": 2.05, "I": 3.75, "A": 1.45, "S": 4.40, "E": 5.95, "C": 5.17},
        facets=levels(2, 2, 3, 5, 3, 3, 2, 3, 5, 2, 5),
    )


def coder_like_answers() -> dict[str, int]:
    return answers_from(
        {
            "R": 2, "I": 4, "A": 1, "S": 3, "E": 2, "C": 5,
            "patient_contact": 1, "clinical_detail": 5, "payer_finance": 3, "privacy_legal": 3,
            "data_analysis": 2, "technology_systems": 2, "research_registry": 1, "auditing": 3,
            "leading_people": 1, "remote_work": 5, "training_time": 2,
        }
    )  # fmt: skip


def flat_answers() -> dict[str, int]:
    return answers_from(
        {
            "R": 3, "I": 3, "A": 3, "S": 3, "E": 3, "C": 3,
            "patient_contact": 1, "clinical_detail": 5, "payer_finance": 2, "privacy_legal": 3,
            "data_analysis": 2, "technology_systems": 2, "research_registry": 1, "auditing": 3,
            "leading_people": 1, "remote_work": 5, "training_time": 1,
        }
    )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The worked example in docs/scoring.md
# ---------------------------------------------------------------------------------------------


def load_worked_example() -> dict:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(
        r"<!-- worked-example:begin -->\s*```json\n(.*?)```\s*<!-- worked-example:end -->",
        text,
        re.S,
    )
    assert found, "docs/scoring.md has no worked-example JSON block"
    return json.loads(found.group(1))


def build_worked_example(example: dict) -> tuple[Profile, list[RoleProfile]]:
    items, answers = [], {}
    for key, values in example["answers"].items():
        for n, value in enumerate(values, start=1):
            code = f"{key}-{n}"
            if key in DIMENSIONS:
                items.append(Item(code, dimension=key))
            else:
                items.append(Item(code, facet=key))
            answers[code] = value
    roles = [RoleProfile(**role) for role in example["roles"]]
    return build_profile(items, answers), roles


def test_the_worked_example_in_the_docs_is_reproduced_exactly():
    example = load_worked_example()
    expected = example["expected"]
    profile, roles = build_worked_example(example)

    assert dict(profile.interests) == expected["profile"]["interests"]
    assert dict(profile.facets) == expected["profile"]["facets"]
    assert profile.holland_code == expected["profile"]["holland_code"]
    assert profile.is_flat is expected["profile"]["is_flat"]

    matches = rank(profile, roles)
    assert [m.slug for m in matches] == expected["ranking"]
    by_slug = {role.slug: role for role in roles}
    for m in matches:
        want = expected["matches"][m.slug]
        assert round(m.interest_fit, 6) == pytest.approx(want["interest_fit"], abs=1e-12)
        assert round(m.facet_fit, 6) == pytest.approx(want["facet_fit"], abs=1e-12)
        contributions = interest_contributions(profile, by_slug[m.slug])
        assert {d: round(c, 4) for d, c in contributions.items()} == pytest.approx(
            want["contributions"], abs=1e-12
        )
        assert m.fit == want["fit"]
        assert m.band == want["band"]
        assert m.training_fits is want["training_fits"]
        assert [[r.kind, r.key, r.text] for r in m.reasons] == want["reasons"]


def test_the_worked_example_numbers_are_the_ones_the_docs_print():
    example = load_worked_example()
    profile, roles = build_worked_example(example)
    coder_, biller_, registrar = roles
    assert interest_fit(profile, coder_) == pytest.approx(0.956470, abs=5e-7)
    assert facet_fit(profile, coder_) == pytest.approx(1 - 2.75 / 48, abs=1e-12)
    assert facet_fit(profile, biller_) == pytest.approx(1 - 7.71875 / 48, abs=1e-12)
    assert facet_fit(profile, registrar) == pytest.approx(1 - 11.5 / 48, abs=1e-12)
    fits = {m.slug: m.fit for m in rank(profile, roles, explain=False)}
    assert fits == {"medical-coder": 96, "cancer-registrar": 85, "medical-biller": 85}
    text = DOC.read_text(encoding="utf-8")
    for printed in ("round(95.69) = **96**", "round(84.78) = **85**", "round(85.11) =", "0.942708"):
        assert printed in text


def test_the_docs_state_the_weights_the_code_uses():
    text = DOC.read_text(encoding="utf-8")
    assert "| 1.0 | 1.25 | 1.0 | 1.25 | 1.0 | 1.5 | 7.0 |" in text
    assert "0.4 × interest_part + 0.6 × facet_fit" in text
    for floor, label in BANDS:
        assert label in text and str(floor) in text


# ---------------------------------------------------------------------------------------------
# Profiles
# ---------------------------------------------------------------------------------------------


def test_interest_scores_are_the_mean_answer_rescaled_to_0_100():
    answers = coder_like_answers()
    answers["S1"] = 5  # S: one 5 and seven 3s -> mean 3.25
    profile = build_profile(BANK, answers)
    assert profile.interests == {"R": 25.0, "I": 75.0, "A": 0.0, "S": 56.25, "E": 25.0, "C": 100.0}
    assert profile.facets["clinical_detail"] == 5.0
    assert profile.holland_code == "CIS"
    assert profile.is_flat is False


def test_holland_code_ties_follow_the_riasec_order():
    profile = Profile(
        interests={"R": 50, "I": 75, "A": 75, "S": 50, "E": 0, "C": 75},
        facets=dict.fromkeys(FACETS, 3),
    )
    assert profile.holland_code == "IAC"


def test_a_profile_checks_the_holland_code_and_flatness_it_is_given():
    interests = {"R": 0, "I": 25, "A": 0, "S": 50, "E": 0, "C": 100}
    facets = dict.fromkeys(FACETS, 3.0)
    assert Profile(interests, facets, holland_code="CSI", is_flat=False).holland_code == "CSI"
    with pytest.raises(ValueError, match="holland_code"):
        Profile(interests, facets, holland_code="RIA")
    with pytest.raises(ValueError, match="is_flat"):
        Profile(interests, facets, is_flat=True)
    with pytest.raises(ValueError):
        Profile({**interests, "C": 101}, facets)
    with pytest.raises(ValueError):
        Profile(interests, {**facets, "auditing": 0.5})


# ---------------------------------------------------------------------------------------------
# Flat profiles
# ---------------------------------------------------------------------------------------------


def test_a_flat_profile_ranks_by_facets_alone():
    profile = build_profile(BANK, flat_answers())
    assert profile.is_flat is True
    roles = [director(), patient_rep(), biller(), coder()]
    matches = rank(profile, roles)
    for m in matches:
        assert m.interest_fit is None
        assert m.fit == round(100 * m.facet_fit)
    expected = sorted(roles, key=lambda r: (-round(100 * facet_fit(profile, r)), r.slug))
    assert [m.slug for m in matches] == [r.slug for r in expected]
    assert matches[0].slug == "medical-coder"


def test_a_flat_profile_says_kindly_that_the_interest_answers_had_no_clear_pattern():
    profile = build_profile(BANK, flat_answers())
    reasons = explain(profile, coder())
    assert reasons[0].kind == "flat_interests"
    assert "no clear pattern" in reasons[0].text
    assert "fine" in reasons[0].text
    assert not any(r.kind in {"shared_like", "shared_dislike", "asks_dislike"} for r in reasons)
    assert interest_contributions(profile, coder()) is None


def test_a_role_with_six_equal_interest_scores_is_scored_on_facets_alone():
    flat_role = RoleProfile(
        slug="flat-role",
        name="Flat role",
        plural="flat role workers",
        interests=dict.fromkeys(DIMENSIONS, 4.0),
        facets=levels(1, 5, 3, 3, 2, 2, 1, 3, 1, 5, 2),
    )
    profile = build_profile(BANK, coder_like_answers())
    m = match(profile, flat_role)
    assert m.interest_fit is None
    assert m.fit == round(100 * m.facet_fit)
    assert m.reasons[0].kind == "role_interests_flat"
    assert weighted_correlation(profile.interests, flat_role.interests) is None


# ---------------------------------------------------------------------------------------------
# Ranking: order, ties, determinism, explain
# ---------------------------------------------------------------------------------------------


def test_a_coder_like_person_ranks_the_coder_first_and_the_director_last():
    profile = build_profile(BANK, coder_like_answers())
    matches = rank(profile, [patient_rep(), director(), biller(), coder()])
    assert [(m.slug, m.fit, m.band) for m in matches] == [
        ("medical-coder", 99, "Excellent fit"),
        ("medical-biller", 85, "Strong fit"),
        ("patient-access-representative", 71, "Good fit"),
        ("him-director", 67, "Some fit"),
    ]
    assert matches[0].facet_fit == 1.0 and matches[0].training_fits is True
    assert matches[-1].training_fits is False  # four years or more vs about a year


def test_ranking_is_deterministic_and_ignores_input_order():
    profile = build_profile(BANK, coder_like_answers())
    roles = [patient_rep(), director(), biller(), coder()]
    first = rank(profile, roles)
    assert rank(profile, roles) == first
    assert rank(profile, list(reversed(roles))) == first
    assert rank(profile, tuple(roles[1:] + roles[:1])) == first


def test_ties_are_broken_by_slug():
    profile = build_profile(BANK, coder_like_answers())
    twins = [coder("zeta-coder"), coder("alpha-coder"), coder("mid-coder")]
    for order in (twins, list(reversed(twins))):
        matches = rank(profile, order, explain=False)
        assert [m.slug for m in matches] == ["alpha-coder", "mid-coder", "zeta-coder"]
        assert len({(m.fit, m.facet_fit, m.interest_fit) for m in matches}) == 1


def test_equal_fits_from_different_roles_are_ordered_by_slug():
    profile = build_profile(BANK, flat_answers())
    a = RoleProfile(
        "b-role", "B", "b workers", CODER_INTERESTS, levels(1, 5, 2, 3, 2, 2, 1, 3, 1, 5, 1)
    )
    b = RoleProfile(
        "a-role", "A", "a workers", BILLER_INTERESTS, levels(1, 5, 2, 3, 2, 2, 1, 3, 1, 4, 1)
    )
    fits = {m.slug: m.fit for m in rank(profile, [a, b])}
    assert fits["a-role"] == fits["b-role"]
    assert facet_fit(profile, a) != facet_fit(profile, b)  # equal fit, different scores
    assert [m.slug for m in rank(profile, [a, b])] == ["a-role", "b-role"]


def test_equal_slugs_keep_their_input_order():
    profile = build_profile(BANK, coder_like_answers())
    one, two = coder("same"), coder("same")
    matches = rank(profile, [one, two], explain=True)
    assert [m.slug for m in matches] == ["same", "same"]
    assert matches[0] == matches[1]


def test_explain_builds_reasons_for_all_none_or_only_the_best_n():
    profile = build_profile(BANK, coder_like_answers())
    roles = [patient_rep(), director(), biller(), coder()]
    assert all(m.reasons for m in rank(profile, roles, explain=True))
    assert all(m.reasons == () for m in rank(profile, roles, explain=False))
    assert all(m.reasons == () for m in rank(profile, roles, explain=0))
    two = rank(profile, roles, explain=2)
    assert [bool(m.reasons) for m in two] == [True, True, False, False]
    assert two[0].reasons == explain(profile, coder())
    assert rank(profile, roles, explain=99) == rank(profile, roles, explain=True)
    with pytest.raises(ValueError):
        rank(profile, roles, explain=-1)
    with pytest.raises(TypeError):
        rank(profile, roles, explain="all")


def test_rank_of_a_roleset_equals_rank_of_the_list():
    profile = build_profile(BANK, coder_like_answers())
    roles = [patient_rep(), director(), coder("zeta-coder"), biller(), coder("alpha-coder")]
    role_set = RoleSet(roles)
    assert list(role_set) == roles and len(role_set) == 5 and role_set[2].slug == "zeta-coder"
    for how in (True, False, 2):
        assert rank(profile, role_set, explain=how) == rank(profile, roles, explain=how)
    assert pickle.loads(pickle.dumps(role_set)) == role_set  # noqa: S301 (our own objects)
    assert isinstance(role_set[1:3], RoleSet) and len(role_set[1:3]) == 2
    with pytest.raises(TypeError):
        RoleSet([coder(), "not a role"])


def test_rank_of_no_roles_is_empty():
    profile = build_profile(BANK, coder_like_answers())
    assert rank(profile, []) == []
    assert rank(profile, RoleSet()) == []


def test_match_and_rank_give_the_same_numbers():
    profile = build_profile(BANK, coder_like_answers())
    roles = [patient_rep(), director(), biller(), coder()]
    ranked = {m.slug: m for m in rank(profile, roles)}
    for role in roles:
        assert match(profile, role) == ranked[role.slug]


def test_matches_pickle_and_compare_like_plain_dataclasses():
    profile = build_profile(BANK, coder_like_answers())
    m = rank(profile, [coder()])[0]
    assert pickle.loads(pickle.dumps(m)) == m  # noqa: S301 (our own objects)
    assert isinstance(m, Match) and isinstance(m.reasons[0], Reason)
    assert "medical-coder" in repr(m)
    with pytest.raises(AttributeError):
        m.fit = 1  # frozen


# ---------------------------------------------------------------------------------------------
# Interest fit and reasons
# ---------------------------------------------------------------------------------------------


def test_the_contributions_add_up_to_the_interest_fit():
    profile = build_profile(BANK, coder_like_answers())
    for role in (coder(), biller(), patient_rep(), director()):
        contributions = interest_contributions(profile, role)
        assert sum(contributions.values()) == pytest.approx(interest_fit(profile, role), abs=1e-12)
        assert weighted_correlation(profile.interests, role.interests) == pytest.approx(
            interest_fit(profile, role), abs=1e-12
        )


def test_interest_fit_is_one_for_the_same_shape_and_minus_one_for_the_mirror_image():
    facets = dict.fromkeys(FACETS, 3.0)
    same = Profile({d: (v - 1) / 6 * 100 for d, v in CODER_INTERESTS.items()}, facets)
    mirror = Profile({d: (7 - v) / 6 * 100 for d, v in CODER_INTERESTS.items()}, facets)
    assert interest_fit(same, coder()) == pytest.approx(1.0, abs=1e-12)
    assert interest_fit(mirror, coder()) == pytest.approx(-1.0, abs=1e-12)


def test_interest_reasons_use_plain_words_and_the_roles_plural():
    profile = build_profile(BANK, coder_like_answers())
    texts = [r.text for r in explain(profile, coder())]
    assert (
        "You and medical coders both lean toward organized, rule-based work (Conventional)."
        in texts
    )
    assert "Neither you nor medical coders lean toward creative, artistic work (Artistic)." in texts


def test_a_role_that_asks_for_what_you_dislike_says_so():
    answers = coder_like_answers()
    answers.update({item.code: 1 for item in BANK if item.dimension == "S"})
    profile = build_profile(BANK, answers)
    reasons = explain(profile, patient_rep())
    asks = [r for r in reasons if r.kind == "asks_dislike"]
    assert [r.key for r in asks] == ["S"]
    assert asks[0].text == (
        "The job asks for helping and teaching work (Social), which you said you dislike."
    )
    assert reasons.index(asks[0]) < 3  # the largest contributions come first
    clash = [r for r in reasons if r.kind == "facet_mismatch" and r.key == "patient_contact"]
    assert clash[0].text == (
        "Patient access representatives spend a lot of time working with patients face to face, "
        "which you said you dislike."
    )


# ---------------------------------------------------------------------------------------------
# Facets and training
# ---------------------------------------------------------------------------------------------


def test_facet_fit_is_one_when_every_answer_matches_the_roles_levels():
    role = coder()
    answers = answers_from({**dict.fromkeys(DIMENSIONS, 3), **role.facets})
    answers["C1"] = 5
    profile = build_profile(BANK, answers)
    assert facet_fit(profile, role) == 1.0


def test_liking_a_facet_the_role_lacks_counts_against_it():
    role = coder()  # patient_contact level 1, top level 5
    base = {**dict.fromkeys(DIMENSIONS, 3), **role.facets, "C": 5}
    happy = build_profile(BANK, answers_from(base))
    people_person = build_profile(BANK, answers_from({**base, "patient_contact": 5}))
    # overage 4 x lack (5 - 1) / 4 = 4, weight 1.25: 1 - 5 / 48
    assert facet_fit(people_person, role) == pytest.approx(1 - 1.25 * 4 / 48, abs=1e-12)
    assert facet_fit(people_person, role) < facet_fit(happy, role)
    reason = [r for r in explain(people_person, role) if r.key == "patient_contact"][0]
    assert (
        reason.text
        == "You like working with patients face to face, but medical coders do little of it."
    )


def test_training_that_takes_longer_than_wanted_is_a_penalty_and_a_reason():
    role = director()  # training_time 5
    base = {**dict.fromkeys(DIMENSIONS, 3), **role.facets, "E": 5}
    patient = build_profile(BANK, answers_from(base))
    hurried = build_profile(BANK, answers_from({**base, "training_time": 1}))
    assert match(patient, role).training_fits is True
    m = match(hurried, role)
    assert m.training_fits is False
    # shortfall 4 x weight 1.5 / 48
    assert m.facet_fit == pytest.approx(1 - 6 / 48, abs=1e-12)
    assert m.reasons[-1] == Reason(
        "training_too_long",
        "Training usually takes longer than you said you'd like: four years or more before a first job.",
        "training_time",
    )
    ok = match(patient, role).reasons[-1]
    assert ok.kind == "training_fits" and "four years or more" in ok.text


def test_fit_bands_have_plain_words_at_their_boundaries():
    assert fit_band(100) == fit_band(90) == "Excellent fit"
    assert fit_band(89) == fit_band(80) == "Strong fit"
    assert fit_band(79) == fit_band(70) == "Good fit"
    assert fit_band(69) == fit_band(55) == "Some fit"
    assert fit_band(54) == fit_band(0) == "Weak fit"
    for bad in (-1, 101, 50.0, True, "80"):
        with pytest.raises(ValueError):
            fit_band(bad)


# ---------------------------------------------------------------------------------------------
# Answer errors
# ---------------------------------------------------------------------------------------------


def test_a_missing_answer_raises_answer_error_naming_it():
    answers = coder_like_answers()
    del answers["S8"], answers["auditing-2"]
    with pytest.raises(AnswerError) as caught:
        build_profile(BANK, answers)
    assert caught.value.missing == ["S8", "auditing-2"]
    assert caught.value.invalid == [] and caught.value.unknown == []
    assert "S8" in str(caught.value) and "auditing-2" in str(caught.value)
    assert "missing" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_an_unknown_code_raises_answer_error():
    answers = {**coder_like_answers(), "Z9": 3}
    with pytest.raises(AnswerError) as caught:
        build_profile(BANK, answers)
    assert caught.value.unknown == ["Z9"]
    assert caught.value.missing == [] and caught.value.invalid == []
    assert "unknown item codes: Z9" in str(caught.value)


@pytest.mark.parametrize("bad", [0, 6, -3, 100])
def test_an_out_of_range_answer_raises_answer_error(bad):
    answers = {**coder_like_answers(), "C3": bad}
    with pytest.raises(AnswerError) as caught:
        build_profile(BANK, answers)
    assert caught.value.invalid == ["C3"]
    assert "C3" in str(caught.value) and "1 to 5" in str(caught.value)


@pytest.mark.parametrize("bad", [True, False])
def test_a_bool_answer_is_not_an_int_here(bad):
    answers = {**coder_like_answers(), "R1": bad}
    with pytest.raises(AnswerError) as caught:
        build_profile(BANK, answers)
    assert caught.value.invalid == ["R1"]


@pytest.mark.parametrize("bad", ["3", 3.0, None, 2.5])
def test_a_string_or_float_answer_raises_answer_error(bad):
    answers = {**coder_like_answers(), "remote_work-1": bad}
    with pytest.raises(AnswerError) as caught:
        build_profile(BANK, answers)
    assert caught.value.invalid == ["remote_work-1"]


def test_every_problem_is_reported_at_once_and_sorted():
    answers = coder_like_answers()
    del answers["I7"], answers["A2"]
    answers.update({"R2": "5", "C1": 9, "zz": 1, "aa": 2})
    with pytest.raises(AnswerError) as caught:
        build_profile(BANK, answers)
    err = caught.value
    assert err.missing == ["A2", "I7"]
    assert err.invalid == ["C1", "R2"]
    assert err.unknown == ["aa", "zz"]
    message = str(err)
    for code in ("A2", "I7", "C1", "R2", "aa", "zz"):
        assert code in message
    again = pickle.loads(pickle.dumps(err))  # noqa: S301 (our own objects)
    assert (again.missing, again.invalid, again.unknown) == (err.missing, err.invalid, err.unknown)


def test_the_answer_error_message_reads_as_the_docs_show():
    err = AnswerError(missing=["C-8"], unknown=["X-1"])
    message = "Cannot score the questionnaire: missing answers for 1 item(s): C-8; unknown item codes: X-1"
    assert str(err) == message
    assert message in DOC.read_text(encoding="utf-8")


def test_a_bank_without_items_for_a_dimension_or_facet_is_refused():
    bank = [item for item in BANK if item.facet != "remote_work"]
    answers = {item.code: 3 for item in bank}
    with pytest.raises(ValueError, match="remote_work"):
        build_profile(bank, answers)
    with pytest.raises(ValueError, match="Duplicate"):
        build_profile([*BANK, BANK[0]], coder_like_answers())


def test_items_and_roles_validate_their_fields():
    with pytest.raises(ValueError):
        Item("X1")
    with pytest.raises(ValueError):
        Item("X1", dimension="R", facet="auditing")
    with pytest.raises(ValueError):
        Item("X1", dimension="Q")
    with pytest.raises(ValueError):
        Item("X1", facet="cooking")
    with pytest.raises(ValueError):
        RoleProfile("r", "R", "rs", {**CODER_INTERESTS, "C": 7.5}, coder().facets)
    with pytest.raises(ValueError):
        RoleProfile("r", "R", "rs", CODER_INTERESTS, {**coder().facets, "auditing": True})
    with pytest.raises(ValueError):
        RoleProfile("r", "R", "rs", CODER_INTERESTS, {**coder().facets, "auditing": 6})
    with pytest.raises(ValueError):
        RoleProfile("r", "R", "rs", CODER_INTERESTS, {f: 3 for f in FACETS[:-1]})
    with pytest.raises(ValueError):
        RoleProfile("", "R", "rs", CODER_INTERESTS, coder().facets)


def test_a_role_copies_the_mappings_it_is_given():
    interests = dict(CODER_INTERESTS)
    facets = levels(1, 5, 3, 3, 2, 2, 1, 3, 1, 5, 2)
    role = RoleProfile("r", "R", "rs", interests, facets)
    interests["A"] = 7.0
    facets["clinical_detail"] = 1
    assert role.interests["A"] == 1.0 and role.facets["clinical_detail"] == 5
    assert role.holland_code == "CIS"
    assert role.strongest_facets == ("clinical_detail", "remote_work")
