"""The score API's Spanish names and reasons are read once per content version (issue 15):
an edit of a role's Spanish name or plural shows in the next answer, English stays English."""

import json

import pytest
from django.utils import translation

from careers.models import Role
from tests.assessments.test_quiz_api import SCORE, answers, items  # noqa: F401 (fixtures)
from tests.assessments.test_spanish import catalog  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def score(client, answers, language):  # noqa: F811 (the fixture's value)
    with translation.override(language):
        return client.post(SCORE, json.dumps({"answers": answers}), content_type="application/json", HTTP_ACCEPT_LANGUAGE=language).json()


def test_a_spanish_name_and_plural_edit_shows_in_the_next_spanish_answer(client, catalog, answers):  # noqa: F811
    Role.objects.filter(slug="medical-coder").update(name_es="", plural_es="")
    before = score(client, answers, "es")
    role = Role.objects.get(slug="medical-coder")
    role.name_es, role.plural_es = "Codificador médico", "codificadores médicos"
    role.save()  # a new content generation

    after = score(client, answers, "es")
    coder = next(m for m in after["matches"] if m["role"] == "medical-coder")
    assert coder["name"] == "Codificador médico"
    assert any("codificadores médicos" in reason.lower() for reason in coder["reasons"])
    assert [m["role"] for m in after["matches"]] == [m["role"] for m in before["matches"]]

    english = next(m for m in score(client, answers, "en")["matches"] if m["role"] == "medical-coder")
    assert english["name"] == "Medical coder"
    assert not any("codificadores" in reason for reason in english["reasons"])


def test_the_score_body_is_written_exactly_as_the_json_encoder_writes_it(real_content):
    """The API writes the matches from texts it encoded before (assessments.api._score_json): the
    body must be the JSON encoder's, character for character, in both languages and for answer
    sets of every kind (flat, decided, mixed; names with accents; rounded and negative scores)."""
    import random

    from assessments.api import _score_body, _score_json
    from assessments.services import score_answers, scoring_inputs

    inputs = scoring_inputs()
    codes = [item.code for item in inputs.items]
    rng = random.Random(4)
    answer_sets = [dict.fromkeys(codes, 3), dict.fromkeys(codes, 5)]
    answer_sets += [{code: rng.choice(values) for code in codes} for values in [(1, 2, 3, 4, 5), (1, 5), (3, 4), (2, 3)] * 5]
    for language in ("en", "es"):
        with translation.override(language):
            for answers in answer_sets:  # noqa: F402 (not the fixture)
                scored = score_answers(answers, inputs=inputs)
                written = _score_json(scored, inputs)
                assert written == json.dumps(_score_body(scored, inputs), separators=(",", ":"))
                assert json.loads(written)["matches"][0]["name"]
