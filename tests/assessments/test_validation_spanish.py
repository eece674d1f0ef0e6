"""The validation harness on the Spanish bank (``python -m assessments.validation --lang es``)."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from assessments.validation import population, simulate
from assessments.validation.content import CONTENT, bank_problems, load_bank, load_roles


def test_the_spanish_bank_is_the_english_instrument_and_scores_the_same():
    english, spanish = load_bank(), load_bank(lang="es")
    assert spanish.items == english.items and spanish.codes_by_key == english.codes_by_key
    assert bank_problems(spanish, english) == []  # items.yaml holds every statement in Spanish
    roles = load_roles()
    runs = [simulate.run("realistic", bank, roles, population.realistic(bank, 150, seed=5)) for bank in (english, spanish)]
    assert runs[0].first == runs[1].first and runs[0].retest_in_top3 == runs[1].retest_in_top3


def _bank_with(tmp_path, change) -> object:
    data = yaml.safe_load((CONTENT / "items.yaml").read_text(encoding="utf-8"))
    change(data)
    (tmp_path / "items.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_bank(tmp_path, lang="es")


def test_the_check_names_missing_spanish_statements_and_labels(tmp_path):
    def translate_all_but_one(data):
        data["items"][0].pop("text_es", None)
        for row in data["items"][1:]:
            row["text_es"] = f"Afirmación {row['code']}"
        data["scale"]["labels_es"] = ["Me disgusta mucho", "No me gusta", "No sé", "Me gusta", "Me gusta mucho"]

    bank = _bank_with(tmp_path, translate_all_but_one)
    problems = bank_problems(bank, load_bank())
    first = load_bank().codes[0]
    assert problems == [f"es: 1 of {len(bank.codes)} statements have no text_es: {first}"]


def test_the_check_catches_a_bank_in_another_order_or_with_other_keys():
    english = load_bank()
    swapped = dataclasses.replace(english, lang="es", items=english.items[::-1], texts=("x",) * len(english.items), labels=("a",) * 5)
    assert any("order differ" in p for p in bank_problems(swapped, english))
    with pytest.raises(ValueError, match="unknown language"):
        load_bank(lang="fr")


def test_the_command_runs_the_spanish_bank(capsys):
    from assessments.validation.__main__ import main

    status = main(["--n", "60", "--lang", "es"])
    out = capsys.readouterr().out
    assert "60 statements (es)" in out and "chart: none" in out
    issues = bank_problems(load_bank(lang="es"), load_bank())
    assert all(issue in out for issue in issues) and (status == 1 if issues else True)
