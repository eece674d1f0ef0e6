import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from careers.charts_timeline import Span, months_words, timeline
from careers.models import Role
from careers.roadmap import DEFAULT_START, STARTS, build_roadmap, parse_start
from tests.factories import (
    CertificationFactFactory,
    CertificationFactory,
    EducationPathFactory,
    LadderStepFactory,
    RoleAliasFactory,
    RoleCertificationFactory,
    RoleFactory,
    SalaryBandFactory,
    SourceFactory,
)

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "css" / "print.css"


def roadmap_url(role, start=None):
    url = reverse("careers:roadmap", args=[role.slug])
    return f"{url}?start={start}" if start else url


def fact(text, status="secondary", year="2024", sources=()):
    return {"text": text, "status": status, "year": year, "sources": list(sources), "note": ""}


@pytest.fixture
def coder(db):
    """A role with one route, one certification, job titles and a next role with pay."""
    SourceFactory(key="S84", title="CollegeLearners cost of a coding certificate")
    SourceFactory(key="S42", title="Open Exam Prep fee guide")
    SourceFactory(key="S02", title="StartRight Careers pay")
    role = RoleFactory(slug="medical-coder", name="Medical coder")
    path = EducationPathFactory(
        slug="certificate",
        name="Certificate or diploma (coding, billing)",
        level="certificate",
        duration=fact("6 to 24 months", year="c.2022", sources=["S84"]),
        months_min=6,
        months_max=24,
        cost=fact("About $2,000 to $7,500", year="c.2022", sources=["S84"]),
    )
    path.roles.add(role)
    cpc = CertificationFactory(slug="cpc", abbreviation="CPC", name="Certified Professional Coder")
    path.certifications.add(cpc)
    RoleCertificationFactory(role=role, certification=cpc, kind="common")
    CertificationFactFactory(certification=cpc, kind="eligibility", text="No set schooling; AAPC membership", status="official", year="c.2023")
    CertificationFactFactory(certification=cpc, kind="fee", text="$425 for one attempt", status="unconfirmed", year="2026", source_ids=["S42"])
    RoleAliasFactory(role=role, title="Coding Specialist")
    SalaryBandFactory(role=role, level="entry", amount=42000, source_ids=["S02"])
    auditor = RoleFactory(slug="coding-auditor", name="Coding auditor")
    SalaryBandFactory(role=auditor, level="entry", amount=55000, status="estimate", year="AAPC 2022 survey", source_ids=["S02"])
    LadderStepFactory(from_role=role, to_role=auditor, kind="up", note="Experienced coders can audit.")
    return role


def test_the_roadmap_shows_each_route_with_its_time_and_cost_and_their_status_year_and_sources(client, coder):
    html = client.get(roadmap_url(coder)).content.decode()
    assert "Certificate or diploma" in html
    assert "6 to 24 months" in html and "About $2,000 to $7,500" in html
    assert "Secondary source" in html and "c.2022" in html
    assert 'href="#src-S84"' in html and 'id="src-S84"' in html


def test_the_roadmap_shows_certifications_with_eligibility_exam_fee_and_year(client, coder):
    html = client.get(roadmap_url(coder)).content.decode()
    assert reverse("careers:certification_detail", args=["cpc"]) in html
    assert "No set schooling; AAPC membership" in html
    assert "$425 for one attempt" in html and "Unconfirmed" in html and "2026" in html
    assert "Before you apply if you can" in html  # when: a "common" certification
    assert "Prepared by: Certificate or diploma" in html


def test_the_roadmap_lists_the_first_job_titles_and_the_next_roles_with_their_pay(client, coder):
    html = client.get(roadmap_url(coder)).content.decode()
    assert "Coding Specialist" in html
    assert "Entry $42,000" in html  # this role's pay
    assert reverse("careers:role_detail", args=["coding-auditor"]) in html
    assert "Entry $55,000" in html and "Estimate" in html and "AAPC 2022 survey" in html
    assert "Experienced coders can audit." in html


def test_the_timeline_is_a_server_rendered_svg_with_one_row_per_route(client, coder):
    html = client.get(roadmap_url(coder)).content.decode()
    svg = re.search(r'<svg role="img" aria-labelledby="rm-tl-title rm-tl-desc".*?</svg>', html, re.S).group(0)
    assert "Months from starting each route to a first job" in svg
    assert "Certificate or diploma</tspan>: 6 to 24 months" in svg
    assert svg.count("<rect") == 2  # the sure part and the range of the one route


