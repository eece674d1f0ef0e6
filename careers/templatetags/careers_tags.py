from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.translation import gettext, gettext_lazy, ngettext

from careers.models import Level, Status
from core.i18n import language_code

register = template.Library()

_STATUS_LABELS = dict(Status.choices)
_LEVEL_LABELS = dict(Level.choices)


# Text kept in English (job titles, sources' titles and dates) is marked lang="en" for screen
# readers on a page in another language; on an English page <html lang="en"> already says it.
@register.simple_tag
def lang_en():
    """' lang="en"' inside a tag on a page in another language; nothing on an English page."""
    return "" if language_code() == "en" else format_html(' lang="{}"', "en")


@register.filter
def english(text):
    """``text`` in a <span lang="en"> on a page in another language; as it is on an English page."""
    return conditional_escape(text) if language_code() == "en" else format_html('<span lang="en">{}</span>', text)


@register.filter
def usd(value):
    """42000 -> "$42,000"; None stays empty."""
    if value in (None, ""):
        return ""
    return f"${int(value):,}"


@register.filter
def status_label(status):
    return _STATUS_LABELS.get(status, status or "")


@register.filter
def level_label(level):
    return _LEVEL_LABELS.get(level, level or "")


@register.filter
def months(value):
    """Months as words: 6 -> "6 months", 24 -> "2 years", 18 -> "1.5 years"."""
    if value in (None, ""):
        return ""
    value = int(value)
    if value < 12:
        return ngettext("%(months)s month", "%(months)s months", value) % {"months": value}
    years = value / 12
    text = f"{years:g}" if years == int(years) else f"{years:.1f}"
    # A fraction of years ("1.5") takes the plural, as in English.
    return ngettext("%(years)s year", "%(years)s years", 1 if years == 1 else 2) % {"years": text}


#: Certification facts by kind (CertificationFact.kind); an unknown kind shows as its own words.
_FACT_LABELS = {
    "eligibility": gettext_lazy("Eligibility"),
    "exam": gettext_lazy("Exam"),
    "fee": gettext_lazy("Fee"),
    "renewal": gettext_lazy("Renewal"),
    "history": gettext_lazy("History"),
    "pass_rate": gettext_lazy("Pass rate"),
    "recognition": gettext_lazy("Recognition"),
    "salary_signal": gettext_lazy("Salary signal"),
}


@register.filter
def fact_label(fact):
    """A certification fact's heading in the active language (fact.label for unknown kinds)."""
    return _FACT_LABELS.get(getattr(fact, "kind", ""), getattr(fact, "label", ""))


_ONET_MATCH = {"exact": gettext_lazy("exact match"), "partial": gettext_lazy("partial match"), "none": gettext_lazy("no match")}


@register.filter
def onet_match_words(match):
    """How closely a role matches its O*NET occupation: "exact" -> "exact match"."""
    if match in _ONET_MATCH:
        return _ONET_MATCH[match]
    return gettext("%(kind)s match") % {"kind": match}


@register.filter
def feeder_list(roles):
    """Roles as "medical coders, medical billers or ..." (each role's plural, else its name)."""
    names = [str(getattr(r, "plural", "") or r.name) for r in roles]
    if len(names) < 2:
        return "".join(names)
    return gettext("%(names)s or %(last)s") % {"names": ", ".join(names[:-1]), "last": names[-1]}


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def time_to_job(role):
    """The one wording of how long it takes to reach a role (careers.durations.first_job)."""
    from careers.durations import first_job

    return first_job(role).text


@register.filter
def signed_pct(value):
    """7 -> "+7%", -0.4 -> "-0.4%"; None stays empty."""
    if value in (None, ""):
        return ""
    return f"{value:+g}%"


@register.filter
def thousands(value):
    if value in (None, ""):
        return ""
    return f"{int(value):,}"


@register.filter
def time_text(first_job):
    """The text of a careers.durations.FirstJob (empty for None)."""
    return getattr(first_job, "text", "")
