import pytest

from tests.factories import (
    CertificationFactFactory,
    CertificationFactory,
    RoleCertificationFactory,
    RoleFactory,
    SalaryBandFactory,
)

pytestmark = pytest.mark.django_db


def test_the_roles_list_returns_every_role(client):
    RoleFactory(slug="medical-coder", name="Medical coder", entry_salary=42000)
    RoleFactory(slug="medical-biller", name="Medical biller")
    data = client.get("/api/v1/roles").json()
    assert {r["slug"] for r in data} == {"medical-coder", "medical-biller"}
    coder = next(r for r in data if r["slug"] == "medical-coder")
    assert coder["entry_salary"] == 42000 and coder["url"] == "/roles/medical-coder/"


def test_a_role_detail_carries_salary_sources_and_certifications(client):
    role = RoleFactory(slug="medical-coder")
    SalaryBandFactory(role=role, level="entry", amount=42000, status="secondary", year="OEWS May 2024", source_ids=["S02"])
    RoleCertificationFactory(role=role, certification=CertificationFactory(slug="cpc", abbreviation="CPC"), kind="common")
    data = client.get("/api/v1/roles/medical-coder").json()
    assert data["salary_bands"] == [{"level": "entry", "amount": 42000, "status": "secondary", "year": "OEWS May 2024", "sources": ["S02"]}]
    assert data["certifications"] == [{"slug": "cpc", "abbreviation": "CPC", "kind": "common"}]
    assert set(data["interests"]) == set("RIASEC") and len(data["facets"]) == 11


def test_an_unknown_role_is_a_json_404(client):
    response = client.get("/api/v1/roles/nope")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_certifications_list_and_detail(client):
    cert = CertificationFactory(slug="cpc", abbreviation="CPC")
    CertificationFactFactory(certification=cert, kind="fee", text="$425", status="unconfirmed", year="2026")
    assert [c["slug"] for c in client.get("/api/v1/certifications").json()] == ["cpc"]
    fee = client.get("/api/v1/certifications/cpc").json()["facts"]["fee"]
    assert fee["status"] == "unconfirmed" and fee["year"] == "2026"


def test_the_openapi_schema_lists_the_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    for path in ("/api/v1/roles", "/api/v1/roles/{slug}", "/api/v1/certifications", "/api/v1/certifications/{slug}"):
        assert path in schema["paths"]


def test_the_api_docs_page_loads_without_a_cdn(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in html and "unpkg" not in html
