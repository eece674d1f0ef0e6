"""Reasons in the active language: the Django side of assessments.scoring_reasons.

A stored reason is {kind, text, key, msg, args}: ``text`` is the English sentence made when the
result was scored, ``msg`` and ``args`` say how to write it again. ``reason_text`` translates the
message and fills it with the role's plural (from the Role, which reads in the active language)
and the dimension, facet and time words of core.vocabulary, translated. In English the stored
text is shown as it is; so is any reason without a known ``msg`` (results stored before
reasons had one, the work samples' own lines).
"""

from __future__ import annotations

from django.utils.translation import gettext

from assessments import worksample_fit
from assessments.scoring_reasons import MESSAGES as _SCORING_MESSAGES
from core.i18n import language_code, months_in_words
from core.vocabulary import DIMENSION_NAMES, DIMENSION_WORK, FACET_ACTIVITY

#: Every reason message by id: the quiz's and the work samples'.
MESSAGES = {**_SCORING_MESSAGES, **worksample_fit.MESSAGES}


local_months_words = months_in_words  # months_words in the active language ("18 meses", "1 año")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def local_words(args: dict, plural: str = "") -> dict[str, str]:
    """The placeholders of a reason message in the active language."""
    words = {"plural": plural}
    if args.get("dimension") in DIMENSION_WORK:
        d = args["dimension"]
        words["work"] = f"{gettext(DIMENSION_WORK[d])} ({gettext(DIMENSION_NAMES[d])})"
    if args.get("facet") in FACET_ACTIVITY:
        words["activity"] = gettext(FACET_ACTIVITY[args["facet"]])
    if args.get("sample") in worksample_fit.WORK:
        words["sample_work"] = gettext(worksample_fit.WORK[args["sample"]])
    if isinstance(args.get("months"), int):
        words["time"] = local_months_words(args["months"])
    return words


def band_label(band: str) -> str:
    """A stored fit band ("Strong fit") in the active language."""
    return gettext(band) if band else band


def is_english() -> bool:
    return language_code() == "en"


#: The work samples' reasons (made when a page is shown, without a msg) by their English text.
_SAMPLE_TEXTS = {
    fmt % {"sample_work": work}: (msg, {"sample": sample})
    for msg, fmt in worksample_fit.MESSAGES.items()
    for sample, work in worksample_fit.WORK.items()
}


def reason_text(reason, plural: str = "") -> str:
    """One reason (a stored dict or a scoring_reasons.Reason) as a sentence in the active
    language; ``plural``: the role's plural as the active language says it."""
    if isinstance(reason, dict):
        text, msg, args = reason.get("text", ""), reason.get("msg"), reason.get("args") or {}
        if not msg and text in _SAMPLE_TEXTS:
            msg, args = _SAMPLE_TEXTS[text]
    else:
        text, msg, args = reason.text, reason.msg, dict(reason.args)
    if is_english() or msg not in MESSAGES:
        return text
    try:
        return _cap(gettext(MESSAGES[msg]) % local_words(args, plural))
    except (KeyError, TypeError, ValueError):  # arguments that do not fit: keep the English
        return text
