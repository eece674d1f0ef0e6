"""The words the whole site shares for the fit questionnaire: the six RIASEC dimensions and the
work facets, defined once.

Pure Python (standard library only): ``assessments.scoring`` imports it, and so do the model
choices of both apps (``careers.models.Facet``) and the item loader. Adding a facet here means
adding its level and reason to every role's ``facets:`` block and its statements to
``fixtures/content/items.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping


def gettext_noop(message: str) -> str:
    """Marks a word for translation (makemessages extracts it) and returns it unchanged: this
    module stays pure. Django code shows these words with ``gettext(word)``."""
    return message


def _english_ngettext(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


#: The RIASEC (Holland) dimensions, in their usual order.
DIMENSIONS: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")

DIMENSION_NAMES: Mapping[str, str] = {
    "R": gettext_noop("Realistic"),
    "I": gettext_noop("Investigative"),
    "A": gettext_noop("Artistic"),
    "S": gettext_noop("Social"),
    "E": gettext_noop("Enterprising"),
    "C": gettext_noop("Conventional"),
}

#: Plain words for each dimension's kind of work, used in reasons.
DIMENSION_WORK: Mapping[str, str] = {
    "R": gettext_noop("hands-on, practical work"),
    "I": gettext_noop("research and problem-solving work"),
    "A": gettext_noop("creative, artistic work"),
    "S": gettext_noop("helping and teaching work"),
    "E": gettext_noop("leading and persuading work"),
    "C": gettext_noop("organized, rule-based work"),
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
    "patient_contact": gettext_noop("Working with patients"),
    "clinician_contact": gettext_noop("Working with doctors and nurses"),
    "clinical_detail": gettext_noop("Clinical detail"),
    "payer_finance": gettext_noop("Claims and money"),
    "privacy_legal": gettext_noop("Privacy and law"),
    "data_analysis": gettext_noop("Data analysis"),
    "technology_systems": gettext_noop("Technology and systems"),
    "research_registry": gettext_noop("Registries and research"),
    "auditing": gettext_noop("Auditing"),
    "leading_people": gettext_noop("Leading people"),
    "remote_work": gettext_noop("Working from home"),
}

#: What doing each facet means, for sentences ("You like ..., and ...").
FACET_ACTIVITY: Mapping[str, str] = {
    "patient_contact": gettext_noop("working with patients face to face"),
    "clinician_contact": gettext_noop("talking with doctors and nurses about their notes"),
    "clinical_detail": gettext_noop("reading clinical notes about diagnoses and procedures"),
    "payer_finance": gettext_noop("working with insurance claims and payments"),
    "privacy_legal": gettext_noop("applying privacy rules and health information laws"),
    "data_analysis": gettext_noop("working with numbers, queries and reports"),
    "technology_systems": gettext_noop("setting up and testing software"),
    "research_registry": gettext_noop("collecting case details for registries and studies"),
    "auditing": gettext_noop("checking work against the rules"),
    "leading_people": gettext_noop("leading, teaching and planning for a team"),
    "remote_work": gettext_noop("working from home"),
}

#: The questionnaire's training question: how long the person could train before a first job.
#: It is a limit, not a facet of the work, so roles hold no level on it: a role's figure is the
#: shortest of its education routes (``careers.models.Role.months_to_first_job``).
TRAINING = "training_time"
TRAINING_LABEL = gettext_noop("Training time")

#: Every key a questionnaire statement can belong to besides a RIASEC letter.
QUESTION_FACETS: tuple[str, ...] = (*WORK_FACETS, TRAINING)

#: The five answers to the training question: (answer, label, longest route it covers in months;
#: None = no upper end).
TRAINING_STEPS: tuple[tuple[int, str, int | None], ...] = (
    (1, gettext_noop("A few weeks"), 1),
    (2, gettext_noop("Up to 6 months"), 6),
    (3, gettext_noop("About a year"), 12),
    (4, gettext_noop("About 2 years"), 24),
    (5, gettext_noop("4 years or more"), None),
)

#: Words for the span of months each training answer covers (reasons name a role's own months
#: with ``months_words``).
TRAINING_WORDS: Mapping[int, str] = {
    1: gettext_noop("a month or less"),
    2: gettext_noop("up to six months"),
    3: gettext_noop("up to a year"),
    4: gettext_noop("up to two years"),
    5: gettext_noop("more than two years"),
}


def months_words(months: int, *, gettext=gettext_noop, ngettext=_english_ngettext) -> str:
    """3 -> "3 months", 12 -> "1 year", 18 -> "1.5 years", 48 -> "4 years", 0 -> "no study".

    The one wording of a length of time; careers.durations uses it for every page too. English
    by default (the stored reasons); pass Django's ``gettext`` and ``ngettext`` for the active
    language (``months_words(m, gettext=gettext, ngettext=ngettext)``: "18 meses", "2 años").
    """
    if months == 0:
        return gettext("no study")
    if months % 12 == 0:
        years = months // 12
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if months > 12 and months % 6 == 0:
        return gettext("%(count)s years") % {"count": f"{months / 12:g}"}
    return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}


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
