"""What a reader sees from content v2: outlook, skills and tools, links that work, current names,
glossary and plain words. Real content, because these check the real figures."""

import re
import warnings

import pytest
import yaml
from django.urls import reverse

from tests.conftest import CONTENT_DIR

pytestmark = pytest.mark.django_db


def page(client, name, *args, query=""):
    response = client.get(reverse(f"careers:{name}", args=args) + query)
    assert response.status_code == 200
    return response.content.decode()


def test_a_role_page_shows_its_occupations_outlook_with_source_period_and_status(client, real_content):
    html = page(client, "role_detail", "medical-coder")
    assert "projected to grow 7% by 2034" in html
    assert "29-2072 Medical records specialists" in html and "projections 2024-34" in html
    assert "Secondary source" in html


def test_roles_below_the_soc_level_say_they_use_the_parent_occupation(client, real_content):
    html = page(client, "role_detail", "risk-adjustment-coder")
    assert "the figures are for the larger occupation it belongs to" in html


def test_bright_outlook_is_marked_only_where_the_rule_is_met_and_the_rule_is_cited(client, real_content):
    assert "Bright Outlook" in page(client, "role_detail", "him-director")
    assert "Bright Outlook</span>" not in page(client, "role_detail", "medical-coder")
    assert "https://www.onetcenter.org/initiatives.html" in page(client, "about_data")


def test_outlook_is_in_the_directory_compare_page_and_api(client, real_content):
    assert "+23% (2024-34)" in page(client, "role_list")
    assert "+7% (2024-34)" in page(client, "role_compare", query="?roles=medical-coder,him-director")
    data = client.get("/api/v1/roles/him-director").json()
    assert data["outlook"]["change_pct"] == 23 and data["outlook"]["period"] == "2024-34"
    assert data["bright_outlook"] is True and data["level"] == "leadership"
    assert {"text", "kind", "sources"} <= set(data["skills"][0])
    listed = {r["slug"]: r for r in client.get("/api/v1/roles").json()}
    assert listed["cancer-registrar"]["outlook"]["period"] == "2022-32"


def test_a_role_page_lists_skills_tools_and_a_dated_technology_note(client, real_content):
    html = page(client, "role_detail", "medical-coder")
    assert "3M/Solventum 360 Encompass" in html and "Computer-assisted coding" in html
    assert "How technology is changing this job" in html and "as of 2026-11" in html
    assert "our synthesis" in html


def test_role_pages_link_to_official_directories(client, real_content):
    html = page(client, "role_detail", "health-information-technician")
    assert 'href="https://www.cahiim.org/"' in html  # its routes lead to the RHIT
    assert 'href="https://www.careeronestop.org/FindTraining/find-training.aspx"' in html
    assert 'href="https://www.ncra-usa.org/"' in page(client, "role_detail", "cancer-registrar")
    assert 'href="https://www.aapc.com/training/"' in page(client, "role_detail", "medical-coder")


def test_the_tumor_registrar_credential_has_its_current_name_and_the_old_address_redirects(client, real_content):
    html = page(client, "certification_detail", "ods")
    assert "Oncology Data Specialist" in html and "Formerly CTR, Certified Tumor Registrar" in html
    assert 'href="https://www.ncra-usa.org/"' in html  # the body's official page
    old = client.get("/certifications/ctr/")
    assert old.status_code == 301 and old["Location"] == reverse("careers:certification_detail", args=["ods"])
    assert client.get("/certifications/no-such-thing/").status_code == 404


def test_the_cmaa_exam_format_is_nhas_current_test_plan(client, real_content):
    html = page(client, "certification_detail", "cmaa")
    assert "110 scored questions plus 25 unscored pretest questions, in 2 hours 15 minutes" in html


def test_every_source_with_an_address_is_a_link_on_the_data_page(client, real_content):
    html = page(client, "about_data")
    assert '<a href="https://www.bls.gov/oes/2021/may/oes299021.htm"' in html
    assert "weak source" in html  # wikis and document-sharing copies are marked


def test_provenance_is_folded_and_unconfirmed_is_explained(client, real_content):
    html = page(client, "role_detail", "cancer-registrar")
    assert "<summary><h2 id=\"sources-heading\" class=\"h5 d-inline\">Where these figures come from</h2></summary>" in html
    assert "not confirmed by a primary source" in html


def test_the_glossary_defines_the_jargon_the_pages_use(client, real_content):
    html = page(client, "glossary")
    for term in ("O*NET", "OEWS", "Percentile", "CAHIIM", "DRG"):
        assert f"<dfn>{term}</dfn>" in html
    assert reverse("careers:glossary") in page(client, "role_detail", "medical-coder")


def _plain_texts():
    for path in sorted((CONTENT_DIR / "roles").glob("*.yaml")):
        row = yaml.safe_load(path.read_text())
        for field in ("summary", "typical_day"):
            yield f"{path.name}:{field}", field, " ".join(row[field].split())


def test_summaries_and_typical_days_read_at_about_an_8th_grade_level():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # textstat 0.7.3 imports pkg_resources
        import textstat
    grades = {where: (field, textstat.flesch_kincaid_grade(text)) for where, field, text in _plain_texts()}
    too_hard = {where: g for where, (_, g) in grades.items() if g > 10}
    assert not too_hard
    for field in ("summary", "typical_day"):
        values = [g for f, g in grades.values() if f == field]
        assert sum(values) / len(values) <= 8, field


def test_jargon_on_a_role_page_is_explained_where_it_appears(client, real_content):
    html = page(client, "role_detail", "medical-coder")
    assert re.search(r'<abbr title="[^"]+">O\*NET</abbr>', html)
    assert re.search(r'<abbr title="[^"]+">SOC</abbr>', html)


def test_a_credential_beyond_the_roles_routes_says_what_else_it_takes(client, real_content):
    html = page(client, "role_detail", "ehr-analyst")
    assert "HIMSS asks for years of work with health information and management systems" in html
