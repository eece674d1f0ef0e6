import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from careers.models import (
    Certification,
    CertificationFact,
    EducationPath,
    LadderStep,
    Role,
    SalaryBand,
)
from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.django_db

REQUIRED_ROLES = """medical-coder inpatient-coder medical-biller health-information-technician
release-of-information-specialist cancer-registrar public-health-registrar cdi-specialist
coding-auditor coding-manager him-director clinical-informatics-analyst healthcare-data-analyst
ehr-analyst privacy-officer revenue-cycle-analyst patient-access-representative medical-secretary""".split()
REQUIRED_CERTS = "cpc coc cic crc cpb cpma cca ccs ccs-p rhit rhia cdip chda chps ods cbcs cehrs cmaa ccds".split()


def load(path=CONTENT_DIR) -> str:
    out = StringIO()
    call_command("load_content", path=str(path), stdout=out)
    return out.getvalue()


def test_every_required_role_and_certification_is_loaded(real_content):
    assert set(REQUIRED_ROLES) <= set(Role.objects.values_list("slug", flat=True))
    assert set(REQUIRED_CERTS) <= set(Certification.objects.values_list("slug", flat=True))


def test_loading_twice_changes_nothing(real_content):
    before = list(SalaryBand.objects.order_by("pk").values())
    assert "Content loaded: 0 change(s)." in load()
    assert list(SalaryBand.objects.order_by("pk").values()) == before


def test_every_role_has_three_dated_and_sourced_salary_bands(real_content):
    for role in Role.objects.prefetch_related("salary_bands", "facets"):
        bands = list(role.salary_bands.all())
        assert [b.level for b in bands] == ["entry", "experienced", "senior"], role.slug
        assert all(b.year and b.status for b in bands), role.slug
        assert all(b.source_ids for b in bands if b.status != "estimate"), role.slug
        assert bands[0].amount <= bands[1].amount <= bands[2].amount, role.slug
        assert len(role.facets.all()) == 11, role.slug
        assert 4 <= len(role.tasks) <= 6, role.slug


def test_figures_match_the_fact_sheet(real_content):
    coder = Role.objects.get(slug="medical-coder")
    assert {b.level: b.amount for b in coder.salary_bands.all()} == {"entry": 42000, "experienced": 50250, "senior": 72500}
    assert coder.onet_code == "29-2072.00" and float(coder.interest_c) == 6.95
    cpc_fee = CertificationFact.objects.get(certification__slug="cpc", kind="fee")
    assert "425" in cpc_fee.text and cpc_fee.status == "unconfirmed"
    cca_fee = CertificationFact.objects.get(certification__slug="cca", kind="fee")
    assert "199" in cca_fee.text and "299" in cca_fee.text


def test_the_retired_onet_code_is_only_a_crosswalk_note(real_content):
    assert not Role.objects.filter(onet_code="29-2071.00").exists()
    assert not Role.objects.filter(interest_code="29-2071.00").exists()
    assert not Role.objects.filter(onet_code="13-1041.06").exists()
    assert Role.objects.filter(crosswalk_note__contains="29-2071.00").exists()


def test_education_paths_and_the_ladder_are_loaded(real_content):
    assert EducationPath.objects.filter(slug__in=["certificate", "associate-hit", "bachelor-him", "masters"]).count() == 4
    assert LadderStep.objects.filter(from_role__slug="medical-coder", to_role__slug="coding-auditor").exists()


def test_a_broken_content_file_gives_a_clear_error_and_changes_nothing(tmp_path, real_content):
    broken = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, broken)
    role_file = broken / "roles" / "medical-coder.yaml"
    role_file.write_text(role_file.read_text().replace("track: coding-revenue-cycle", "track: no-such-track"))
    before = Role.objects.get(slug="medical-coder").track_id
    with pytest.raises(CommandError, match="roles/medical-coder.yaml: track: unknown track 'no-such-track'"):
        load(broken)
    assert Role.objects.get(slug="medical-coder").track_id == before


def test_a_role_removed_from_the_files_is_removed(tmp_path, real_content):
    trimmed = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, trimmed)
    gone = "risk-adjustment-coder"
    (trimmed / "roles" / f"{gone}.yaml").unlink()
    for name in ("certifications.yaml", "education.yaml"):
        rows = yaml.safe_load((trimmed / name).read_text())
        for row in rows:
            row["roles"] = [r for r in row.get("roles") or [] if r != gone]
        (trimmed / name).write_text(yaml.safe_dump(rows))
    edges = [e for e in yaml.safe_load((trimmed / "ladder.yaml").read_text()) if gone not in (e["from"], e["to"])]
    (trimmed / "ladder.yaml").write_text(yaml.safe_dump(edges))
    output = load(trimmed)
    assert "Role: 1 deleted" in output
    assert not Role.objects.filter(slug=gone).exists()
    assert Role.objects.filter(slug="medical-coder").exists()
