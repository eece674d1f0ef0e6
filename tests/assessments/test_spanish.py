"""The quiz, its results, the printouts and the counselor pages in Spanish (issue 16).

Spanish pages are reached by the Spanish address of each page (``reverse`` under Spanish: /es/...
once the site's language prefix is in place) with Spanish active, as LocaleMiddleware makes it.
"""

import hashlib
import json
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation

from assessments import scoring
from assessments.forms import QuizForm, quiz_items, scale_labels
from assessments.models import Result
from assessments.reason_text import local_months_words, reason_text
from assessments.selectors import result_view
from assessments.services import result_submit
from assessments.validation import population
from assessments.validation.content import load_bank, load_roles
from tests.assessments.factories import (
    CohortFactory,
    ResultFactory,
    answers_for,
    item_bank,
    match_rows,
    post_data,
)
from tests.assessments.test_counselors import make_counselor, sign_in
from tests.factories import RoleFactory

LOCALE = Path(django_settings.BASE_DIR) / "locale"
PO = LOCALE / "es" / "LC_MESSAGES" / "django.po"

#: sha256 of every reason (role, kind, key, English text) for 200 seeded answer sets over the real
#: bank and roles, as scoring_reasons wrote them before reasons carried msg and args.
ENGLISH_REASONS_DIGEST = "a7c91133cd9c1cdace4ae6c83515938591cff87fb77bed3bf7bbf906821c7192"


@pytest.fixture
def catalog(settings):
    """The Spanish catalog compiled and on the locale path (the site's set-up does both)."""
    import polib

    mo = PO.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < PO.stat().st_mtime:
        polib.pofile(str(PO)).save_as_mofile(str(mo))
    if str(LOCALE) not in [str(p) for p in settings.LOCALE_PATHS]:
        settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, LOCALE]


@pytest.fixture
def spanish(catalog):
    with translation.override("es"):
        yield


