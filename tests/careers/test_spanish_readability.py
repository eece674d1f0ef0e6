"""The Spanish content reads easily: Fernández-Huerta 60 or more ("normal" or easier) for each
role's summary and typical day together, and for the quiz statements joined. Nothing is skipped:
a role or a quiz without Spanish fails here. `manage.py content_readability` prints every score."""

import pytest

from careers.content import parse_content
from careers.content_readability import FLOOR, fernandez_huerta, readability_scores, spanish_texts
from tests.conftest import CONTENT_DIR

SCORES = readability_scores(CONTENT_DIR)


@pytest.mark.parametrize("name", sorted(SCORES))
def test_spanish_reads_easily(name):
    score = SCORES[name]
    assert score is not None, f"{name}: no Spanish to measure"
    assert score >= FLOOR, f"{name}: Fernández-Huerta {score:.1f} is below {FLOOR:g}"


def test_every_role_and_the_quiz_are_measured():
    assert set(SCORES) == {f"role:{slug}" for slug in parse_content(CONTENT_DIR).roles} | {"quiz"}


def test_the_measure_tells_plain_spanish_from_heavy_spanish():
    plain = "Lees notas del médico. Eliges un código. Lo revisas. Luego pasas al siguiente caso."
    heavy = (
        "La documentación clínica institucional constituye fundamentalmente la herramienta administrativa "
        "imprescindible para la determinación interdisciplinaria de responsabilidades organizacionales."
    )
    assert fernandez_huerta(plain) >= FLOOR > fernandez_huerta(heavy)
    assert fernandez_huerta("  ") is None


def test_quiz_statements_are_measured_as_sentences(tmp_path):
    import shutil

    import yaml

    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    data = yaml.safe_load((root / "items.yaml").read_text())
    data["items"][0]["text_es"] = "Arreglar una bici"
    (root / "items.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    assert spanish_texts(root)["quiz"].startswith("Arreglar una bici.")
