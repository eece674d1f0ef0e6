"""Geometry for the roadmap timeline: months from starting a route to a first job.

Pure functions, no Django. Each route is one row: a label line, then a bar that is solid up to
the shortest usual time and outlined (lighter) up to the longest. A route with no sourced
duration gets a row with its label and no bar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.translator import English, Translator


@dataclass(frozen=True)
class Span:
    label: str
    months_min: int | None
    months_max: int | None
    status: str = ""


@dataclass(frozen=True)
class TimelineRow:
    label: str
    text: str
    status: str
    known: bool
    label_y: float
    bar_y: float
    sure_width: float
    range_x: float
    range_width: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    anchor: str  # SVG text-anchor, so the end labels stay inside the chart


def months_words(months_min: int | None, months_max: int | None) -> str:
    """A route's length in words: the same wording as every other page (careers.durations)."""
    from careers.durations import span_words

    return span_words(months_min, months_max)


def _scale_max(spans: Sequence[Span]) -> int:
    longest = max((s.months_max or s.months_min or 0 for s in spans), default=0)
    return max(12, -(-longest // 12) * 12)


def _tick_label(months: int, tr: Translator = English) -> str:
    if months == 0:
        return tr.gettext("Start")
    if months % 12 == 0:
        years = months // 12
        return tr.ngettext("%(years)s yr", "%(years)s yr", years) % {"years": years}
    return tr.ngettext("%(months)s mo", "%(months)s mo", months) % {"months": months}


def timeline(
    spans: Sequence[Span],
    *,
    width: int = 640,
    bar_height: int = 12,
    label_height: int = 17,
    gap: int = 9,
    axis_height: int = 24,
    tr: Translator = English,
) -> dict:
    """Rows and axis ticks for the spans, scaled so the longest route fills the width.

    Returns {"rows", "ticks", "width", "bar_height", "height", "axis_y", "scale_max"}; x positions are in the
    SVG's user units with 0 = the day you start. ``tr`` words the axis (pass
    django.utils.translation for the active language).
    """
    inner = width - 2  # keep the last tick's line inside the frame
    top = _scale_max(spans)
    step = 6 if top <= 24 else 12

    def x(months: int) -> float:
        return round(inner * months / top, 1)

    rows = []
    row_height = label_height + bar_height + gap
    for i, span in enumerate(spans):
        y = i * row_height
        known = span.months_min is not None or span.months_max is not None
        low = span.months_min if span.months_min is not None else span.months_max
        high = span.months_max if span.months_max is not None else span.months_min
        rows.append(
            TimelineRow(
                label=span.label,
                text=months_words(span.months_min, span.months_max),
                status=span.status,
                known=known,
                label_y=y + label_height - 5,
                bar_y=y + label_height,
                sure_width=x(low) if known else 0.0,
                range_x=x(low) if known else 0.0,
                range_width=round(x(high) - x(low), 1) if known else 0.0,
            )
        )
    axis_y = len(spans) * row_height
    ticks = [
        Tick(x=x(m), label=_tick_label(m, tr), anchor="start" if m == 0 else "end" if m == top else "middle")
        for m in range(0, top + 1, step)
    ]
    return {
        "rows": rows,
        "ticks": ticks,
        "width": width,
        "bar_height": bar_height,
        "height": axis_y + axis_height,
        "axis_y": axis_y,
        "scale_max": top,
    }
