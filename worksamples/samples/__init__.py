"""The four work samples: content, answer keys and grading, in plain Python.

Grading is pure: the coding sample is given the code set entries it needs by the caller.

Each text a reader sees is written in English and Spanish side by side, ``bi(english, spanish)``:
a lazy string that reads as the active language's text when it is shown. Values and answer keys
are plain strings in one language, so answers are judged the same way in both.
"""

from dataclasses import dataclass, field

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy

from core.i18n import language_code


def spanish() -> bool:
    """Whether the active language is Spanish (es, es-mx, ...)."""
    return language_code() == "es"


def _pick(english: str, spanish_text: str) -> str:
    return spanish_text if spanish() else english


#: ``bi("Left", "Izquierdo")``: the English or Spanish text, chosen when it is shown.
bi = lazy(_pick, str)


NO_ANSWER = gettext_lazy("No answer")


@dataclass(frozen=True)
class Feedback:
    """What one question got, and why."""

    title: str
    correct: bool
    given: str
    expected: str
    why: str
    notes: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (label, url) of the rules cited
    points: int = 0
    out_of: int = 1


@dataclass(frozen=True)
class Grade:
    items: tuple[Feedback, ...] = field(default_factory=tuple)

    @property
    def score(self) -> int:
        return sum(f.points for f in self.items)

    @property
    def out_of(self) -> int:
        return sum(f.out_of for f in self.items)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Question:
    """A multiple-choice question: the key is one of the choice values."""

    slug: str
    title: str
    text: str
    key: str
    why: str
    sources: tuple[tuple[str, str], ...] = ()  # (label, url)


def grade_choices(questions, choices, answers: dict) -> Grade:
    """One point per question answered with its key."""
    labels = {c.value: c.label for c in choices}
    items = []
    for q in questions:
        given = answers.get(q.slug, "")
        items.append(
            Feedback(
                title=q.title,
                correct=given == q.key,
                given=labels.get(given, NO_ANSWER),
                expected=labels[q.key],
                why=q.why,
                links=q.sources,
                points=int(given == q.key),
            )
        )
    return Grade(tuple(items))
