"""Try the work in Spanish: the pages, the samples' texts, and answers judged as in English.

Pages are requested inside ``translation.override("es")`` at the address ``reverse`` gives there,
``/es/try/...``; the messages are compiled at session start (tests/conftest.py).
"""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from worksamples.catalogue import SAMPLES
from worksamples.models import Attempt
from worksamples.samples import billing, coding, registry, release
from worksamples.selectors import attempt_grade


def _get(client, name, *args, lang="es"):
    with translation.override(lang):
        response = client.get(reverse(f"worksamples:{name}", args=args))
    assert response.status_code == 200
    return response.content.decode()


def _post(client, slug, data, lang="es"):
    """Post answers to a sample in ``lang``: the attempt made, and its page's HTML in that language."""
    with translation.override(lang):
        response = client.post(reverse("worksamples:sample", args=[slug]), data)
        assert response.status_code == 303, response.content.decode()[:2000]
        page = client.get(response["Location"])
    attempt = Attempt.objects.get(token=response["Location"].rstrip("/").split("/")[-1])
    return attempt, page.content.decode()


def test_the_try_page_is_in_spanish(client, db):
    with translation.override("es"):
        assert reverse("worksamples:index") == "/es/try/"
    html = _get(client, "index")
    assert "<h1>Prueba el trabajo</h1>" in html and 'href="/es/try/coding/"' in html
    for title in ("Codifica cinco visitas", "Revisa una reclamación", "Responde seis solicitudes de expedientes",
                  "Resume un caso de cáncer"):
        assert f">{title}</a>" in html
    assert "<strong>Codificador médico</strong> · unos 10 minutos" in html
    assert "Diez minutos del trabajo real" in html
    for english in ("Code five visits", "Medical coder", "Ten minutes of the real thing", "Took the fit quiz?"):
        assert english not in html


SPANISH_PAGE = {
    "coding": ("Lee cada nota y escribe sus códigos de diagnóstico",
               "En EE. UU., los codificadores trabajan con la lista de códigos ICD-10-CM",
               "Visita 1: una caída de un scooter", "fractura en rodete (torus o buckle fracture)",
               "Códigos de diagnóstico de la visita 1"),
    "billing": ("un facturador la compara con la tarjeta del seguro", "Tarjeta del seguro",
                "ID de la aseguradora (Payer ID)", "Línea 2: férula de muñeca", "La fecha está fuera de la cobertura",
                "(muletas de axila, un par)"),
    "release": ("Trabajas en el departamento de información de salud", "Una paciente pide sus propios expedientes",
                "¿Qué haces?", "Primero hace falta una autorización firmada"),
    "registry": ("Un registrador lee todo el expediente", "Mamografía, 2026-02-20",
                 "Carcinoma ductal invasivo, grado 2.", "Lateralidad (de qué lado)", "Sitio primario desconocido"),
}
ENGLISH_PAGE = {
    "coding": ("Read each note", "Visit 1: a fall from a scooter", "Diagnosis codes for"),
    "billing": ("Insurance card", "Line 2: wrist brace", "Looks right"),
    "release": ("You work in a hospital", "A patient asks for their own records", "Release the records"),
    "registry": ("A registrar reads the whole record", "Mammogram", "Primary site"),
}


@pytest.mark.parametrize("slug", ["coding", "billing", "release", "registry"])
def test_each_sample_gives_its_instructions_in_spanish(client, db, slug):
    html = _get(client, "sample", slug)
    assert "Revisar mis respuestas" in html and "Prueba el trabajo" in html
    for spanish in SPANISH_PAGE[slug]:
        assert spanish in html, spanish
    for english in (*ENGLISH_PAGE[slug], "Check my answers", "Try the work"):
        assert english not in html, english


def test_the_coding_sample_keeps_the_code_set_in_english(client, icd_subset):
    with translation.override("es"):
        html = client.get(reverse("worksamples:sample", args=["coding"]), {"q": "torus fracture left radius"}).content.decode()
    assert "Códigos para “torus fracture left radius”" in html
    assert '<strong>S52.522A</strong> <span lang="en">Torus fracture of lower end of left radius, initial encounter for closed fracture</span>' in html
    assert "facturable" in html and "National Center for Health Statistics (NCHS)" in html and "licencia MIT" in html


def test_the_english_sample_has_no_spanish_note(client, db):
    html = _get(client, "sample", "coding", lang="en")
    assert "Read each note" in html and "En EE. UU." not in html


def _choice_answers(module, wrong: str, bad_value: str) -> dict:
    questions = module.FIELDS if module is registry else module.QUESTIONS
    answers = {q.slug: q.key for q in questions}
    answers[wrong] = bad_value
    return answers


@pytest.mark.parametrize(("slug", "answers"), [
    ("billing", _choice_answers(billing, "line-3", "ok")),
    ("release", _choice_answers(release, "police-phone", "release")),
    ("registry", _choice_answers(registry, "diagnosis-date", "2026-02-20")),
])
def test_a_choice_sample_is_scored_the_same_in_spanish(client, db, slug, answers):
    english, _ = _post(client, slug, answers, lang="en")
    spanish, html = _post(client, slug, answers)
    assert spanish.answers == english.answers
    assert (spanish.score, spanish.out_of) == (english.score, english.out_of) == (len(answers) - 1, len(answers))
    marks = [(f.correct, f.points, f.out_of) for f in attempt_grade(english).items]
    assert [(f.correct, f.points, f.out_of) for f in attempt_grade(spanish).items] == marks
    assert f"{spanish.score} de {spanish.out_of}" in html and "Tus respuestas, y por qué" in html
    assert "Correcto" in html and "Por qué:" in html and "0 de 1" in html
    assert " out of " not in html and "Your answers, and why" not in html


