"""Spanish content in the data layer: rows read while Spanish is active show their X_es, rows
read in English are untouched, a row read in Spanish cannot be saved, the loader keeps the
Spanish of the content files, and check_content names what is missing or unfaithful."""

import shutil
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.utils import translation

from assessments.models import Item
from careers.content import ContentError, load_content
from careers.content_spanish import check_data, figures, missing_figures
from careers.models import EducationPath, Role, Track
from core.i18n_content import LocalizedSaveError, raw_content, swap_json
from tests.conftest import CONTENT_DIR
from tests.factories import EducationPathFactory, RoleFactory, SalaryBandFactory

pytestmark = pytest.mark.django_db


def spanish_role(**kw):
    return RoleFactory(
        name="Medical coder",
        name_es="Codificador médico",
        summary="Turns notes into codes.",
        summary_es="Convierte notas en códigos.",
        tasks=["Read notes", "Assign codes"],
        tasks_es=["Leer notas", "Asignar códigos"],
        remote={"text": "Often remote", "text_es": "Muchas veces desde casa", "status": "official", "year": "2023", "sources": [], "note": ""},
        skills=[{"text": "Coding", "text_es": "Codificación", "kind": "hard"}, {"text": "Care", "kind": "soft"}],
        **kw,
    )


def test_a_role_read_in_spanish_shows_spanish_and_in_english_english():
    role = spanish_role()
    with translation.override("es"):
        es = Role.objects.get(pk=role.pk)
    en = Role.objects.get(pk=role.pk)
    assert (es.name, es.summary, es.tasks) == ("Codificador médico", "Convierte notas en códigos.", ["Leer notas", "Asignar códigos"])
    assert (en.name, en.summary, en.tasks) == ("Medical coder", "Turns notes into codes.", ["Read notes", "Assign codes"])
    assert es.is_localized and not en.is_localized


def test_json_fields_take_their_nested_spanish_and_keep_english_where_there_is_none():
    role = spanish_role()
    with translation.override("es-mx"):
        es = Role.objects.get(pk=role.pk)
    assert es.remote["text"] == "Muchas veces desde casa"
    assert [s["text"] for s in es.skills] == ["Codificación", "Care"]
    assert Role.objects.get(pk=role.pk).remote["text"] == "Often remote"


def test_swap_json_works_at_any_depth_and_ignores_empty_spanish():
    value = {"a": [{"text": "x", "text_es": "y", "more": {"note": "n", "note_es": ""}}], "list": ["a"], "list_es": ["b"]}
    assert swap_json(value) == {
        "a": [{"text": "y", "text_es": "y", "more": {"note": "n", "note_es": ""}}],
        "list": ["b"],
        "list_es": ["b"],
    }


def test_empty_spanish_and_a_list_that_does_not_line_up_stay_english():
    role = RoleFactory(summary="English only", tasks=["One", "Two"], tasks_es=["Uno"])
    with translation.override("es"):
        es = Role.objects.get(pk=role.pk)
    assert es.summary == "English only" and es.tasks == ["One", "Two"]


def test_related_rows_are_spanish_too():
    role = spanish_role(track=Track.objects.create(slug="t", name="Registries", name_es="Registros"))
    SalaryBandFactory(role=role, note="median", note_es="mediana")
    with translation.override("es"):
        es = Role.objects.with_details().get(pk=role.pk)
        assert es.track.name == "Registros"
        assert [b.note for b in es.salary_bands.all()] == ["mediana"]


def test_a_row_read_in_spanish_refuses_to_save_so_english_columns_stay_english():
    role = spanish_role()
    with translation.override("es"):
        es = Role.objects.get(pk=role.pk)
        with pytest.raises(LocalizedSaveError):
            es.save()
        with raw_content():
            raw = Role.objects.get(pk=role.pk)
        raw.order = 99
        raw.save()
    stored = Role.objects.get(pk=role.pk)
    assert (stored.name, stored.name_es, stored.order) == ("Medical coder", "Codificador médico", 99)


def test_match_cards_name_the_route_and_the_pay_year_in_spanish():
    role = spanish_role()
    EducationPathFactory(name="Certificate", name_es="Certificado").roles.add(role)
    SalaryBandFactory(role=role, year="undated", year_es="sin fecha")
    with translation.override("es"):
        card = Role.objects.for_match_cards().get(pk=role.pk)
    assert (card.first_job_path, card.entry_band_year, card.name) == ("Certificado", "sin fecha", "Codificador médico")
    card = Role.objects.for_match_cards().get(pk=role.pk)
    assert (card.first_job_path, card.entry_band_year) == ("Certificate", "undated")


