"""The code set in the database, its API and its search."""

import pytest
from django.core.management import call_command

from worksamples.codeset import load_code_set, release_version
from worksamples.models import CodeSetRelease, IcdEntry


def test_the_subset_keeps_kinds_billable_flags_chapters_and_notes(icd_subset):
    cat = IcdEntry.objects.with_code("S52").get()
    assert cat.kind == "category" and not cat.billable and cat.chapter == "19"
    assert "fracture at wrist and hand level (S62.-)" in cat.excludes2
    code = IcdEntry.objects.with_code("S52.522A").get()
    assert code.billable and code.kind == "extension" and code.parent == "S52.522"
    assert "stage of chronic kidney disease" in IcdEntry.objects.with_code("E11.22").get().use_additional_code


def test_a_code_looks_up_with_or_without_its_dot(client, icd_subset):
    body = client.get("/api/v1/icd10cm/s52522a").json()
    assert body["code"] == "S52.522A" and body["billable"] is True
    assert "CDC" in body["source"] and "CMS" in body["source"]


def test_an_unknown_code_is_404(client, icd_subset):
    assert client.get("/api/v1/icd10cm/Q99.999").status_code == 404
    assert client.get("/api/v1/icd10cm/%00").status_code == 404


def test_search_ranks_descriptor_matches_first(client, icd_subset):
    body = client.get("/api/v1/icd10cm/search", {"q": "torus fracture of left radius"}).json()
    codes = [r["code"] for r in body["results"]]
    assert codes and all(c.startswith("S52.52") for c in codes[:3])
    wrist = client.get("/api/v1/icd10cm/search", {"q": "fracture of left wrist"}).json()["results"]
    assert wrist and wrist[0]["code"].startswith("S62")


def test_search_survives_hostile_input(client, icd_subset):
    for q in ['"', "AND OR NOT", "*", "fracture)(", "x" * 200, "NEAR(a b)"]:
        assert client.get("/api/v1/icd10cm/search", {"q": q}).status_code == 200
    assert client.get("/api/v1/icd10cm/search", {"q": "x" * 201}).status_code == 422


def test_both_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/icd10cm/{code}" in paths and "/api/v1/icd10cm/search" in paths


def test_loading_the_same_release_twice_is_skipped(db, monkeypatch, subset_rows):
    from worksamples import codeset

    rows = [IcdEntry(**r) for r in subset_rows]
    monkeypatch.setattr(codeset, "read_entries", lambda roots=None: iter(rows))
    assert load_code_set() == len(rows)
    assert load_code_set() is None
    assert CodeSetRelease.objects.get().version == release_version()


@pytest.mark.slow
def test_the_full_code_set_loads_every_entry(db):
    call_command("load_icd10cm", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert IcdEntry.objects.count() == 98505
    assert IcdEntry.objects.chapters().count() == 22
    assert IcdEntry.objects.filter(kind="block").count() == 297
    assert IcdEntry.objects.search("fracture of left wrist", limit=5)[0].code.startswith("S62")