def test_the_release_feedback_is_in_spanish_and_cites_the_same_rules(client, db):
    _attempt, html = _post(client, "release", _choice_answers(release, "police-phone", "release"))
    assert "Solo se puede entregar información a la policía en las situaciones de 45 CFR 164.512(f)" in html
    assert "<strong>Dijiste:</strong> Entregar los expedientes" in html
    assert "<strong>Respuesta:</strong> Rechazar la solicitud tal como llegó" in html
    assert 'href="https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.512">45 CFR 164.512</a>' in html
    assert "Disclosures to law enforcement" not in html


def test_the_coding_sample_is_scored_the_same_in_spanish(client, icd_subset, all_right):
    answers = {**all_right, "visit-1": "s52.52", "visit-4": "n390", "action": "check"}
    english, _ = _post(client, "coding", answers, lang="en")
    spanish, html = _post(client, "coding", answers)
    assert spanish.answers == english.answers and spanish.answers["visit-4"] == ["N39.0"]
    assert (spanish.score, spanish.out_of) == (english.score, english.out_of) == (6, 8)
    assert "6 de 8" in html
    assert "S52.52 Torus fracture of lower end of radius es un encabezado, no un código facturable" in html
    assert "El médico relaciona la enfermedad renal con la diabetes" in html
    assert "Use additional code" in html  # the code set's own note, in its own words
    assert "Lo que dice la lista de códigos" in html and "What the code set says" not in html


def test_the_code_search_keeps_typed_answers_in_spanish(client, icd_subset):
    typed = {"visit-1": "S52.522A", "visit-2": "e11.22, riñón", "visit-5": "otitis derecha"}
    with translation.override("es"):
        response = client.post(reverse("worksamples:sample", args=["coding"]),
                               {"q": "torus fracture left radius", "action": "search", **typed})
    html = response.content.decode()
    assert response.status_code == 200 and not Attempt.objects.exists()
    assert "Códigos para “torus fracture left radius”" in html and "S52.522A" in html
    for value in typed.values():
        assert f'value="{value}"' in html
    assert "no está escrito como" not in html  # no errors until the answers are checked


def test_mistakes_are_explained_in_spanish(client, icd_subset):
    with translation.override("es"):
        coding_page = client.post(reverse("worksamples:sample", args=["coding"]),
                                  {"visit-1": "fractura de muñeca", "action": "check"}).content.decode()
        release_page = client.post(reverse("worksamples:sample", args=["release"]),
                                   {"patient": "release"}).content.decode()
    assert "“fractura” no está escrito como un código ICD-10-CM (por ejemplo, S52.522A)." in coding_page
    assert "Revisa algunas respuestas" in coding_page
    assert "Elige una respuesta para “Un abogado envía una autorización firmada”." in release_page
    assert not Attempt.objects.exists()


def test_enjoyment_and_attaching_are_asked_in_spanish(client, db):
    attempt, html = _post(client, "registry", {f.slug: f.key for f in registry.FIELDS})
    assert "¿Te gustó?" in html and "1 – nada" in html and "5 – mucho" in html
    assert "El enlace de tus resultados del cuestionario" in html and "Agregar a mis resultados" in html
    with translation.override("es"):
        bad_link = client.post(reverse("worksamples:attempt_attach", args=[attempt.token]), {"link": "hola"})
    assert bad_link.status_code == 400
    assert "Eso no parece un enlace de resultados." in bad_link.content.decode()


def test_counselors_see_the_tries_and_role_pages_link_in_spanish(db):
    from tests.assessments.factories import ResultFactory

    result = ResultFactory(display_name="")
    tries = [(result, [Attempt(sample="coding", enjoyment=4, answers={}, score=0, out_of=8),
                       Attempt(sample="registry", answers={}, score=0, out_of=6)])]
    with translation.override("es"):
        section = render_to_string("worksamples/cohort_tries.html", {"cohort_tries": tries})
        link = render_to_string("worksamples/try_link.html", {"slug": "cancer-registrar", "name": "Registrador de cáncer"})
    assert "Ejercicios probados" in section and "(sin nombre)" in section
    assert "Codificación médica (le gustó 4/5); Abstracción de casos para el registro de cáncer (no lo dijo)" in section
    assert ">Prueba el trabajo<span class=\"visually-hidden\"> de Registrador de cáncer</span></a>" in link


def _shown_texts(lang: str) -> list[str]:
    """Every text of the four samples a reader sees, in ``lang``."""
    with translation.override(lang):
        texts = []
        for info in SAMPLES.values():
            texts += [info.title, info.job, info.minutes, info.summary, info.job_use]
        for v in coding.VISITS:
            texts += [v.title, v.note, v.why]
        for module in (billing, release):
            texts += [c.label for c in module.CHOICES]
            for q in module.QUESTIONS:
                texts += [q.title, q.why, *([q.text] if str(q.text) else [])]
        texts += [label for label, _value in (*billing.CARD, *billing.CLAIM_HEADER) if str(label) != "Plan"]
        texts += [service for _l, _d, service, _dx in billing.claim_lines()]
        texts += [t for pair in registry.RECORD for t in pair]
        for f in registry.FIELDS:
            texts += [f.label, f.why, *(label for value, label in f.choices if value not in {"IIA", "IA", "IIB"})]
        return [str(t) for t in texts]


def test_every_sample_text_has_its_own_spanish():
    english, spanish = _shown_texts("en"), _shown_texts("es")
    assert len(english) == len(spanish) > 100
    same = [e for e, s in zip(english, spanish, strict=True) if e == s]
    assert not same, f"not translated: {same}"
    assert all(s.strip() for s in spanish)
