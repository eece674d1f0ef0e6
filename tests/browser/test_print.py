"""Printing: headless Chromium prints roadmaps and a results packet to PDF, in Letter and A4, and
poppler reads back the page count and the text."""

import subprocess

import pytest

from tests.browser.conftest import PDF_LOG

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("content")]

FORMATS = ("Letter", "A4")
# What a counselor must find on each printed roadmap: the title, the four steps, a key credential.
ROADMAPS = {
    "medical-coder": ["Roadmap: Medical coder", "CPC"],
    "cancer-registrar": ["Roadmap: Cancer registrar", "CTR"],
    "him-director": ["Roadmap: HIM director", "RHIA"],
}
STEPS = ["Step 1.", "Step 2.", "Step 3.", "Step 4."]
SCREEN_ONLY = ["Skip to main content", "For counselors", "Where are you starting from?", "Print this roadmap"]


def print_to_pdf(page, path, fmt: str, tmp_path):
    """Print what is on the page with print styles, as a browser's Save as PDF would."""
    page.emulate_media(media="print")
    pdf = tmp_path / f"{path.strip('/').replace('/', '-')}-{fmt}.pdf"
    page.pdf(path=str(pdf), format=fmt)
    return pdf


def pdf_pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("slug", ROADMAPS)
def test_a_roadmap_prints_on_at_most_two_pages_in_letter_and_a4(page, pytestconfig, tmp_path, slug):
    path = f"/roles/{slug}/roadmap/"
    page.goto(path)
    counts, texts = {}, {}
    for fmt in FORMATS:
        pdf = print_to_pdf(page, path, fmt, tmp_path)
        counts[fmt], texts[fmt] = pdf_pages(pdf), pdf_text(pdf)
    pytestconfig.stash.setdefault(PDF_LOG, []).append(
        f"roadmap {slug}: " + ", ".join(f"{fmt} {n} page{'s' if n > 1 else ''}" for fmt, n in counts.items())
    )

    assert all(n <= 2 for n in counts.values()), f"{slug} roadmap pages: {counts}"
    for fmt, text in texts.items():
        missing = [key for key in ROADMAPS[slug] + STEPS + ["Printed from"] if key not in text]
        assert not missing, f"{fmt} PDF lacks {missing}"
        leaked = [bit for bit in SCREEN_ONLY if bit in text]
        assert not leaked, f"{fmt} PDF prints screen-only parts: {leaked}"
        assert f"Page 1 of {counts[fmt]}" in text, "the page footer numbers the pages"


@pytest.mark.parametrize("slug", ROADMAPS)
def test_a_spanish_roadmap_keeps_to_two_pages_and_numbers_them_in_spanish(page, pytestconfig, tmp_path, slug):
    """Spanish runs about 20% longer than English: the same page limit holds."""
    path = f"/es/roles/{slug}/roadmap/"
    page.goto(path)
    counts = {}
    for fmt in FORMATS:
        pdf = print_to_pdf(page, path, fmt, tmp_path)
        counts[fmt] = pdf_pages(pdf)
        text = pdf_text(pdf)
        assert f"Página 1 de {counts[fmt]}" in text and "Page 1 of" not in text, fmt
        assert "Impreso desde" in text and "Printed from" not in text, fmt
    pytestconfig.stash.setdefault(PDF_LOG, []).append(f"roadmap {slug} (es): " + ", ".join(f"{fmt} {n} page{'s' if n > 1 else ''}" for fmt, n in counts.items()))
    assert all(n <= 2 for n in counts.values()), f"{slug} Spanish roadmap pages: {counts}"


def page_texts(pdf, pages: int) -> list[str]:
    return [
        subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for n in range(1, pages + 1)
    ]