def test_the_steps_come_in_order_with_headings_for_each(client, coder):
    html = client.get(roadmap_url(coder)).content.decode()
    steps = ["Choose a training route", "Earn certifications", "Apply for your first job", "Grow into the next role"]
    positions = [html.index(s) for s in steps]
    assert positions == sorted(positions)
    assert html.count('<h2 id="rm-') == 4


def test_the_starting_point_form_works_without_javascript(client, coder):
    html = client.get(roadmap_url(coder, "associate")).content.decode()
    assert '<form method="get"' in html and "<legend" in html
    for start in STARTS:
        assert f'id="start-{start.key}" value="{start.key}"' in html
        assert f'<label class="form-check-label" for="start-{start.key}">{start.label}</label>' in html.replace("&#x27;", "'")
    assert 'value="associate" checked' in html


def test_a_masters_route_is_closed_until_the_student_has_a_bachelors_degree(client, coder):
    EducationPathFactory(slug="masters", name="Master's degree in HIM", level="master", months_min=12, months_max=36).roles.add(coder)
    from_high_school = client.get(roadmap_url(coder)).content.decode()
    assert "Not open to you yet: Master&#x27;s degree in HIM (needs a bachelor&#x27;s degree first)" in from_high_school
    with_degree = client.get(roadmap_url(coder, "bachelor")).content.decode()
    assert "Not open to you yet" not in with_degree
    assert 'id="rm-opt-masters"' in with_degree


def test_a_student_with_a_certificate_is_told_they_may_be_past_the_certificate_route(db, coder):
    role = Role.objects.with_roadmap().get(pk=coder.pk)
    start, _ = parse_start("some-college")
    plan = build_roadmap(role, start=start)
    assert [o.already for o in plan.options] == [True]
    assert plan.meets_entry  # the coder's usual entry education is a certificate
    assert not build_roadmap(role, start=DEFAULT_START).options[0].already


def test_the_post_bachelors_certificate_comes_first_for_a_graduate(db, coder):
    EducationPathFactory(slug="post-bacc-certificate", name="Post-bachelor's HIM certificate", level="bachelor", order=40).roles.add(coder)
    role = Role.objects.with_roadmap().get(pk=coder.pk)
    plan = build_roadmap(role, start=parse_start("bachelor")[0])
    assert plan.options[0].path.slug == "post-bacc-certificate" and plan.options[0].suits
    assert [c.name for c in build_roadmap(role).closed] == ["Post-bachelor's HIM certificate"]


