"""The words the whole site shares for the fit questionnaire: the six RIASEC dimensions and the
work facets, defined once.

Pure Python (standard library only): ``assessments.scoring`` imports it, and so do the model
choices of both apps (``careers.models.Facet``) and the item loader. Adding a facet here means
adding its level and reason to every role's ``facets:`` block and its statements to
``fixtures/content/items.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping

#: The RIASEC (Holland) dimensions, in their usual order.
DIMENSIONS: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")

DIMENSION_NAMES: Mapping[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

#: Plain words for each dimension's kind of work, used in reasons.
DIMENSION_WORK: Mapping[str, str] = {
    "R": "hands-on, practical work",
    "I": "research and problem-solving work",
    "A": "creative, artistic work",
    "S": "helping and teaching work",
    "E": "leading and persuading work",
    "C": "organized, rule-based work",
}

#: The work facets every role holds a level 1-5 on, in display order.
WORK_FACETS: tuple[str, ...] = (
    "patient_contact",
    "clinician_contact",
    "clinical_detail",
    "payer_finance",
    "privacy_legal",
    "data_analysis",
    "technology_systems",
    "research_registry",
    "auditing",
    "leading_people",
    "remote_work",
)

#: Short labels (the role page's table, the model choices).
FACET_LABELS: Mapping[str, str] = {
    "patient_contact": "Working with patients",
    "clinician_contact": "Working with doctors and nurses",
    "clinical_detail": "Clinical detail",
    "payer_finance": "Claims and money",
    "privacy_legal": "Privacy and law",
    "data_analysis": "Data analysis",
    "technology_systems": "Technology and systems",
    "research_registry": "Registries and research",
    "auditing": "Auditing",
    "leading_people": "Leading people",
    "remote_work": "Working from home",
}

#: What doing each facet means, for sentences ("You like ..., and ...").
FACET_ACTIVITY: Mapping[str, str] = {
    "patient_contact": "working with patients face to face",
    "clinician_contact": "talking with doctors and nurses about their notes",
    "clinical_detail": "reading clinical notes about diagnoses and procedures",
    "payer_finance": "working with insurance claims and payments",
    "privacy_legal": "applying privacy rules and health information laws",
    "data_analysis": "working with numbers, queries and reports",
    "technology_systems": "setting up and testing software",
    "research_registry": "collecting case details for registries and studies",
    "auditing": "checking work against the rules",
    "leading_people": "leading, teaching and planning for a team",
    "remote_work": "working from home",
}

#: The questionnaire's training question: how long the person could train before a first job.
#: It is a limit, not a facet of the work, so roles hold no level on it: a role's figure is the
#: shortest of its education routes (``careers.models.Role.months_to_first_job``).
TRAINING = "training_time"
TRAINING_LABEL = "Training time"

#: Every key a questionnaire statement can belong to besides a RIASEC letter.
QUESTION_FACETS: tuple[str, ...] = (*WORK_FACETS, TRAINING)

#: The five answers to the training question: (answer, label, longest route it covers in months;
#: None = no upper end).
TRAINING_STEPS: tuple[tuple[int, str, int | None], ...] = (
    (1, "A few weeks", 1),
    (2, "Up to 6 months", 6),
    (3, "About a year", 12),
    (4, "About 2 years", 24),
    (5, "4 years or more", None),
)

#: Words for the span of months each training answer covers (reasons name a role's own months
#: with ``months_words``).
TRAINING_WORDS: Mapping[int, str] = {
    1: "a month or less",
    2: "up to six months",
    3: "up to a year",
    4: "up to two years",
    5: "more than two years",
}


def months_words(months: int) -> str:
    """3 -> "3 months", 12 -> "1 year", 18 -> "1.5 years", 48 -> "4 years", 0 -> "no study".

    The one wording of a length of time; careers.durations uses it for every page too.
    """
    if months == 0:
        return "no study"
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' if years != 1 else ''}"
    if months > 12 and months % 6 == 0:
        return f"{months / 12:g} years"
    return f"{months} month{'s' if months != 1 else ''}"


def training_step(months: int | None) -> int | None:
    """The training answer (1-5) a route of ``months`` needs; None when the months are unknown."""
    if months is None:
        return None
    if isinstance(months, bool) or not isinstance(months, int) or months < 0:
        raise ValueError(f"months must be a whole number >= 0 or None, not {months!r}")
    for step, _label, longest in TRAINING_STEPS:
        if longest is None or months <= longest:
            return step
    raise AssertionError("unreachable: the last step has no upper end")
