"""result_submit and the other service functions: rows in, a stored Result out."""

import pytest

from assessments.models import Result
from assessments.scoring import WORK_FACETS, AnswerError
from assessments.selectors import profile_chart
from assessments.services import (
    result_set_hidden,
    result_submit,
    scoring_inputs,
)
from tests.assessments.factories import (
    CohortFactory,
    ResultFactory,
    answers_for,
    item_bank,
    match_rows,
)
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db

CODER_FACETS = {"patient_contact": 1, "clinical_detail": 5, "payer_finance": 3, "remote_work": 5, "training_time": 2}
FRONT_DESK_FACETS = {"patient_contact": 5, "clinical_detail": 1, "payer_finance": 4, "remote_work": 1, "training_time": 1}


def make_coder():
    return RoleFactory(
        slug="medical-coder", name="Medical coder", plural="medical coders",
        interest_r=2.86, interest_i=4.33, interest_a=1.00, interest_s=3.41, interest_e=1.88, interest_c=6.95,
        with_facets=CODER_FACETS,
    )


def make_front_desk():
    return RoleFactory(
        slug="patient-access", name="Patient access representative", plural="patient access representatives",
        interest_r=2.0, interest_i=1.5, interest_a=1.2, interest_s=6.0, interest_e=4.5, interest_c=5.0,
        with_facets=FRONT_DESK_FACETS,
    )


def coder_like_answers(items):
    return answers_for(
        items,
        interests={"R": 2, "I": 4, "A": 1, "S": 2, "E": 1, "C": 5},
        facets={"patient_contact": 1, "clinical_detail": 5, "remote_work": 5, "training_time": 2},
    )


def test_it_stores_answers_profile_and_every_match_with_reasons():
    items = item_bank()
    make_coder(), make_front_desk()
    answers = coder_like_answers(items)

    result = result_submit(answers=answers)

    result.refresh_from_db()
    assert result.answers == answers
    assert set(result.profile) == {"interests", "facets", "training", "holland_code", "is_flat", "spread"}
    assert result.scoring_model == "2" and set(result.summary) >= {"close_call", "stable", "challenger", "undecided"}
    assert result.profile["interests"]["C"] == 100.0
    assert set(result.profile["facets"]) == set(WORK_FACETS)
    assert result.profile["training"] == 2
    assert result.profile["holland_code"] == "CIR"
    assert result.profile["is_flat"] is False
    assert [m["role"] for m in result.matches] == ["medical-coder", "patient-access"]
    first = result.matches[0]
    assert set(first) == {"role", "fit", "band", "score", "interest_fit", "facet_fit", "training_fits", "training_gap", "reasons"}
    assert 0 <= first["fit"] <= 100 and first["band"]
    assert all(m["reasons"] for m in result.matches)
    assert set(first["reasons"][0]) == {"kind", "text", "key", "msg", "args"}


def test_it_ranks_the_role_whose_profile_matches_first():
    items = item_bank()
    make_coder(), make_front_desk()
    answers = answers_for(
        items,
        interests={"R": 2, "I": 1, "A": 1, "S": 5, "E": 4, "C": 4},
        facets={"patient_contact": 5, "clinical_detail": 1, "payer_finance": 4, "remote_work": 1, "training_time": 1},
    )

    result = result_submit(answers=answers)

    assert [m["role"] for m in result.matches] == ["patient-access", "medical-coder"]
    assert result.matches[0]["fit"] > result.matches[1]["fit"]


def test_it_gives_each_result_an_unguessable_token():
    items = item_bank()
    make_coder()
    answers = coder_like_answers(items)

    tokens = {result_submit(answers=answers).token for _ in range(3)}

    assert len(tokens) == 3
    assert all(len(t) >= 43 for t in tokens)  # 256 random bits, URL-safe


