"""The careers pages in Spanish: under /es/ every page shows its interface in Spanish (headings,
labels, buttons, captions, chart titles, status words), amounts stay US style ("$42,000"), and
the English pages are unchanged."""

import re

import pytest
from django.utils import translation

from careers.career_map import MapRole, build_map
from careers.models import GlossaryTerm
from tests.factories import (
    CertificationFactFactory,
    CertificationFactory,
    EducationPathFactory,
    LadderStepFactory,
    RoleCertificationFactory,
    RoleFactory,
    SalaryBandFactory,
    TrackFactory,
)

pytestmark = pytest.mark.django_db
HTTPS = {"secure": True}


@pytest.fixture
def coder():
    track = TrackFactory(slug="coding-revenue-cycle", name="Coding and revenue cycle")
    role = RoleFactory(slug="medical-coder", name="Medical coder", track=track, level="entry", entry_salary=42000,
                       experience_months=0)
    SalaryBandFactory(role=role, level="entry", amount=42000, status="estimate", year="2024")
    SalaryBandFactory(role=role, level="experienced", amount=58250, status="estimate", year="2024", order=1)
    path = EducationPathFactory(slug="certificate", name="Certificate or diploma (coding)", months_min=6, months_max=12)
    path.roles.add(role)
    cert = CertificationFactory(slug="cpc", abbreviation="CPC", name="Certified Professional Coder")
    CertificationFactFactory(certification=cert, kind="fee", text="$425 for one attempt")
    RoleCertificationFactory(role=role, certification=cert, kind="common")
    manager = RoleFactory(slug="coding-manager", name="Coding manager", track=track, level="leadership",
                          entry_salary=36000, experience_months=36)
    SalaryBandFactory(role=manager, level="entry", amount=36000, status="official", year="2024")
    LadderStepFactory(from_role=role, to_role=manager, kind="up")
    return role


def page(client, url):
    response = client.get(url, **HTTPS)
    assert response.status_code == 200, url
    return response.content.decode()


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_the_home_page_speaks_spanish_and_keeps_us_money(client, coder):
    html = page(client, "/es/")
    assert "Encuentra tu lugar en la información de salud" in title(html)
    assert "Hacer el cuestionario de afinidad" in html and "El campo de un vistazo" in html
    assert "$42,000 al año para empezar" in html
    assert "Unos 6 meses de estudio" in html  # the time to start, from careers.durations
    assert "a year to start" not in html and "Take the fit quiz" not in html


def test_a_role_page_speaks_spanish_with_translated_labels_and_statuses(client, coder):
    html = page(client, "/es/roles/medical-coder/")
    for words in ("De un vistazo", "Trabajo remoto", "Contacto con pacientes", "Perspectivas de empleo",
                  "Un día típico", "Escalera profesional", "Títulos de empleo para buscar", "Ventajas",
                  "Desventajas", "Realista", "Emprendedor", "Ruta educativa a este empleo"):
        assert words in html, words
    assert "<th scope=\"row\">Inicial</th><td>$42,000</td>" in html  # band label in Spanish, amount US style
    assert "Estimación" in html and "Nivel inicial" in html and "Alto" in html  # status, career level, remote level
    assert "Paso hacia arriba" in html  # the ladder step's kind
    assert "Rangos salariales de Medical coder:" in html  # the salary chart's SVG title
    assert "(coincidencia exacta)" in html
    for english in ("At a glance", "A typical day", "Career ladder", "Salary bands for", "Good parts"):
        assert english not in html, english


def test_the_roadmap_speaks_spanish(client, coder):
    html = page(client, "/es/roles/medical-coder/roadmap/")
    assert title(html).startswith("Ruta educativa: Medical coder")
    for words in ("¿Desde dónde empiezas?", "Preparatoria (high school) / sin título", "Paso 1.",
                  "Elige una ruta de capacitación", "Obtén certificaciones", "Busca tu primer empleo",
                  "Meses desde que empiezas cada ruta hasta el primer empleo", "de 6 a 12 meses",
                  "Antes de postularte, si puedes: muchos empleadores la piden.", "Imprimir esta ruta educativa"):
        assert words in html, words
    assert re.search(r"Impreso desde .* el \d{1,2} de [a-z]+ de \d{4}\.", html)  # the print stamp's date in Spanish
    assert "Choose a training route" not in html and "Print this roadmap" not in html


