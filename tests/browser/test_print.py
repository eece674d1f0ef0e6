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


def roadmap_start_pages(pdf, pages: int) -> list[int]:
    """The page each "Roadmap: ..." heading is printed on, in order."""
    starts = []
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        starts += [n] * text.count("Roadmap: ")
    return starts


def test_a_results_packet_prints_the_profile_the_matches_and_three_short_roadmaps(page, pytestconfig, tmp_path, result_token):
    from assessments.models import Result
    from careers.models import Role

    top = [m["role"] for m in Result.objects.get(token=result_token).matches[:5]]
    names = {slug: role.name for slug, role in Role.objects.in_bulk(top, field_name="slug").items()}
    path = f"/quiz/results/{result_token}/print/"
    page.goto(path)
    printed = {}
    for fmt in FORMATS:
        pdf = print_to_pdf(page, path, fmt, tmp_path)
        pages = pdf_pages(pdf)
        printed[fmt] = (pages, pdf_text(pdf), roadmap_start_pages(pdf, pages))
    pytestconfig.stash.setdefault(PDF_LOG, []).append(
        "results packet (profile, top 5, 3 roadmaps): " + ", ".join(f"{fmt} {p[0]} pages" for fmt, p in printed.items())
    )

    for fmt, (pages, text, starts) in printed.items():
        assert "Career fit results" in text and "Holland code" in text
        missing = [names[slug] for slug in top if names[slug] not in text]
        assert not missing, f"{fmt} packet lacks top matches {missing}"
        assert [f"Roadmap: {names[slug]}" in text for slug in top[:3]] == [True] * 3
        assert not [bit for bit in SCREEN_ONLY if bit in text]
        # Each roadmap in the packet keeps to two pages, as a roadmap printed alone does.
        bounds = starts + [pages + 1]
        assert len(starts) == 3 and all(b - a <= 2 for a, b in zip(bounds, bounds[1:], strict=False)), (
            f"{fmt}: roadmaps start on pages {starts} of {pages}"
        )