@pytest.mark.django_db(transaction=True)
def test_scoring_runs_before_the_write_transaction_so_other_submissions_do_not_wait(monkeypatch):
    # SQLite takes its write lock when a transaction begins: scoring inside one made every
    # other student's submission wait for the whole scoring time.
    from django.db import connection

    from assessments import services

    items = item_bank()
    make_coder()
    seen = []
    real = services.score_answers

    def watching(answers, **kwargs):
        seen.append(connection.in_atomic_block)
        return real(answers, **kwargs)

    monkeypatch.setattr(services, "score_answers", watching)

    result = result_submit(answers=coder_like_answers(items))

    assert seen == [False]
    assert Result.objects.get(pk=result.pk).matches[0]["role"] == "medical-coder"


def test_missing_invalid_or_unknown_answers_raise_and_save_nothing():
    items = item_bank()
    make_coder()
    answers = coder_like_answers(items)
    del answers["R1"]
    answers["C1"] = 9
    answers["ZZ9"] = 3

    with pytest.raises(AnswerError) as error:
        result_submit(answers=answers)

    assert error.value.missing == ["R1"]
    assert error.value.invalid == ["C1"]
    assert error.value.unknown == ["ZZ9"]
    assert not Result.objects.exists()


def test_it_keeps_a_display_name_only_with_a_class():
    items = item_bank()
    make_coder()
    answers = coder_like_answers(items)
    cohort = CohortFactory()

    with_class = result_submit(answers=answers, cohort=cohort, display_name="  Jo   M. ")
    without_class = result_submit(answers=answers, display_name="Jo M.")

    assert (with_class.cohort, with_class.display_name) == (cohort, "Jo M.")
    assert (without_class.cohort, without_class.display_name) == (None, "")


def test_scoring_inputs_are_read_once_per_content_version(django_assert_num_queries):
    item_bank()
    make_coder()
    first = scoring_inputs()

    with django_assert_num_queries(0):
        assert scoring_inputs() is first

    make_front_desk()  # a content write: a new content generation, so the inputs are re-read
    assert set(scoring_inputs().names) == {"medical-coder", "patient-access"}


def test_a_role_with_incomplete_facets_is_left_out_not_fatal():
    items = item_bank()
    make_coder()
    broken = RoleFactory(slug="broken-role")
    broken.facets.filter(facet="auditing").delete()

    result = result_submit(answers=coder_like_answers(items))

    assert [m["role"] for m in result.matches] == ["medical-coder"]


def test_hiding_a_match_records_it_once_and_undo_removes_it():
    roles = [RoleFactory() for _ in range(3)]
    result = ResultFactory(matches=match_rows(roles))
    slug = roles[1].slug

    assert result_set_hidden(result=result, slug=slug) is True
    assert result_set_hidden(result=result, slug=slug) is False
    result.refresh_from_db()
    assert result.hidden == [slug]

    assert result_set_hidden(result=result, slug=slug, hidden=False) is True
    result.refresh_from_db()
    assert result.hidden == []


def test_hiding_ignores_a_slug_that_is_not_a_match():
    result = ResultFactory(matches=match_rows([RoleFactory()]))

    assert result_set_hidden(result=result, slug="no-such-role") is False
    result.refresh_from_db()
    assert result.hidden == []


def test_the_profile_chart_scales_bars_to_100():
    labels = {"R": ("Realistic", "Doers"), "C": ("Conventional", "Organizers")}
    chart = profile_chart({"R": 0, "I": 50, "A": 25.5, "S": 37.5, "E": 100, "C": 100}, labels)

    assert [b.code for b in chart.bars] == ["R", "I", "A", "S", "E", "C"]
    assert [b.score for b in chart.bars] == [0, 50, 26, 38, 100, 100]
    assert chart.bars[4].width == chart.scale_width
    assert chart.bars[1].width == chart.scale_width / 2
    assert chart.bars[0].width > 0  # a zero still shows as a sliver
    assert (chart.bars[5].label, chart.bars[5].nickname) == ("Conventional", "Organizers")
    assert chart.bars[2].label == "A"  # no label given: the letter