def test_an_unknown_starting_point_is_explained_in_spanish(client, coder):
    html = page(client, "/es/roles/medical-coder/roadmap/?start=moon")
    assert "No conocemos ese punto de partida" in html


def test_a_certification_page_speaks_spanish(client, coder):
    html = page(client, "/es/certifications/cpc/")
    assert "Datos clave" in html and "Empleos para los que sirve" in html and "<dt>Cuota</dt>" in html
    assert "Sin confirmar" in html  # the fee's status badge
    assert "Key facts" not in html and "Roles it serves" not in html


def test_the_directory_speaks_spanish_with_filters_counts_and_us_money(client, coder):
    html = page(client, "/es/roles/")
    assert "Empleos en gestión de información de salud (HIM)" in html
    assert "Busca empleos y títulos de empleo" in html and "Filtrar empleos" in html and "Cualquier área" in html
    assert "2 empleos" in html and "$42,000 al año" in html and "Ver empleos" in html
    assert "Show roles" not in html and "a year" not in html


def test_the_directory_explains_a_bad_salary_filter_in_spanish(client, coder):
    html = page(client, "/es/roles/?salary_floor=9999999")
    assert "Escribe una cantidad de hasta $500,000." in html
    assert "No entendimos algunos filtros y no los usamos:" in html


def test_the_career_map_speaks_spanish_in_the_svg_the_list_and_the_filters(client, coder):
    html = page(client, "/es/career-map/?within_year=1")
    assert title(html).startswith("Mapa de carreras")
    assert "Mapa de carreras: 2 empleos por nivel profesional y área" in html  # the SVG's title
    assert "1 de 2 empleos cumplen tus filtros" in html
    assert "No cumple tus filtros: tarda más de un año en empezar" in html  # the dimmed role's words
    assert "$42,000 est. · 6 meses" in html  # the node's short pay and time
    assert "pago inicial de $42,000 al año (estimación" in html
    assert "Paso hacia arriba a" in html and "(pago inicial $6,000 más bajo)" in html and "−$6,000" in html
    assert ">Nivel inicial<" in html and ">Liderazgo<" in html  # the column headings
    assert "Read the map as a list" not in html and "entry pay" not in html


def test_the_glossary_and_the_data_page_speak_spanish(client):
    GlossaryTerm.objects.create(slug="percentile", term="Percentile", definition="A share.")
    html = page(client, "/es/glossary/")
    assert title(html).startswith("Glosario") and "Palabras y siglas que usa este sitio" in html
    html = page(client, "/es/about/data/")
    assert "Sobre nuestros datos" in html and "Qué significan las etiquetas" in html and "Fuente secundaria" in html


def test_compare_speaks_spanish(client, coder):
    html = page(client, "/es/roles/compare/?roles=medical-coder,coding-manager")
    assert "Comparación lado a lado de 2 empleos" in html and "Tiempo para llegar a este empleo" in html
    html = page(client, "/es/roles/compare/?roles=medical-coder")
    assert "Elige entre 2 y 4 empleos para comparar." in html


def test_the_english_pages_are_unchanged(client, coder):
    html = page(client, "/roles/medical-coder/")
    assert "At a glance" in html and "<th scope=\"row\">Entry</th><td>$42,000</td>" in html
    html = page(client, "/career-map/")
    assert "2 roles." in html and "entry pay $42,000 a year (estimate, " in html and "$42,000 est. · 6 mo" in html
    assert "De un vistazo" not in html


def test_the_pure_map_module_words_itself_through_the_translator_it_is_given():
    roles = [MapRole("a", "A", "/a/", "t", "T", "entry", pay=42000, pay_status="estimate", months=18)]
    english = build_map(roles, [], levels=[("entry", "Entry level")])
    assert english.nodes[0].detail.text == "$42,000 est. · 1.5 yr"
    with translation.override("es"):
        spanish = build_map(roles, [], levels=[("entry", "Nivel inicial")], tr=translation)
    assert spanish.nodes[0].detail.text == "$42,000 est. · 1.5 años"
    assert "primer empleo después de unos 1.5 años de capacitación" in spanish.nodes[0].aria_label
