import pytest
from django.urls import reverse

from tests.factories import (
    CertificationFactory,
    LadderStepFactory,
    RoleAliasFactory,
    RoleCertificationFactory,
    RoleFactory,
    SalaryBandFactory,
    SourceFactory,
    TrackFactory,
)

pytestmark = pytest.mark.django_db


def test_the_role_page_shows_each_salary_with_its_status_year_and_source(client):
    source = SourceFactory(key="S02", title="StartRight Careers")
    role = RoleFactory(slug="medical-coder", name="Medical coder")
    SalaryBandFactory(role=role, level="entry", amount=42000, status="secondary", year="OEWS May 2024", source_ids=["S02"])
    SalaryBandFactory(role=role, level="senior", amount=72500, status="estimate", year="OEWS May 2024", source_ids=["S02"])
    html = client.get(role.get_absolute_url()).content.decode()
    assert "$42,000" in html and "$72,500" in html
    assert "Secondary source" in html and "Estimate" in html
    assert "OEWS May 2024" in html
    assert f'id="src-{source.key}"' in html and source.title in html
    assert "<svg" in html and "Salary bands for Medical coder" in html


def test_the_role_page_credits_onet_and_marks_a_synthesis(client):
    role = RoleFactory(is_synthesis=True, interest_status="proxy", interest_note="Derived from 13-1041.00.")
    html = client.get(role.get_absolute_url()).content.decode()
    assert "O*NET 30.x Database" in html and "USDOL/ETA" in html and "CC BY 4.0" in html
    assert "Our synthesis" in html and "Derived from 13-1041.00." in html


def test_the_role_page_links_certifications_and_the_ladder(client):
    role = RoleFactory(name="Medical coder")
    cert = CertificationFactory(slug="cpc", abbreviation="CPC")
    RoleCertificationFactory(role=role, certification=cert, kind="common")
    up = RoleFactory(name="Coding auditor")
    before = RoleFactory(name="Medical biller")
    LadderStepFactory(from_role=role, to_role=up, kind="up")
    LadderStepFactory(from_role=before, to_role=role, kind="sideways")
    html = client.get(role.get_absolute_url()).content.decode()
    assert reverse("careers:certification_detail", args=["cpc"]) in html
    assert up.get_absolute_url() in html and "Step up" in html
    assert before.get_absolute_url() in html and "Sideways move" in html


def test_an_unknown_role_gets_a_helpful_404(client):
    response = client.get("/roles/no-such-role/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Search roles and job titles" in html and reverse("careers:role_list") in html


@pytest.mark.parametrize("n_certs", [1, 10])
def test_a_role_page_makes_the_same_queries_for_1_or_10_certifications(client, django_assert_num_queries, n_certs):
    role = RoleFactory()
    for _ in range(n_certs):
        RoleCertificationFactory(role=role)
        RoleAliasFactory(role=role)
    SalaryBandFactory(role=role, source_ids=[SourceFactory().key])
    LadderStepFactory(from_role=role)
    with django_assert_num_queries(10):  # + the official directories for the role
        assert client.get(role.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n_roles", [5, 50])
def test_the_directory_makes_the_same_queries_for_5_or_50_roles(client, django_assert_num_queries, n_roles):
    tracks = [TrackFactory(), TrackFactory()]
    for i in range(n_roles):
        RoleFactory(track=tracks[i % 2])
    with django_assert_num_queries(3):
        response = client.get(reverse("careers:role_list"))
    assert len(response.context["roles"]) == n_roles


def test_the_directory_groups_roles_by_track(client):
    coding = TrackFactory(name="Coding and revenue cycle", order=1)
    registries = TrackFactory(name="Registries", order=2)
    RoleFactory(name="Medical coder", track=coding)
    RoleFactory(name="Cancer registrar", track=registries)
    html = client.get(reverse("careers:role_list")).content.decode()
    html = html[html.index('class="result-count"') :]  # past the filter form's track menu
    assert html.index("Coding and revenue cycle") < html.index("Medical coder") < html.index("Registries") < html.index("Cancer registrar")


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("remote=high", "Remote coder", "Front desk"),
        ("patient_contact=low", "Remote coder", "Front desk"),
        ("education=certificate", "Remote coder", "Director"),
        ("salary_floor=60000", "Director", "Remote coder"),
    ],
)
def test_the_directory_filters_work_without_javascript(client, query, shown, hidden):
    RoleFactory(name="Remote coder", remote_level="high", patient_contact_level="none", entry_education="certificate", entry_salary=42000)
    RoleFactory(name="Front desk", remote_level="low", patient_contact_level="high", entry_education="high-school", entry_salary=36000)
    RoleFactory(name="Director", remote_level="low", patient_contact_level="low", entry_education="bachelor", entry_salary=89700)
    html = client.get(reverse("careers:role_list") + "?" + query).content.decode()
    assert shown in html and hidden not in html


