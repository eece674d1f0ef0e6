"""The Spanish of the content files: every prose field has it, lists line up, figures survive.

The content-file convention: a key `X_es` right after `X` holds the Spanish of `X` (a string for
a string, a list of the same length for a list, a mapping with the same keys for a mapping).
`check_spanish(root)` reads the raw YAML of every content file and returns one line per problem,
naming the file, the record and the field:

- a prose field (listed in REQUIRED, by its path in the file) has no Spanish;
- a Spanish list has a different length from the English, or a Spanish mapping misses a key;
- a Spanish text drops or changes a figure of the English (`missing_figures`): every number,
  dollar amount and percentage in the English must appear, written the same way, in the Spanish;
- an `X_es` has no `X` beside it.

Codes, slugs, levels, amounts, source ids, credential names, O*NET titles and aliases are not
prose and need no Spanish; a `year` may have a `year_es` (checked for figures when present).
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

from careers.content import read_yaml

SUFFIX = "_es"

# Paths of the prose fields, per file: "#" is an entry of a list, "*" any one mapping key.
_FACT = ("text", "note")
REQUIRED: dict[str, tuple[str, ...]] = {
    "roles/*.yaml": (
        "name", "full_name", "plural", "summary", "typical_day", "tasks", "settings", "crosswalk_note",
        "pros", "cons", "checklist", "certifications.notes",
        *(f"{fact}.{key}" for fact in ("remote", "entry_education", "experience", "outlook", "tech_change") for key in _FACT),
        "patient_contact.text", "onet.note", "interests.note", "outlook.parent_note",
        "salary.basis", "salary.bands#.note", "salary.history#.text", "salary.history#.note",
        "skills#.text", "tools#.name", "tools#.use", "facets.*.reason",
    ),
    "tracks.yaml": ("#.name", "#.summary"),
    "bodies.yaml": ("#.summary", "#.facts.*.text", "#.facts.*.note"),
    "certifications.yaml": ("#.summary", "#.facts.*.text", "#.facts.*.note"),
    "education.yaml": (
        "#.name", "#.summary", "#.eligible_for", "#.not_eligible_for",
        "#.duration.text", "#.duration.note", "#.cost.text", "#.cost.note",
    ),
    "ladder.yaml": ("#.note",),
    "directories.yaml": ("#.name", "#.summary"),
    "glossary.yaml": ("#.definition",),
    "items.yaml": (
        "scale.labels", "dimensions#.name", "dimensions#.nickname", "dimensions#.summary",
        "facets#.name", "facets#.summary", "items#.text",
    ),
    "interview_questions.yaml": ("tracks.*", "roles.*"),
}  # fmt: skip

# A figure: digits with their thousands or decimal separators, with a leading $ or a trailing %.
_FIGURE = re.compile(r"\$?\s?\d+(?:[.,]\d+)*(?:\s?%)?")


def figures(text: str) -> list[str]:
    """Every figure in text, in order, written without spaces: "$42,000", "55%", "2024", "29"."""
    return [re.sub(r"\s", "", f) for f in _FIGURE.findall(text or "")]


def missing_figures(english: str, spanish: str) -> list[str]:
    """The figures of the English that the Spanish does not contain (each figure once, in the
    English order). "$42,000" must stay "$42,000": "$42.000" or "42,000 dólares" do not count."""
    found = set(figures(spanish))
    return list(dict.fromkeys(f for f in figures(english) if f not in found))


def _filled(value) -> bool:
    return value not in (None, "", [], {})


def _label(index: int, entry) -> str:
    """How a list entry is named in a message: its slug or code, a ladder step's ends, else its index."""
    if isinstance(entry, dict):
        for key in ("slug", "code", "level"):
            if isinstance(entry.get(key), str):
                return entry[key]
        if "from" in entry and "to" in entry:
            return f"{index} ({entry['from']} -> {entry['to']})"
    return str(index)


class _Walker:
    def __init__(self, where: str, required: tuple[str, ...]):
        self.where = where
        self.required = required
        self.problems: list[str] = []

    def problem(self, shown: str, message: str):
        self.problems.append(f"{self.where}: {shown}: {message}")

    def walk(self, value, shown: str, norm: str):
        if isinstance(value, list):
            for i, entry in enumerate(value):
                self.walk(entry, _join(shown, _label(i, entry)), norm + "#")
        elif isinstance(value, dict):
            self.walk_mapping(value, shown, norm)

    def walk_mapping(self, mapping: dict, shown: str, norm: str):
        for key, english in mapping.items():
            key = str(key)
            here = _join(shown, key)
            if key.endswith(SUFFIX):
                if key[: -len(SUFFIX)] not in mapping:
                    self.problem(here, f"Spanish without its English {key[: -len(SUFFIX)]!r} beside it")
                continue
            path = _join(norm, key)
            spanish_key = f"{key}{SUFFIX}"
            spanish = mapping.get(spanish_key)
            if _filled(english) and _is_prose(english) and any(fnmatchcase(path, p) for p in self.required):
                if not _filled(spanish):
                    self.problem(_join(shown, spanish_key), f"missing: the English {key!r} has no Spanish")
            if spanish_key in mapping:
                self.compare(_join(shown, spanish_key), english, spanish)
            self.walk(english, here, path)

    def compare(self, shown: str, english, spanish):
        if isinstance(english, str):
            if not isinstance(spanish, str):
                self.problem(shown, "must be a text, as the English is")
            elif spanish and (lost := missing_figures(english, spanish)):
                self.problem(shown, f"drops or changes figures of the English: {', '.join(lost)}")
        elif isinstance(english, list):
            if not isinstance(spanish, list) or len(spanish) != len(english):
                n = len(spanish) if isinstance(spanish, list) else "no"
                self.problem(shown, f"has {n} entries but the English has {len(english)}")
                return
            for i, (en, es) in enumerate(zip(english, spanish, strict=True)):
                if not _filled(es):
                    self.problem(f"{shown}.{i}", "empty")
                else:
                    self.compare(f"{shown}.{i}", en, es)
        elif isinstance(english, dict):
            if not isinstance(spanish, dict):
                self.problem(shown, "must be a mapping with the English keys")
                return
            for key, en in english.items():
                if not _filled(spanish.get(key)):
                    self.problem(f"{shown}.{key}", "missing")
                else:
                    self.compare(f"{shown}.{key}", en, spanish[key])
            for key in set(spanish) - set(english):
                self.problem(f"{shown}.{key}", "not in the English")


def _join(a: str, b: str) -> str:
    return f"{a}.{b}" if a else b


def _is_prose(value) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    if isinstance(value, dict):
        return all(isinstance(v, str) for v in value.values())
    return False


def check_data(where: str, data, required: tuple[str, ...]) -> list[str]:
    """The Spanish problems of one file's parsed YAML (where: its name in messages)."""
    walker = _Walker(where, required)
    walker.walk(data, "", "")
    return walker.problems


def check_spanish(root: Path) -> list[str]:
    """The Spanish problems of every content file under root, one line each."""
    problems = []
    for pattern, required in REQUIRED.items():
        for path in sorted(root.glob(pattern)):
            problems += check_data(str(path.relative_to(root)), read_yaml(path), required)
    return problems
