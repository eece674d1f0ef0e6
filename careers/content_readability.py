"""How easily the Spanish content reads: Fernández-Huerta reading ease, measured with textstat
(0.7.3, a test dependency) in Spanish mode. 60 or more is "normal" or easier; a 16-year-old
reads it without effort. Used by tests/careers/test_spanish_readability.py and by
`manage.py content_readability`, which prints every score.
"""

from __future__ import annotations

from pathlib import Path

from careers.content import parse_content, read_yaml

FLOOR = 60.0


def spanish_texts(root: Path) -> dict[str, str]:
    """What is measured, by name: each role's Spanish summary and typical day together
    ("role:<slug>"), and every Spanish quiz statement joined ("quiz"). Empty where missing."""
    content = parse_content(root)
    texts = {f"role:{slug}": " ".join(filter(None, [role.summary_es, role.typical_day_es])) for slug, role in content.roles.items()}
    items = (read_yaml(root / "items.yaml") or {}).get("items") or []
    texts["quiz"] = " ".join(_sentence(row.get("text_es") or "") for row in items if row.get("text_es"))
    return texts


def _sentence(text: str) -> str:
    """A quiz statement as a sentence: most have no full stop, and the ease formula counts them."""
    text = text.strip()
    return text if text[-1:] in ".?!" else f"{text}."


def fernandez_huerta(text: str) -> float | None:
    """The score of a Spanish text (None for no text)."""
    if not text.strip():
        return None
    import textstat  # a test dependency: imported only when measuring

    textstat.set_lang("es")
    try:
        return float(textstat.fernandez_huerta(text))
    finally:
        textstat.set_lang("en_US")  # textstat's language is global: leave it as others expect


def readability_scores(root: Path) -> dict[str, float | None]:
    """Fernández-Huerta of every measured text (see spanish_texts), None where there is no Spanish."""
    return {name: fernandez_huerta(text) for name, text in spanish_texts(root).items()}
