"""The four work samples: content, answer keys and grading, in plain Python.

Grading is pure: the coding sample is given the code set entries it needs by the caller.
"""

from dataclasses import dataclass, field


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
                given=labels.get(given, "No answer"),
                expected=labels[q.key],
                why=q.why,
                links=q.sources,
                points=int(given == q.key),
            )
        )
    return Grade(tuple(items))
