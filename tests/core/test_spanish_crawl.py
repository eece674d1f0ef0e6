"""A crawl of the Spanish site with the real content: no page shows English UI text.

Starts at /es/, a result made by answering the real quiz at /es/quiz/, "Try the work" and a
counselor's class, and follows every /es/ link. On each page, no text outside lang="en"
elements contains an English-only word, and no English message of the catalogue shows.
"""

import re
from collections import deque
from pathlib import Path

import polib
import pytest
from django.test import Client

from assessments.models import CounselorProfile, Result
from tests.assessments.factories import CohortFactory, UserFactory
from tests.core.spanish_text import english_in, visible_texts

pytestmark = pytest.mark.django_db
HTTPS = {"secure": True}
PO = Path(__file__).resolve().parents[2] / "locale" / "es" / "LC_MESSAGES" / "django.po"
MAX_PAGES = 160
#: Addresses not followed: downloads, and actions that change what the crawl reads.
NOT_FOLLOWED = re.compile(r"/(export\.csv|delete/|logout/)")


def quiz_answers(html: str) -> dict[str, str]:
    """One answer per radio group of the quiz form, varied so the result has a shape."""
    groups: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"', html):
        groups.setdefault(name, []).append(value)
    return {name: values[(i * 3) % len(values)] for i, (name, values) in enumerate(sorted(groups.items()))}


@pytest.fixture
def spanish_result(real_content):
    client = Client()
    form = client.get("/es/quiz/", **HTTPS).content.decode()
    answers = quiz_answers(form)
    assert len(answers) >= 60
    response = client.post("/es/quiz/", answers, **HTTPS)
    assert response.status_code in (302, 303), response.content.decode()[:500]
    assert response["Location"].startswith("/es/quiz/results/")
    return Result.objects.get()


@pytest.fixture
def english_messages():
    return [
        e.msgid for e in polib.pofile(str(PO))
        if not e.obsolete and e.msgstr and e.msgstr != e.msgid and len(e.msgid) >= 16 and " " in e.msgid and "%" not in e.msgid and "<" not in e.msgid
    ]


def crawl(client, starts: list[str]) -> dict[str, str]:
    seen, pages, queue = set(starts), {}, deque(starts)
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, **HTTPS)
        if response.status_code in (301, 302):  # e.g. the counselor pages ask an anonymous visitor to sign in
            target = response["Location"]
            assert target.startswith("/es/"), f"{url} leaves Spanish for {target}"
            if target not in seen:
                seen.add(target)
                queue.append(target)
            continue
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        pages[url] = html
        for link in re.findall(r'href="(/es/[^"#]*)', html):
            link = link.replace("&amp;", "&")
            if link not in seen and not NOT_FOLLOWED.search(link) and link.count("=") <= 1:
                seen.add(link)
                queue.append(link)
    return pages


#: Proper names quoted inside Spanish sentences of the content files.
QUOTED_NAMES = (
    "American Academy of Professional Coders", "Certificate of the Degree",
    # BLS and O*NET occupation titles, present and retired
    "Medical Records and Health Information Technicians", "Medical Records and Health Information Specialists",
    "Health Information Technologists and Medical Registrars", "Medical Records Specialists",
    "Financial and Investment Analysts", "U.S. Department of Labor", "Employment and Training Administration",
    "National Center for Health Statistics", "Centers for Disease Control and Prevention", "Centers for Medicare & Medicaid Services",
)


def english_names() -> tuple[str, ...]:
    """Names that stay as they are in Spanish (docs/glossary-es.md): credentials, bodies,
    sources as registered (title and date), O*NET and BLS occupations, the English expansions
    of abbreviations, and the English job titles to search for."""
    from careers.models import Certification, CertifyingBody, GlossaryTerm, Role, RoleAlias, Source
    from core.i18n_content import raw_content

    with raw_content():
        names = {
            *QUOTED_NAMES,
            *Certification.objects.values_list("name", flat=True),
            *CertifyingBody.objects.values_list("name", flat=True),
            *Source.objects.values_list("title", flat=True),
            *Source.objects.values_list("year", flat=True),
            *Role.objects.values_list("onet_title", flat=True),
            *(role.outlook.get("occupation", "") for role in Role.objects.all()),
            *RoleAlias.objects.values_list("title", flat=True),
            *GlossaryTerm.objects.values_list("expansion", flat=True),
        }
    return tuple(sorted((n for n in names if n), key=len, reverse=True))


def problems(pages: dict[str, str], english_messages: list[str]) -> dict[str, list[str]]:
    found = {}
    names = english_names()
    for url, html in pages.items():
        assert '<html lang="es"' in html, url
        texts = english_in(html, names)
        visible = " ".join(visible_texts(html))
        for name in names:
            visible = visible.replace(name, " ")
        texts += [f"[message] {m}" for m in english_messages if m in visible]
        if texts:
            found[url] = texts[:6]
    return found


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}: {texts}" for url, texts in sorted(found.items())[:25])


def test_the_public_spanish_site_shows_no_english(spanish_result, english_messages):
    result = f"/es/quiz/results/{spanish_result.token}/"
    pages = crawl(Client(), ["/es/", result, f"{result}print/", f"{result}map/", "/es/try/", "/es/privacy/", "/es/glossary/"])
    assert len(pages) >= 40
    assert any("/roles/" in url and "/roadmap/" in url for url in pages)
    found = problems(pages, english_messages)
    assert not found, f"English on {len(found)} Spanish pages:\n{report(found)}"


def test_the_counselor_pages_in_spanish_show_no_english(spanish_result, english_messages):
    user = UserFactory(username="consejera")
    user.save()
    CounselorProfile.objects.create(user=user, school="Lincoln High")
    cohort = CohortFactory(counselor=user, name="Grupo 11B")
    spanish_result.cohort = cohort
    spanish_result.display_name = "Ana"
    spanish_result.save()
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    pages = crawl(client, ["/es/counselors/", f"/es/counselors/cohorts/{cohort.pk}/", f"/es/counselors/cohorts/{cohort.pk}/print/"])
    pages = {url: html for url, html in pages.items() if "/counselors/" in url or "/accounts/" in url}
    assert len(pages) >= 3
    found = problems(pages, english_messages)
    assert not found, f"English on {len(found)} Spanish counselor pages:\n{report(found)}"


def test_the_sign_in_and_error_pages_are_spanish(english_messages):
    pages = {}
    for url, status in (("/es/accounts/login/", 200), ("/es/no-such-page/", 404)):
        response = Client().get(url, **HTTPS)
        assert response.status_code == status
        pages[url] = response.content.decode()
    found = problems(pages, english_messages)
    assert not found, report(found)


def test_the_reader_finds_english_ui_text_and_spares_what_stays_english():
    html = (
        '<html lang="es"><body><h1>Tus resultados</h1><button aria-label="Close the menu">x</button>'
        '<p>Take the quiz again</p><p lang="en">Medical Records Specialists of the BLS</p>'
        "<p>Diagnóstico: S52.522A Torus fracture of lower end of left radius</p>"
        "<p>Silbidos al respirar (wheezing of the chest)</p><p>Cuesta $299 (IS, TS, TR)</p></body></html>"
    )
    assert english_in(html) == ["Close the menu", "Take the quiz again"]
    english_page = Client().get("/quiz/", **HTTPS).content.decode().replace('<html lang="en"', '<html lang="es"')
    assert len(english_in(english_page)) > 5