def test_a_track_filter_keeps_only_that_track(client):
    a, b = TrackFactory(slug="registries"), TrackFactory(slug="leadership")
    RoleFactory(name="Cancer registrar", track=a)
    RoleFactory(name="HIM director", track=b)
    html = client.get(reverse("careers:role_list") + "?track=registries").content.decode()
    assert "Cancer registrar" in html and "HIM director" not in html


def test_nonsense_filters_are_explained_and_ignored_not_a_500(client):
    RoleFactory(name="Medical coder")
    response = client.get(reverse("careers:role_list") + "?salary_floor=lots&remote=always&track=nope")
    assert response.status_code == 200
    html = response.content.decode()
    assert "were not understood and were ignored" in html and "Medical coder" in html


def test_search_finds_roles_by_job_title_alias_best_first(client):
    biller = RoleFactory(name="Medical biller", search_text="medical biller | medical office biller | billing specialist")
    RoleFactory(name="Medical coder", search_text="medical coder | medical billing and coding specialist")
    RoleFactory(name="Cancer registrar", search_text="cancer registrar | tumor registrar")
    response = client.get(reverse("careers:role_list") + "?q=medical+office+biller")
    roles = response.context["roles"]
    assert roles[0] == biller
    assert "Cancer registrar" not in [r.name for r in roles]


def test_compare_shows_two_to_four_roles_side_by_side(client):
    a = RoleFactory(slug="medical-coder", name="Medical coder")
    b = RoleFactory(slug="medical-biller", name="Medical biller")
    SalaryBandFactory(role=a, amount=42000)
    response = client.get(reverse("careers:role_compare") + "?roles=medical-coder,medical-biller")
    assert [r.slug for r in response.context["roles"]] == [a.slug, b.slug]
    assert "Side-by-side comparison of 2 roles" in response.content.decode()


def test_compare_accepts_the_no_javascript_picker(client):
    RoleFactory(slug="medical-coder")
    RoleFactory(slug="medical-biller")
    response = client.get(reverse("careers:role_compare") + "?pick=medical-coder&pick=medical-biller")
    assert len(response.context["roles"]) == 2


@pytest.mark.parametrize("roles", ["medical-coder", "a,b,c,d,e", "<script>,../../etc"])
def test_compare_asks_for_two_to_four_roles(client, roles):
    for slug in "medical-coder a b c d e".split():
        RoleFactory(slug=slug)
    response = client.get(reverse("careers:role_compare"), {"roles": roles})
    assert response.status_code == 200
    assert "Choose between 2 and 4 roles" in response.content.decode()


def test_certification_pages_show_facts_with_status(client):
    from tests.factories import CertificationFactFactory

    cert = CertificationFactory(slug="cpc", abbreviation="CPC", name="Certified Professional Coder")
    CertificationFactFactory(certification=cert, kind="fee", text="$425 for one attempt", status="unconfirmed", year="2026")
    assert "CPC" in client.get(reverse("careers:certification_list")).content.decode()
    html = client.get(cert.get_absolute_url()).content.decode()
    assert "$425 for one attempt" in html and "Unconfirmed" in html and "2026" in html


def test_home_offers_three_doors(client):
    html = client.get("/").content.decode()
    for url in (reverse("careers:role_list"), reverse("assessments:quiz"), reverse("assessments:cohort_list")):
        assert f'href="{url}"' in html


def test_a_seeker_typing_medical_office_biller_finds_the_billing_role_first(client, real_content):
    roles = client.get(reverse("careers:role_list"), {"q": "medical office biller"}).context["roles"]
    assert roles[0].slug == "medical-biller"


def test_the_directory_shows_each_entry_salary_with_status_and_year(client, real_content):
    html = client.get(reverse("careers:role_list")).content.decode()
    assert "$42,848 a year" in html and "OEWS May 2025" in html