def stranded_headings(texts: list[str]) -> list[str]:
    """Headings printed as the last line of a page body (before the footer), their text cut off."""
    stranded = []
    for n, text in enumerate(texts, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Printed from", "Page ", "HIM Careers: guidance"))]
        if body and (body[-1].startswith(("Step ", "Roadmap: ")) or body[-1].endswith(("·", ":"))):
            stranded.append(f"page {n}: {body[-1]!r}")
    return stranded


@pytest.mark.parametrize("slug", ROADMAPS)
def test_no_roadmap_heading_is_left_alone_at_the_foot_of_a_page(page, tmp_path, slug):
    path = f"/roles/{slug}/roadmap/"
    page.goto(path)
    for fmt in FORMATS:
        pdf = print_to_pdf(page, path, fmt, tmp_path)
        assert not stranded_headings(page_texts(pdf, pdf_pages(pdf))), fmt


# The packets print in English and in Spanish (about 20% longer): the same page limits hold.
LANGUAGES = {"en": "", "es": "/es"}


def _words(lang: str, *msgids: str) -> list[str]:
    """The site's own words in ``lang`` (the translations of the English msgids)."""
    from django.utils import translation

    with translation.override(lang):
        return [translation.gettext(m) for m in msgids]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_results_packet_is_one_page_of_results_then_next_steps_for_the_top_three(page, pytestconfig, tmp_path, result_token, lang):
    from django.utils import translation

    from assessments.models import Result
    from careers.models import Role

    top = [m["role"] for m in Result.objects.get(token=result_token).matches[:5]]
    with translation.override(lang):  # role names as the packet prints them in this language
        names = {slug: role.name for slug, role in Role.objects.in_bulk(top, field_name="slug").items()}
    title, holland, sources_heading = _words(lang, "Career fit results", "Holland code", "Where these figures come from")
    roadmap = _words(lang, "Roadmap: %(name)s")[0].replace("%(name)s", "")
    screen_only = _words(lang, *SCREEN_ONLY)
    path = f"{LANGUAGES[lang]}/quiz/results/{result_token}/print/"
    page.goto(path)
    printed = {}
    for fmt in FORMATS:
        pdf = print_to_pdf(page, path, fmt, tmp_path)
        pages = pdf_pages(pdf)
        printed[fmt] = (pages, pdf_text(pdf), page_texts(pdf, pages))
    pytestconfig.stash.setdefault(PDF_LOG, []).append(
        f"results packet ({lang}; results page, next steps for the top 3): " + ", ".join(f"{fmt} {p[0]} pages" for fmt, p in printed.items())
    )

    for fmt, (pages, text, texts) in printed.items():
        assert pages <= 5, f"{lang} {fmt} packet runs to {pages} pages"
        first = texts[0]
        assert title in first and holland.lower() in first.lower()
        missing = [names[slug] for slug in top if names[slug] not in first]
        assert not missing, f"{lang} {fmt}: page 1 lacks top matches {missing}; page 1 reads:\n{first}\n---- page 2 reads:\n{texts[1][:2500]}"
        assert roadmap not in first, f"{lang} {fmt}: the next steps start on page 1"
        assert texts[1].lstrip().startswith(f"{roadmap}{names[top[0]]}"), f"{lang} {fmt}: page 2 starts {texts[1][:60]!r}"
        assert [f"{roadmap}{names[slug]}" in text for slug in top[:3]] == [True] * 3
        assert "careeronestop.org/Toolkit/Jobs/find-jobs.aspx?keyword=" in text.replace("\n", "")
        assert not [bit for bit in screen_only if bit in text]
        assert not stranded_headings(texts), f"{lang} {fmt}"
        # Source addresses are printed whole (poppler may break a long one across lines).
        sources = text.split(sources_heading, 1)[1]
        assert "https://www.bls.gov/" in sources.replace("\n", "")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_print_all_opens_with_a_class_summary_and_keeps_each_student_to_three_pages(page, pytestconfig, tmp_path, signed_in_counselor, lang):
    summary, title, sources_heading = _words(lang, "%(name)s: class summary", "Career fit results", "Where these figures come from")
    summary = summary.replace("%(name)s", signed_in_counselor.name)
    path = f"{LANGUAGES[lang]}/counselors/cohorts/{signed_in_counselor.pk}/print/"
    page.goto(path)
    students = signed_in_counselor.results.count()
    for fmt in FORMATS:
        pdf = print_to_pdf(page, path, fmt, tmp_path)
        pages = pdf_pages(pdf)
        texts = page_texts(pdf, pages)
        pytestconfig.stash.setdefault(PDF_LOG, []).append(f"print all ({lang}), {students} students: {fmt} {pages} pages")
        assert summary in texts[0] and "Ana" in texts[0] and "Ben" in texts[0]
        assert title not in texts[0]
        starts = [n for n, t in enumerate(texts) if title in t]
        assert len(starts) == students
        # Each student's packet (up to the next one, or the sources) takes at most three pages.
        ends = starts[1:] + [next((n for n, t in enumerate(texts) if sources_heading in t), pages)]
        assert all(end - begin <= 3 for begin, end in zip(starts, ends, strict=True)), f"{lang} {fmt}: packets start on {starts} of {pages}"
        assert pages <= 1 + 3 * students + 1