def test_quiz_statements_are_spanish_under_spanish():
    item = Item.objects.create(code="ZZ1", text="Fix a bike", text_es="Arreglar una bici", dimension=None, facet=_facet())
    with translation.override("es"):
        assert Item.objects.get(pk=item.pk).text == "Arreglar una bici"
    assert Item.objects.get(pk=item.pk).text == "Fix a bike"


def _facet():
    from assessments.models import Facet

    return Facet.objects.create(slug="auditing", name="Auditing", name_es="Auditoría")


# --- figures -------------------------------------------------------------------------------------
def test_figures_are_numbers_amounts_and_percentages():
    assert figures("About $42,000 in 2024; 55% remote, 7 % growth, 1.5 years") == ["$42,000", "2024", "55%", "7%", "1.5"]


@pytest.mark.parametrize(
    ("spanish", "lost"),
    [
        ("Unos $42,000 en 2024; 55 % desde casa.", []),
        ("Unos $42.000 en 2024; 55% desde casa.", ["$42,000"]),
        ("Unos 42,000 dólares en 2024; 55% desde casa.", ["$42,000"]),
        ("Unos $42,000 en 2023; la mitad desde casa.", ["2024", "55%"]),
    ],
)
def test_missing_figures_names_what_the_spanish_dropped_or_changed(spanish, lost):
    assert missing_figures("About $42,000 in 2024; 55% remote.", spanish) == lost


# --- check_content -------------------------------------------------------------------------------
def test_the_spanish_check_names_file_record_and_field():
    data = [
        {"slug": "a", "name": "Registries", "name_es": "Registros", "summary": "Pay is $42,000.", "summary_es": "El pago es $42.000."},
        {"slug": "b", "name": "Leadership", "summary": "Lead."},
        {"slug": "c", "name": "X", "name_es": "X", "summary": "S", "summary_es": "S", "order_es": 3},
    ]
    problems = check_data("tracks.yaml", data, ("#.name", "#.summary"))
    assert problems == [
        "tracks.yaml: a.summary_es: drops or changes figures of the English: $42,000",
        "tracks.yaml: b.name_es: missing: the English 'name' has no Spanish",
        "tracks.yaml: b.summary_es: missing: the English 'summary' has no Spanish",
        "tracks.yaml: c.order_es: Spanish without its English 'order' beside it",
    ]


def test_the_spanish_check_compares_lists_and_mappings():
    data = {
        "tasks": ["One", "Two 2"],
        "tasks_es": ["Uno", ""],
        "certifications": {"notes": {"cpc": "Needs 2 years"}, "notes_es": {}},
        "facets": {"auditing": {"level": 2, "reason": "You check codes."}},
    }
    problems = check_data("roles/x.yaml", data, ("tasks", "certifications.notes", "facets.*.reason"))
    assert problems == [
        "roles/x.yaml: tasks_es.1: empty",
        "roles/x.yaml: certifications.notes_es: missing: the English 'notes' has no Spanish",
        "roles/x.yaml: certifications.notes_es.cpc: missing",
        "roles/x.yaml: facets.auditing.reason_es: missing: the English 'reason' has no Spanish",
    ]


def without_spanish(value):
    if isinstance(value, dict):
        return {k: without_spanish(v) for k, v in value.items() if not (isinstance(k, str) and k.endswith("_es"))}
    if isinstance(value, list):
        return [without_spanish(v) for v in value]
    return value


