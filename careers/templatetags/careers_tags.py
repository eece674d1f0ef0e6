from django import template

from careers.models import Level, Status

register = template.Library()

_STATUS_LABELS = dict(Status.choices)
_LEVEL_LABELS = dict(Level.choices)


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
        return f"{value} month{'s' if value != 1 else ''}"
    years = value / 12
    text = f"{years:g}" if years == int(years) else f"{years:.1f}"
    return f"{text} year{'s' if years != 1 else ''}"


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