def test_an_unknown_starting_point_falls_back_to_high_school_with_a_message(client, coder):
    response = client.get(roadmap_url(coder, "<script>"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "We don&#x27;t know that starting point" in html and 'role="alert"' in html
    assert 'value="high-school" checked' in html
    assert "<script>" not in html.split("</header>")[1].split("</form>")[0]


def test_a_role_with_no_school_route_shows_the_routes_of_the_jobs_that_lead_to_it(client, coder):
    auditor = coder.next_steps.get().to_role
    html = client.get(roadmap_url(auditor)).content.decode()
    assert "No school route leads straight into this role" in html
    assert "medical coders" in html
    assert "Trains you for: Medical coder." in html
    assert "Start in a job that leads here" in html
    assert "You already have the schooling" not in client.get(roadmap_url(auditor, "bachelor")).content.decode()


def test_an_unknown_role_has_no_roadmap(client, db):
    assert client.get("/roles/no-such-role/roadmap/").status_code == 404


def test_the_roadmap_has_a_print_button_and_a_print_only_address_and_date(client, coder):
    html = client.get(roadmap_url(coder)).content.decode()
    assert re.search(r'<p class="no-print"><button type="button"[^>]*data-print>Print this roadmap</button>', html)
    assert re.search(r'class="d-none d-print-block small print-stamp">Printed from http\S+/roles/medical-coder/roadmap/ on ', html)
    assert 'href="/static/css/print.css" media="print"' in html
    assert 'style="' not in html and "<script>" not in html


def test_the_print_stylesheet_fits_a_roadmap_on_paper_without_nav_or_buttons():
    css = PRINT_CSS.read_text()
    assert "@page" in css and 'counter(page) " of " counter(pages)' in css
    assert "@bottom-right" in css
    print_block = css[css.index("@media print") :]
    hidden = print_block[print_block.index(".no-print") : print_block.index("display: none !important")]
    for selector in (".no-print", ".site-header", "nav", "form", "button", ".btn"):
        assert selector in hidden
    assert "a[href]::after { content: none" in print_block  # no URLs after links
    assert "grid-template-columns: 1fr 1fr" in print_block  # two columns for the route and certification cards
    assert "overflow: visible" in print_block and "overflow-wrap: anywhere" in print_block  # nothing cut off
    assert re.search(r"html \{ font-size: [0-9.]+pt; \}", print_block)  # compact type


@pytest.mark.parametrize("n", [1, 6])
def test_a_roadmap_makes_the_same_queries_for_1_or_6_routes_certifications_and_next_roles(client, db, django_assert_num_queries, n):
    role = RoleFactory()
    feeder = RoleFactory()
    LadderStepFactory(from_role=feeder, to_role=role)
    for _ in range(n):
        path = EducationPathFactory(duration=fact("1 year", sources=[SourceFactory().key]))
        path.roles.add(role, feeder)
        cert = CertificationFactory()
        path.certifications.add(cert)
        RoleCertificationFactory(role=role, certification=cert)
        CertificationFactFactory(certification=cert, kind="fee")
        CertificationFactFactory(certification=cert, kind="eligibility")
        RoleAliasFactory(role=role)
        SalaryBandFactory(role=LadderStepFactory(from_role=role).to_role)
    with django_assert_num_queries(14):
        assert client.get(roadmap_url(role)).status_code == 200


# --- the timeline's geometry (no database) -------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(6, 24, "6 to 24 months"), (24, 24, "2 years"), (12, 36, "1 to 3 years"), (0, 12, "up to 1 year"), (1, 1, "1 month"), (None, None, "Not sourced")],
)
def test_months_are_said_in_plain_words(low, high, words):
    assert months_words(low, high) == words


def test_the_longest_route_sets_the_scale_in_whole_years():
    chart = timeline([Span("Certificate", 6, 24), Span("Degree", 48, 48)], width=400)
    assert chart["scale_max"] == 48
    certificate, degree = chart["rows"]
    assert degree.range_x + degree.range_width == pytest.approx(398, abs=0.2)
    assert certificate.sure_width == pytest.approx(398 * 6 / 48, abs=0.2)
    assert [t.label for t in chart["ticks"]] == ["Start", "1 yr", "2 yr", "3 yr", "4 yr"]
    assert chart["ticks"][0].anchor == "start" and chart["ticks"][-1].anchor == "end"


def test_a_route_without_a_sourced_duration_gets_a_row_but_no_bar():
    chart = timeline([Span("Post-bachelor's certificate", None, None, "unconfirmed")])
    (row,) = chart["rows"]
    assert not row.known and row.text == "Not sourced" and row.range_width == 0
    assert chart["scale_max"] == 12


# --- the real content ---------------------------------------------------------------------------


def test_the_real_medical_coder_roadmap_shows_sourced_routes_fees_and_the_ladder(client, real_content):
    html = client.get("/roles/medical-coder/roadmap/").content.decode()
    assert "Certificate or diploma" in html and "Coding bootcamp or short online course" in html
    assert "6 to 24 months" in html and "About $2,000 to $7,500" in html
    assert "$425 for one attempt or $499 for two" in html and "Unconfirmed" in html
    assert reverse("careers:role_detail", args=["inpatient-coder"]) in html
    assert "Entry: $42,000" in html and "OEWS May 2024" in html and "Derived" in html  # the senior band is a derived midpoint
    assert 'id="src-S84"' in html and 'id="src-S42"' in html


def test_every_real_role_has_a_roadmap_from_every_starting_point(client, real_content):
    from careers.models import Role

    for slug in Role.objects.values_list("slug", flat=True):
        for start in STARTS:
            response = client.get(f"/roles/{slug}/roadmap/?start={start.key}")
            assert response.status_code == 200, (slug, start.key)
            assert "Grow into the next role" in response.content.decode()


def test_a_real_graduate_sees_the_masters_route_to_data_analysis_and_a_school_leaver_does_not(client, real_content):
    school = client.get("/roles/healthcare-data-analyst/roadmap/").content.decode()
    graduate = client.get("/roles/healthcare-data-analyst/roadmap/?start=bachelor").content.decode()
    assert "Not open to you yet" in school and 'id="rm-opt-masters"' not in school
    assert 'id="rm-opt-masters"' in graduate and 'id="rm-opt-post-bacc-certificate"' in graduate
