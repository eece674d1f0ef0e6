"""check_content: the real content is consistent, and each kind of contradiction is refused with
the file and field named."""

import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from careers.models import Role
from tests.conftest import CONTENT_DIR


def check(path=CONTENT_DIR) -> str:
    out = StringIO()
    call_command("check_content", path=str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def content(tmp_path):
    """A writable copy of the real content; edit(name, old, new) changes one file."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)

    def edit(name, old, new):
        path = root / name
        text = path.read_text()
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1))

    edit.root = root
    return edit


def refused(root, *fragments):
    with pytest.raises(CommandError) as info:
        check(root)
    for fragment in fragments:
        assert fragment in str(info.value), str(info.value)


def test_the_real_content_is_consistent():
    assert "Content is consistent: 19 roles checked." in check()


def test_a_usual_start_no_route_provides_is_named(content):
    content("roles/medical-coder.yaml", "entry_education:\n  level: certificate", "entry_education:\n  level: master")
    refused(content.root, "roles/medical-coder.yaml: entry_education.level: 'master'")


def test_a_prior_work_text_that_disagrees_with_its_months_is_named(content):
    content("roles/inpatient-coder.yaml", "about 1 to 2 years of coding work", "about 6 years of coding work")
    refused(content.root, "roles/inpatient-coder.yaml: experience.text")


def test_route_durations_whose_words_and_numbers_disagree_are_named(content):
    content("education.yaml", '{text: "6 to 24 months",', '{text: "6 weeks to 24 months",')
    refused(content.root, "education.yaml: certificate.duration")


def test_a_credential_the_routes_cannot_reach_needs_a_note(content):
    content("roles/medical-coder.yaml", "preferred: [ccs-p, cca, cbcs]", "preferred: [ccs-p, cca, cbcs, rhia]")
    content("certifications.yaml", "  roles: [clinical-informatics-analyst,", "  roles: [medical-coder, clinical-informatics-analyst,")
    refused(content.root, "roles/medical-coder.yaml: certifications.preferred: 'rhia' is not open")


def test_role_and_certification_lists_that_disagree_are_named_both_ways(content):
    content("roles/medical-coder.yaml", "common: [cpc, coc]", "common: [cpc]")
    refused(content.root, "roles/medical-coder.yaml: certifications: leaves out 'coc'")


def test_a_step_up_where_pay_falls_needs_a_note_and_cannot_go_down_a_level(content):
    rows = yaml.safe_load((content.root / "ladder.yaml").read_text())
    rows.append({"from": "coding-manager", "to": "medical-biller", "kind": "up", "note": "A change of scene."})
    (content.root / "ladder.yaml").write_text(yaml.safe_dump(rows))
    refused(
        content.root,
        "(coding-manager -> medical-biller).kind: 'up' goes from level 'leadership' down to 'entry'",
        "(coding-manager -> medical-biller).note: 'up' but the entry, experienced, senior pay falls",
    )


def test_a_derived_figure_needs_the_derived_status(content):
    content("roles/medical-coder.yaml", 'status: derived, year: "OEWS May 2024"', 'status: secondary, year: "OEWS May 2024"')
    refused(content.root, "roles/medical-coder.yaml: salary.bands.2.status: 'secondary', but the figure is derived")


def test_a_derived_status_must_say_how(content):
    content("roles/medical-coder.yaml", 'note: "Derived: the midpoint of the 75th to 90th percentiles ($64,000 to $81,000)"', 'note: ""')
    refused(content.root, "roles/medical-coder.yaml: salary.bands.2: Value error, a derived figure needs a note")


def test_every_role_needs_a_known_career_level(content):
    content("roles/ehr-analyst.yaml", "level: advanced", "level: guru")
    refused(content.root, "roles/ehr-analyst.yaml: level: Input should be")


def test_an_unknown_source_id_is_named(content):
    content("roles/medical-coder.yaml", "sources: [S48]", "sources: [S999]")
    refused(content.root, "roles/medical-coder.yaml: remote: unknown source ids ['S999']")


@pytest.mark.django_db
def test_load_content_refuses_inconsistent_content_and_changes_nothing(content, real_content):
    content("roles/medical-coder.yaml", "entry_education:\n  level: certificate", "entry_education:\n  level: master")
    with pytest.raises(CommandError, match="entry_education.level"):
        call_command("load_content", path=str(content.root), stdout=StringIO())
    assert Role.objects.get(slug="medical-coder").entry_education == "certificate"


def test_one_onet_code_gets_one_interest_status_rule(content):
    content("roles/healthcare-data-analyst.yaml", "  status: proxy\n", "  status: official\n")
    refused(content.root, "roles/healthcare-data-analyst.yaml: interests.status: 'official', but scores from 29-9021.00 for a 'partial' match")
