"""Property-based tests of assessments.scoring (hypothesis; no database, no Django)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessments.scoring import (
    DIMENSIONS,
    FACET_SHARE,
    FACETS,
    INTEREST_SHARE,
    WORK_FACETS,
    AnswerError,
    Item,
    RoleProfile,
    RoleSet,
    build_profile,
    facet_fit,
    fit_band,
    interest_contributions,
    interest_fit,
    match,
    rank,
    weighted_correlation,
)

ITEMS_PER_DIMENSION = {"R": 6, "I": 7, "A": 6, "S": 8, "E": 6, "C": 8}
ITEMS_PER_FACET = dict(zip(FACETS, (2, 3, 2, 1, 2, 1, 1, 2, 1, 1, 2), strict=True))
BANK = [
    Item(f"{d}{n}", dimension=d) for d in DIMENSIONS for n in range(1, ITEMS_PER_DIMENSION[d] + 1)
] + [Item(f"{f}-{n}", facet=f) for f in FACETS for n in range(1, ITEMS_PER_FACET[f] + 1)]
CODES = [item.code for item in BANK]
CODES_OF = {
    key: [item.code for item in BANK if (item.dimension or item.facet) == key]
    for key in (*DIMENSIONS, *FACETS)
}

answer = st.integers(min_value=1, max_value=5)
level = st.integers(min_value=1, max_value=5)
onet_score = st.integers(min_value=100, max_value=700).map(lambda n: n / 100)  # 1.00 ... 7.00


@st.composite
def answer_sets(draw) -> dict[str, int]:
    """Any complete, valid answer set; sometimes with flat interest answers."""
    answers = draw(st.fixed_dictionaries({code: answer for code in CODES}))
    if draw(st.integers(min_value=0, max_value=4)) == 0:  # one time in five
        same = draw(answer)
        for d in DIMENSIONS:
            for code in CODES_OF[d]:
                answers[code] = same
    return answers


def roles_with(slug: str, *, interests=None, facets=None):
    """A role strategy with every scoring field set (drawn or given)."""
    return st.builds(
        RoleProfile,
        slug=st.just(slug),
        name=st.just(slug.replace("-", " ").capitalize()),
        plural=st.just(slug.replace("-", " ") + "s"),
        interests=st.just(interests)
        if interests is not None
        else st.fixed_dictionaries({d: onet_score for d in DIMENSIONS}),
        facets=st.just(facets)
        if facets is not None
        else st.fixed_dictionaries({f: level for f in FACETS}),
    )


@st.composite
def role_lists(draw, min_size=1, max_size=6) -> list[RoleProfile]:
    n = draw(st.integers(min_value=min_size, max_value=max_size))
    slugs = draw(
        st.lists(
            st.sampled_from(
                ["coder", "biller", "registrar", "auditor", "analyst", "director", "rep"]
            ),
            min_size=n,
            max_size=n,
            unique=True,
        )
    )
    return [draw(roles_with(slug)) for slug in slugs]


def expected_fit(r: float | None, f: float) -> int:
    score = f if r is None else INTEREST_SHARE * (r + 1) / 2 + FACET_SHARE * f
    return max(0, min(100, round(100 * score)))


@settings(max_examples=150, deadline=None)
@given(answers=answer_sets(), roles=role_lists())
def test_scores_stay_in_range_for_any_valid_answers(answers, roles):
    profile = build_profile(BANK, answers)
    assert all(0.0 <= v <= 100.0 for v in profile.interests.values())
    assert all(1.0 <= v <= 5.0 for v in profile.facets.values())
    assert len(set(profile.holland_code)) == 3 and set(profile.holland_code) <= set(DIMENSIONS)
    assert profile.is_flat == (len(set(profile.interests.values())) == 1)

    matches = rank(profile, roles)
    assert sorted(m.slug for m in matches) == sorted(r.slug for r in roles)
    by_slug = {r.slug: r for r in roles}
    for m in matches:
        role = by_slug[m.slug]
        assert isinstance(m.fit, int) and 0 <= m.fit <= 100
        assert m.band == fit_band(m.fit)
        assert 0.0 <= m.facet_fit <= 1.0
        if profile.is_flat or len(set(role.interests.values())) == 1:
            assert m.interest_fit is None
        else:
            assert -1.0 <= m.interest_fit <= 1.0
            parts = interest_contributions(profile, role)
            assert abs(sum(parts.values()) - m.interest_fit) < 1e-9
            assert (
                abs(weighted_correlation(profile.interests, role.interests) - m.interest_fit) < 1e-9
            )
        assert m.fit == expected_fit(m.interest_fit, m.facet_fit)
        assert m.training_fits == (profile.facets["training_time"] >= role.facets["training_time"])
        assert m.reasons and all(r.text for r in m.reasons)
    # best first; equal fits by slug
    keys = [(-m.fit, m.slug) for m in matches]
    assert keys == sorted(keys)


@st.composite
def role_and_its_mirror_person(draw):
    """A role whose six interest scores and eleven facet levels come from a person's answers:
    the person's interest answers per dimension, and every facet item answered at the role's
    level. The person's profile then has exactly the role's shape."""
    per_dimension = {
        d: draw(st.lists(answer, min_size=len(CODES_OF[d]), max_size=len(CODES_OF[d])))
        for d in DIMENSIONS
    }
    means = {d: sum(v) / len(v) for d, v in per_dimension.items()}
    assume(len(set(means.values())) > 1)  # a flat profile has no shape to match
    interests = {d: 1 + 6 * (means[d] - 1) / 4 for d in DIMENSIONS}  # 1-5 mean -> 1-7 scale
    facets = draw(st.fixed_dictionaries({f: level for f in FACETS}))
    answers = {}
    for d, values in per_dimension.items():
        answers.update(zip(CODES_OF[d], values, strict=True))
    for f in FACETS:
        answers.update(dict.fromkeys(CODES_OF[f], facets[f]))
    target = RoleProfile("zz-target", "Target", "targets", interests, facets)  # sorts last by slug
    return target, answers


@st.composite
def different_shapes(draw, target: RoleProfile) -> list[RoleProfile]:
    """Roles clearly unlike the target: a different interest shape (weighted correlation with the
    target at most 0.9), or the same interests but a facet the target's person would be short of
    (a level above the target's)."""
    out = []
    for i in range(draw(st.integers(min_value=1, max_value=5))):
        slug = f"other-{i}"
        if draw(st.booleans()):
            role = draw(roles_with(slug))
            r = weighted_correlation(role.interests, target.interests)
            assume(r is not None and r <= 0.9)
        else:
            raisable = [f for f in FACETS if target.facets[f] < 5]
            assume(raisable)
            facet = draw(st.sampled_from(raisable))
            facets = dict(target.facets)
            facets[facet] = draw(st.integers(min_value=facets[facet] + 1, max_value=5))
            interests = draw(
                st.sampled_from(
                    [target.interests, {d: 1 + (v - 1) / 2 for d, v in target.interests.items()}]
                )
            )
            role = draw(roles_with(slug, interests=interests, facets=facets))
        out.append(role)
    return out


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_person_shaped_like_a_role_ranks_that_role_first(data):
    target, answers = data.draw(role_and_its_mirror_person())
    others = data.draw(different_shapes(target))
    profile = build_profile(BANK, answers)
    assert interest_fit(profile, target) > 1 - 1e-9
    assert facet_fit(profile, target) == 1.0
    roles = data.draw(st.permutations([target, *others]))
    matches = rank(profile, roles, explain=False)
    assert matches[0].slug == "zz-target"
    assert matches[0].fit == 100
    assert all(m.fit < 100 for m in matches[1:])
    assert rank(profile, RoleSet(roles), explain=False) == matches


@st.composite
def answers_role_and_raised_strongest_facet(draw):
    """Any answers; a role whose top level is drawn first (so roles whose strongest work facet
    is below 5 are common); one of its strongest facets; and the answers with that facet's items
    raised (the first item by at least one step, unless it is already 5)."""
    answers = draw(answer_sets())
    top = draw(st.integers(min_value=1, max_value=5))
    facets = draw(
        st.fixed_dictionaries({f: st.integers(min_value=1, max_value=top) for f in WORK_FACETS})
    )
    facets[draw(st.sampled_from(WORK_FACETS))] = top
    facets["training_time"] = draw(level)
    role = draw(roles_with("the-role", facets=facets))
    top_all = max(facets.values())
    strongest = sorted(
        {f for f in FACETS if facets[f] == top_all} | {f for f in WORK_FACETS if facets[f] == top}
    )
    facet = draw(st.sampled_from(strongest))
    raised = dict(answers)
    for n, code in enumerate(CODES_OF[facet]):
        step = draw(st.integers(min_value=1 if n == 0 else 0, max_value=4))
        raised[code] = min(5, answers[code] + step)
    return answers, raised, role, facet


@settings(max_examples=200, deadline=None)
@given(case=answers_role_and_raised_strongest_facet(), others=role_lists(max_size=3))
def test_raising_answers_on_a_roles_strongest_facet_never_lowers_its_fit(case, others):
    answers, raised, role, facet = case
    before = build_profile(BANK, answers)
    after = build_profile(BANK, raised)
    assert after.facets[facet] >= before.facets[facet]
    m_before, m_after = match(before, role), match(after, role)
    assert m_after.facet_fit >= m_before.facet_fit
    assert m_after.interest_fit == m_before.interest_fit
    assert m_after.fit >= m_before.fit
    in_rank_before = {m.slug: m.fit for m in rank(before, [role, *others], explain=False)}
    in_rank_after = {m.slug: m.fit for m in rank(after, [role, *others], explain=False)}
    assert in_rank_after["the-role"] >= in_rank_before["the-role"]


@settings(max_examples=150, deadline=None)
@given(answers=answer_sets(), dropped=st.sets(st.sampled_from(CODES), min_size=1))
def test_incomplete_answers_raise_answer_error(answers, dropped):
    for code in dropped:
        del answers[code]
    try:
        build_profile(BANK, answers)
    except AnswerError as err:
        assert err.missing == sorted(dropped)
        assert err.invalid == [] and err.unknown == []
        assert all(code in str(err) for code in dropped)
    else:
        raise AssertionError("incomplete answers were accepted")


@settings(max_examples=100, deadline=None)
@given(
    answers=answer_sets(),
    extra=st.dictionaries(
        st.text(min_size=1, max_size=6).filter(lambda c: c not in CODES),
        answer,
        min_size=1,
        max_size=3,
    ),
    bad=st.dictionaries(
        st.sampled_from(CODES),
        st.one_of(
            st.integers(6, 99),
            st.integers(-9, 0),
            st.booleans(),
            st.text(max_size=2),
            st.floats(allow_nan=False),
        ),
        max_size=3,
    ),
)
def test_unknown_codes_and_bad_values_are_all_reported(answers, extra, bad):
    answers.update(extra)
    answers.update(bad)
    try:
        build_profile(BANK, answers)
    except AnswerError as err:
        assert err.unknown == sorted(extra)
        assert err.invalid == sorted(bad)
        assert err.missing == []
    else:
        raise AssertionError("bad answers were accepted")


@settings(max_examples=100, deadline=None)
@given(answers=answer_sets(), roles=role_lists(min_size=2), data=st.data())
def test_ranking_is_deterministic_whatever_the_input_order(answers, roles, data):
    profile = build_profile(BANK, answers)
    first = rank(profile, roles, explain=2)
    shuffled = data.draw(st.permutations(roles))
    assert rank(profile, shuffled, explain=2) == first
    assert rank(profile, RoleSet(shuffled), explain=2) == first
    assert [bool(m.reasons) for m in first] == [True, True] + [False] * (len(roles) - 2)