def fresh_pages():
    """Forget stored pages. Until the site's language prefix is in place, a Spanish page has the
    English address, and the page cache (keyed by address) would serve the English copy."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def es_url(name, *args) -> str:
    with translation.override("es"):
        return reverse(name, args=args)


def get_es(client, name, *args):
    fresh_pages()
    with translation.override("es"):
        return client.get(reverse(name, args=args), HTTP_ACCEPT_LANGUAGE="es")


def post_es(client, name, data, *args):
    fresh_pages()
    with translation.override("es"):
        return client.post(reverse(name, args=args), data, HTTP_ACCEPT_LANGUAGE="es")


# --- reasons ---------------------------------------------------------------------------------------


def test_the_stored_english_reasons_are_byte_identical_to_before():
    bank, roles = load_bank(), load_roles()
    digest = hashlib.sha256()
    sets = list(population.realistic(bank, 150, seed=7)) + list(population.uniform(bank, 50, seed=8))
    kinds = set()
    for answers in sets:
        for m in scoring.rank(scoring.build_profile(bank.items, answers), roles, explain=True):
            for r in m.reasons:
                digest.update(f"{m.slug}|{r.kind}|{r.key}|{r.text}\n".encode())
                kinds.add(r.msg)
                assert r.as_dict()["args"].get("role", m.slug) == m.slug
    assert digest.hexdigest() == ENGLISH_REASONS_DIGEST
    assert len(kinds) >= 10  # most messages were exercised


FACET_REASON = {
    "kind": "facet_match",
    "text": "You like checking work against the rules, and it is a big part of the job for coding auditors.",
    "key": "auditing",
    "msg": "facet_match",
    "args": {"role": "coding-auditor", "facet": "auditing"},
}


def test_a_reason_is_written_in_the_active_language_from_its_message(spanish):
    assert reason_text(FACET_REASON, "auditores de codificación") == (
        "Te gusta revisar el trabajo según las reglas, y eso es una parte importante del trabajo de los auditores de codificación."
    )
    interest = {"kind": "misses_like", "text": "x", "key": "S", "msg": "misses_like.strong", "args": {"role": "r", "dimension": "S", "said_strongly": True}}
    assert reason_text(interest, "codificadores médicos") == (
        "Los codificadores médicos hacen poco trabajo de ayudar y enseñar (Social), y dijiste que eso te gusta."
    )
    training = {"kind": "training_fits", "text": "x", "key": "training_time", "msg": "training_fits", "args": {"months": 9}}
    assert "alrededor de 9 meses" in reason_text(training)


def test_english_shows_the_stored_text_and_old_reasons_keep_theirs(catalog):
    with translation.override("en"):
        assert reason_text(FACET_REASON, "whatever") == FACET_REASON["text"]
    old = {"kind": "shared_like", "text": "You and coders both like tidy records.", "key": "C"}
    with translation.override("es"):
        assert reason_text(old, "codificadores") == old["text"]
        assert reason_text({**FACET_REASON, "msg": "no-such-message"}, "x") == FACET_REASON["text"]


def test_work_sample_reasons_read_in_spanish(spanish):
    assert reason_text({"kind": "tried_enjoyed", "key": "coding", "text": "You tried coding and enjoyed it."}) == (
        "Probaste el ejercicio de codificación y te gustó."
    )


@pytest.mark.parametrize(("months", "english", "spanish_words"), [(1, "1 month", "1 mes"), (9, "9 months", "9 meses"), (12, "1 year", "1 año"), (30, "2.5 years", "2.5 años"), (0, "no study", "sin estudios")])
def test_months_words_follow_the_language(catalog, months, english, spanish_words):
    from core.vocabulary import months_words

    assert months_words(months) == english  # the pure function is English whatever is active
    with translation.override("es"):
        assert months_words(months) == english
        assert local_months_words(months) == spanish_words
    with translation.override("en"):
        assert local_months_words(months) == english


# --- the quiz --------------------------------------------------------------------------------------


@pytest.fixture
def items(db):
    bank = item_bank(per_dimension=2, per_facet=1)
    RoleFactory(slug="medical-coder", name="Medical coder", plural="medical coders")
    RoleFactory(slug="cancer-registrar", name="Cancer registrar", plural="cancer registrars")
    return bank


@pytest.fixture
def answers(items):
    return answers_for(items, interests={"C": 5, "I": 4, "A": 1}, facets={"clinical_detail": 5, "patient_contact": 1})


def test_the_quiz_page_reads_in_spanish_with_the_same_statements_in_the_same_order(client, catalog, items):
    english = client.get(reverse("assessments:quiz")).content.decode()
    html = get_es(client, "assessments:quiz").content.decode()
    fresh_pages()

    assert "¿Qué puestos de HIM van contigo?" in html and "Which HIM roles fit you?" not in html
    assert "Me gusta mucho" in html and "Strongly like" not in html
    assert "Sección 1 de" in html and "Ver mis resultados" in html
    assert 'data-text-next="Siguiente sección"' in html  # the script's words too
    names = re.compile(r'name="([A-Z]+\d+)"')
    assert list(dict.fromkeys(names.findall(html))) == list(dict.fromkeys(names.findall(english))) == [i.code for i in items]


def test_quiz_items_and_their_fields_are_kept_per_language(catalog, items):
    with translation.override("en"):
        english = quiz_items()
        assert quiz_items() is english
        labels_en = [label for _, label in QuizForm(None, items=english).fields["C1"].choices]
    with translation.override("es"):
        spanish_items = quiz_items()
        assert spanish_items is not english and quiz_items() is spanish_items
        labels_es = [label for _, label in QuizForm(None, items=spanish_items).fields["C1"].choices]
        training = [label for _, label in QuizForm(None, items=spanish_items).fields["F12"].choices]
    assert labels_en == ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]
    assert labels_es == ["Me disgusta mucho", "No me gusta", "No sé", "Me gusta", "Me gusta mucho"]
    assert training[0] == "Unas semanas" and training[-1] == "4 años o más"
    assert [i.code for i in spanish_items] == [i.code for i in english]


def test_the_scale_labels_come_from_labels_es_in_items_yaml_when_it_has_them(catalog, monkeypatch):
    from assessments import forms

    monkeypatch.setattr(forms, "_yaml_scale_labels", lambda language: ("a", "b", "c", "d", "e") if language == "es" else None)
    with translation.override("es"):
        assert scale_labels() == ("a", "b", "c", "d", "e")
    with translation.override("en"):
        assert scale_labels() == forms.SCALE_LABELS


def _comparable(result: Result) -> tuple:
    return result.answers, result.profile, [{k: v for k, v in m.items()} for m in result.matches], result.summary


def test_answers_sent_from_the_spanish_quiz_give_the_same_result_as_from_the_english(client, catalog, answers):
    english = client.post(reverse("assessments:quiz"), post_data(answers))
    spanish = post_es(client, "assessments:quiz", post_data(answers))

    assert english.status_code == spanish.status_code == 303
    first, second = Result.objects.order_by("created", "pk")
    assert _comparable(first) == _comparable(second)
    assert all(r["text"].isascii() for m in second.matches for r in m["reasons"])  # stored in English


def test_errors_in_spanish_keep_the_answers(client, catalog, answers):
    partial = dict(list(answers.items())[:-3])
    response = post_es(client, "assessments:quiz", post_data(partial))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hay un problema con tus respuestas" in html
    assert "A 3 afirmaciones todavía les falta una respuesta." in html and "Tus otras respuestas se guardan." in html
    assert "Elige una respuesta para esta afirmación." in html
    checked = dict(re.findall(r'<input[^>]*type="radio"[^>]*name="([^"]+)"[^>]*value="(\d)"[^>]*checked', html))
    assert checked == {code: str(value) for code, value in partial.items()}


def test_a_class_code_works_from_the_spanish_quiz(client, catalog, answers):
    cohort = CohortFactory(name="Period 3")
    response = post_es(client, "assessments:quiz", post_data(answers, join_code=cohort.join_code_display.lower(), display_name="A.B."))

    assert response.status_code == 303
    result = Result.objects.get()
    assert result.cohort == cohort and result.display_name == "A.B."

    from assessments.models import new_join_code

    wrong = post_es(client, "assessments:quiz", post_data(answers, join_code=new_join_code()))
    assert "No encontramos un grupo abierto con ese código." in wrong.content.decode()
    malformed = post_es(client, "assessments:quiz", post_data(answers, join_code="AB"))
    assert "Los códigos de clase tienen 8 letras y números" in malformed.content.decode()


# --- results ---------------------------------------------------------------------------------------


def test_the_results_page_reads_in_spanish(client, catalog, answers):
    result = result_submit(answers=answers)

    html = get_es(client, "assessments:result", result.token).content.decode()

    assert "Tus resultados del cuestionario de afinidad" in html and "Your fit quiz results" not in html
    assert "Guarda tu enlace privado" in html and "de afinidad" in html
    assert 'data-text-copy="Copiar enlace"' in html
    with translation.override("es"):
        view = result_view(result)
    bands = {"Afinidad muy alta", "Afinidad alta", "Buena afinidad", "Algo de afinidad", "Poca afinidad"}
    assert {card.band for card in view.top} <= bands
    reasons = [text for card in view.top for text in card.fits + card.concerns]
    assert reasons and not [text for text in reasons if text in {r["text"] for m in result.matches for r in m["reasons"]}]
    assert any("preparación" in t or "camino" in t or "Te gusta" in t or "Tanto tú" in t for t in reasons)


def test_the_packet_and_the_delete_pages_read_in_spanish(client, catalog, answers):
    result = result_submit(answers=answers)

    packet = get_es(client, "assessments:result_print", result.token).content.decode()
    confirm = get_es(client, "assessments:result_delete", result.token).content.decode()

    assert "Resultados de afinidad con carreras" in packet and "Cuestionario hecho el" in packet
    assert "¿Borrar tus resultados?" in confirm and "Sí, borrar mis resultados" in confirm


def test_the_privacy_page_names_the_language_cookie_in_both_languages(client, catalog, db):
    english = client.get(reverse("assessments:privacy")).content.decode()
    spanish = get_es(client, "assessments:privacy").content.decode()
    fresh_pages()

    assert "<code>django_language</code>" in english and "“en” (English) or “es” (Spanish)" in english
    assert "for one year" in english.replace("\n", " ") or "one year" in english
    assert "<code>django_language</code>" in spanish and "“en” (inglés) o “es” (español)" in spanish
    assert "Se queda en tu navegador un año. No guardamos nada más para esto." in spanish


def test_the_score_api_gives_spanish_reasons_and_the_same_ranking(client, catalog, answers):
    url = "/api/v1/quiz/score"
    english = client.post(url, json.dumps({"answers": answers}), content_type="application/json").json()
    with translation.override("es"):
        spanish = client.post(url, json.dumps({"answers": answers}), content_type="application/json", HTTP_ACCEPT_LANGUAGE="es").json()

    assert [(m["role"], m["fit"], m["score"]) for m in spanish["matches"]] == [(m["role"], m["fit"], m["score"]) for m in english["matches"]]
    assert spanish["matches"][0]["reasons"] != english["matches"][0]["reasons"]
    assert spanish["matches"][0]["band"] in {"Afinidad muy alta", "Afinidad alta", "Buena afinidad", "Algo de afinidad", "Poca afinidad"}


# --- counselors ------------------------------------------------------------------------------------


@pytest.fixture
def cohort(db):
    counselor = make_counselor()
    roles = [RoleFactory(slug=s, name=n) for s, n in [("medical-coder", "Medical coder"), ("cancer-registrar", "Cancer registrar"), ("him-director", "HIM director")]]
    cohort = CohortFactory(counselor=counselor, name="Period 3")
    ResultFactory(cohort=cohort, display_name="A.B.", matches=match_rows(roles))
    return cohort


def test_each_printout_and_the_class_printout_can_be_printed_in_english_or_spanish(client, catalog, cohort):
    sign_in(client, cohort.counselor)
    token = cohort.results.get().token

    html = client.get(reverse("assessments:cohort_detail", args=[cohort.pk])).content.decode()

    english_packet = reverse("assessments:cohort_result", args=[cohort.pk, token])
    spanish_packet = es_url("assessments:cohort_result", cohort.pk, token)
    assert f'href="{english_packet}" hreflang="en">Print in English' in html
    assert f'href="{spanish_packet}" hreflang="es" lang="es">Imprimir en español' in html
    assert f'href="{es_url("assessments:cohort_print", cohort.pk)}" hreflang="es" lang="es">Imprimir todos los paquetes en español' in html
    assert f'href="{reverse("assessments:cohort_print", args=[cohort.pk])}" hreflang="en">Print all results packets in English' in html


def test_the_spanish_printouts_and_cohort_page_read_in_spanish(client, catalog, cohort):
    sign_in(client, cohort.counselor)
    token = cohort.results.get().token

    packet = get_es(client, "assessments:cohort_result", cohort.pk, token).content.decode()
    class_print = get_es(client, "assessments:cohort_print", cohort.pk).content.decode()
    detail = get_es(client, "assessments:cohort_detail", cohort.pk).content.decode()

    assert "Resultados de afinidad con carreras: A.B." in packet and "Afinidad alta" in packet
    assert "Period 3: resumen del grupo" in class_print and "1 estudiante · impreso el" in class_print
    assert "Código de clase" in detail and "Resultados de los estudiantes" in detail and "1 resultado" in detail
