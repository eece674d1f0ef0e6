"""The questionnaire's JSON API: /api/v1/quiz/items and /api/v1/quiz/score."""

import json

import pytest

from assessments.models import Result
from tests.assessments.factories import answers_for, item_bank
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db

ITEMS = "/api/v1/quiz/items"
SCORE = "/api/v1/quiz/score"


@pytest.fixture
def items():
    bank = item_bank(per_dimension=2, per_facet=1)
    RoleFactory(
        slug="medical-coder", name="Medical coder", plural="medical coders",
        interest_r=2.86, interest_i=4.33, interest_a=1.00, interest_s=3.41, interest_e=1.88, interest_c=6.95,
        with_facets={"patient_contact": 1, "clinical_detail": 5, "remote_work": 5, "training_time": 2},
    )
    RoleFactory(
        slug="patient-access", name="Patient access representative", plural="patient access representatives",
        interest_r=2.0, interest_i=1.5, interest_a=1.2, interest_s=6.0, interest_e=4.5, interest_c=5.0,
        with_facets={"patient_contact": 5, "clinical_detail": 1, "remote_work": 1, "training_time": 1},
    )
    return bank


@pytest.fixture
def answers(items):
    return answers_for(
        items,
        interests={"R": 2, "I": 4, "A": 1, "S": 2, "E": 1, "C": 5},
        facets={"patient_contact": 1, "clinical_detail": 5, "remote_work": 5, "training_time": 2},
    )


def post(client, body):
    raw = body if isinstance(body, str) else json.dumps(body)
    return client.post(SCORE, raw, content_type="application/json")


def test_items_lists_the_scale_and_every_statement_in_order(client, items):
    body = client.get(ITEMS).json()

    assert body["scale"] == {"min": 1, "max": 5, "labels": ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]}
    assert [i["code"] for i in body["items"]] == [i.code for i in items]
    assert body["items"][0] == {"code": "R1", "text": "Realistic activity 1", "dimension": "R"}
    assert body["items"][-1] == {
        "code": "F12",
        "text": "Work with training time",
        "facet": "training_time",
        "labels": ["A few weeks", "Up to 6 months", "About a year", "About 2 years", "4 years or more"],
    }


def test_score_returns_the_profile_and_every_role_best_first(client, answers):
    response = post(client, {"answers": answers})

    body = response.json()
    assert response.status_code == 200
    assert body["profile"] == {"R": 25.0, "I": 75.0, "A": 0.0, "S": 25.0, "E": 0.0, "C": 100.0}
    assert body["holland_code"] == "CIR"
    assert body["is_flat"] is False
    assert [m["role"] for m in body["matches"]] == ["medical-coder", "patient-access"]
    first = body["matches"][0]
    assert first["fit"] > body["matches"][1]["fit"]
    assert isinstance(first["fit"], int) and first["band"]
    assert all(isinstance(r, str) for r in first["reasons"]) and first["reasons"]


def test_the_score_body_is_exactly_what_its_documented_schema_gives(client, answers):
    from assessments.api import ScoreOut

    body = post(client, {"answers": answers}).json()

    assert ScoreOut.model_validate(body).model_dump(mode="json") == body
    assert set(body["first_place"]) == {"close_call", "runner_up", "lead", "stable", "challenger", "undecided"}


def test_score_saves_nothing(client, answers):
    post(client, {"answers": answers})

    assert not Result.objects.exists()


def test_a_flat_set_of_answers_says_so(client, items):
    body = post(client, {"answers": answers_for(items, default=3)}).json()

    assert body["is_flat"] is True


def test_missing_answers_are_a_422_naming_them(client, answers):
    del answers["R1"], answers["F4"]

    response = post(client, {"answers": answers})

    body = response.json()
    assert response.status_code == 422
    assert body["missing"] == ["F4", "R1"]
    assert body["invalid"] == [] and body["unknown"] == []
    assert "2 statement(s) have no answer" in body["detail"]


@pytest.mark.parametrize("bad", [0, 6, -1, 3.5, 3.0, "3", True, None, [3], {"v": 3}, 10**40])
def test_out_of_range_or_wrongly_typed_answers_are_a_422_naming_them(client, answers, bad):
    answers["C2"] = bad

    response = post(client, {"answers": answers})

    assert response.status_code == 422
    assert response.json()["invalid"] == ["C2"]


def test_unknown_codes_are_a_422_naming_them(client, answers):
    answers["ZZ1"] = 3

    response = post(client, {"answers": answers})

    assert response.status_code == 422
    assert response.json()["unknown"] == ["ZZ1"]


def test_an_empty_body_object_lists_every_code_as_missing(client, items):
    response = post(client, {})

    assert response.status_code == 422
    assert len(response.json()["missing"]) == len(items)


@pytest.mark.parametrize("body", ['{"answers": ', "not json", "{'answers': {}}"])
def test_malformed_json_is_a_400(client, items, body):
    response = post(client, body)

    assert response.status_code == 400
    assert "detail" in response.json()


@pytest.mark.parametrize("body", [{"answers": [1, 2]}, {"answers": "all fives"}, {"answers": None}])
def test_answers_of_the_wrong_shape_are_a_422(client, items, body):
    response = post(client, body)

    assert response.status_code == 422
    assert "detail" in response.json()


@pytest.mark.parametrize("body", [[1, 2], "a string", 5, None])
def test_a_body_that_is_not_an_object_is_refused_not_a_500(client, items, body):
    response = post(client, body)

    assert response.status_code in (400, 422)
    assert "detail" in response.json()


def test_both_endpoints_are_documented_with_their_responses(client):
    schema = client.get("/api/v1/openapi.json").json()

    items = schema["paths"]["/api/v1/quiz/items"]["get"]
    score = schema["paths"]["/api/v1/quiz/score"]["post"]
    assert "200" in items["responses"]
    assert {"200", "400", "422"} <= set(score["responses"])
    assert score["requestBody"]["content"]["application/json"]["schema"]
