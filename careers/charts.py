"""Geometry for the server-rendered SVG charts: small pure functions, no Django."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str
    x: float
    y: float
    width: float
    height: float
    status: str


def nice_ceiling(value: float) -> int:
    """Round up to a tidy axis maximum (multiples of 10,000 or 25,000)."""
    step = 25_000 if value > 100_000 else 10_000
    return int(-(-value // step) * step) or step


def salary_bars(bands, *, width=560, bar_height=28, gap=14, label_width=110, scale_max=None):
    """Horizontal bars for salary bands, longest at scale_max (defaults to a tidy ceiling)."""
    bands = list(bands)
    top = scale_max or nice_ceiling(max((b.amount for b in bands), default=1))
    usable = width - label_width - 90
    bars = []
    for i, band in enumerate(bands):
        w = max(2.0, usable * band.amount / top)
        bars.append(
            Bar(
                label=band.get_level_display(),
                value=band.amount,
                text=f"${band.amount:,}",
                x=label_width,
                y=i * (bar_height + gap),
                width=round(w, 1),
                height=bar_height,
                status=band.status,
            )
        )
    return {"bars": bars, "width": width, "height": len(bars) * (bar_height + gap), "max": top}