@pytest.fixture
def content(tmp_path):
    """The real content files with every Spanish key taken out: each test adds its own."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    for path in root.rglob("*.yaml"):
        path.write_text(yaml.safe_dump(without_spanish(yaml.safe_load(path.read_text())), allow_unicode=True, sort_keys=False))
    return root


def add_spanish(root, name, change):
    path = root / name
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def coder_in_spanish(data):
    data["name_es"] = "Codificador médico"
    data["plural_es"] = "codificadores médicos"
    data["summary_es"] = "Los codificadores médicos leen las notas de una visita y las convierten en códigos."
    data["tasks_es"] = [f"Tarea {i}: {t}" for i, t in enumerate(data["tasks"])]  # keeps the English figures
    data["remote"]["text_es"] = "La codificación se hace en computadora; en la encuesta 2022 de AAPC, 55% trabajaba desde casa."
    data["skills"][0]["text_es"] = "Codificación ICD-10-CM, CPT y HCPCS"
    data["facets"]["auditing"]["reason_es"] = "Revisas tus propios códigos."


def test_check_content_fails_on_missing_spanish_and_names_it(content):
    add_spanish(content, "roles/medical-coder.yaml", coder_in_spanish)
    with pytest.raises(CommandError) as info:
        call_command("check_content", path=str(content), stdout=StringIO())
    message = str(info.value)
    assert "roles/medical-coder.yaml: typical_day_es: missing" in message
    assert "roles/medical-coder.yaml: facets.remote_work.reason_es: missing" in message
    assert "items.yaml: items.R1.text_es: missing" in message
    assert "roles/medical-coder.yaml: summary_es:" not in message
    assert "roles/medical-coder.yaml: facets.auditing.reason_es:" not in message


def test_check_content_fails_on_a_dropped_figure(content):
    def changed_figure(data):
        coder_in_spanish(data)
        data["remote"]["text_es"] = "La codificación se hace en computadora; en 2022, la mitad trabajaba desde casa."

    add_spanish(content, "roles/medical-coder.yaml", changed_figure)
    with pytest.raises(CommandError, match=r"roles/medical-coder.yaml: remote.text_es: drops or changes figures of the English: 55%"):
        call_command("check_content", path=str(content), stdout=StringIO())


def test_a_spanish_list_that_does_not_line_up_is_refused_at_load(content):
    add_spanish(content, "roles/medical-coder.yaml", lambda d: d.update(pros_es=["Solo una"]))
    with pytest.raises(ContentError, match=r"roles/medical-coder.yaml: pros_es: .*has 1 entries but pros has 4"):
        load_content(content)


def test_unknown_spanish_keys_are_refused_at_load(content):
    add_spanish(content, "certifications.yaml", lambda d: d[0].update(abbreviation_es="CPC-ES"))
    with pytest.raises(ContentError, match=r"certifications.yaml: 0.abbreviation_es: Extra inputs are not permitted"):
        load_content(content)


def test_the_loader_keeps_the_spanish_and_a_second_run_changes_nothing(content):
    add_spanish(content, "roles/medical-coder.yaml", coder_in_spanish)
    add_spanish(content, "education.yaml", lambda d: d[0].update(name_es="Certificado o diploma", eligible_for_es=[f"Ruta {e}" for e in d[0]["eligible_for"]]))
    add_spanish(content, "items.yaml", lambda d: d["items"][0].update(text_es="Arreglar una bici, una lámpara u otra máquina pequeña"))
    call_command("load_content", path=str(content), stdout=StringIO())
    with raw_content():
        stored = Role.objects.get(slug="medical-coder")
    assert (stored.name, stored.name_es) == ("Medical coder", "Codificador médico")
    assert stored.remote["text_es"].startswith("La codificación")
    assert stored.skills[0]["text_es"] == "Codificación ICD-10-CM, CPT y HCPCS" and "text_es" not in stored.skills[1]
    assert stored.facets.get(facet="auditing").reason_es == "Revisas tus propios códigos."
    assert "codificador médico" in stored.search_text
    with translation.override("es"):
        shown = Role.objects.get(slug="medical-coder")
        assert shown.summary.startswith("Los codificadores médicos")
        assert shown.remote["text"].startswith("La codificación")
        assert shown.typical_day.startswith("You log in")  # no Spanish yet: English
        assert EducationPath.objects.get(slug="certificate").name == "Certificado o diploma"
        assert Item.objects.get(code="R1").text.startswith("Arreglar una bici")
        out = StringIO()
        call_command("load_content", path=str(content), stdout=out)  # under Spanish too
    assert "Content loaded: 0 change(s)." in out.getvalue()


# --- admin ---------------------------------------------------------------------------------------
def test_spanish_fields_sit_beside_the_english_ones():
    from core.i18n_content_admin import spanish_beside_english

    assert spanish_beside_english(["name_es", "slug", "name", "note", "note_es", "other_es"]) == ["slug", "name", "name_es", "note", "note_es", "other_es"]


def test_the_admin_edits_stored_values_even_when_spanish_is_active(admin_client):
    role = spanish_role()
    with translation.override("es"):
        page = admin_client.get(f"/admin/careers/role/{role.pk}/change/").content.decode()
    assert 'name="name" value="Medical coder"' in page and 'name="name_es" value="Codificador médico"' in page
    assert page.index('name="name"') < page.index('name="name_es"') < page.index('name="full_name"')


# --- end to end ----------------------------------------------------------------------------------
def test_the_spanish_role_page_and_api_show_the_spanish_content(client):
    role = spanish_role()
    SalaryBandFactory(role=role)
    page = client.get(f"/es/roles/{role.slug}/").content.decode()
    assert "Convierte notas en códigos." in page and "Leer notas" in page and "Muchas veces desde casa" in page
    assert "Turns notes into codes." in client.get(f"/roles/{role.slug}/").content.decode()
    api = client.get(f"/api/v1/roles/{role.slug}?lang=es").json()
    assert api["name"] == "Codificador médico"
    assert client.get(f"/api/v1/roles/{role.slug}").json()["name"] == "Medical coder"
