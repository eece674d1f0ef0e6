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
