"""The answer keys checked against the real code set and the rules they cite."""

import simple_icd_10_cm as cm

from worksamples.samples import billing, coding, registry, release


def test_every_coding_key_code_exists_and_is_billable():
    for visit in coding.VISITS:
        for code in visit.key:
            assert cm.is_valid_item(code), code
            assert cm.is_leaf(code), f"{code} is not billable"


def test_the_billing_claim_uses_real_billable_diagnosis_codes():
    for _line, _date, _service, dx in billing.CLAIM_LINES:
        code = dx.split()[0]
        assert cm.is_valid_item(code) and cm.is_leaf(code), code


def test_the_billing_claim_has_no_cpt_codes():
    # CPT codes are five digits (or four digits and a letter); HCPCS Level II start with a letter.
    import re

    text = " ".join(s for _l, _d, s, _x in billing.CLAIM_LINES)
    assert not re.search(r"\b\d{4}[0-9FTU]\b", text)


def test_every_release_answer_cites_a_hipaa_rule_with_its_source():
    for q in release.QUESTIONS:
        assert q.sources, q.slug
        for label, url in q.sources:
            assert label.startswith("45 CFR 164.")
            assert url.startswith("https://www.ecfr.gov/") and url.endswith(label.removeprefix("45 CFR "))
    cited = {label for q in release.QUESTIONS for label, _ in q.sources}
    assert {"45 CFR 164.502", "45 CFR 164.508", "45 CFR 164.512"} <= cited


def test_each_choice_sample_has_a_key_among_its_choices():
    values = {c.value for c in release.CHOICES}
    assert {q.key for q in release.QUESTIONS} <= values
    assert {q.key for q in billing.QUESTIONS} <= {c.value for c in billing.CHOICES}
    assert sum(q.key != "ok" for q in billing.QUESTIONS) == 4
    for f in registry.FIELDS:
        assert f.key in dict(f.choices)
