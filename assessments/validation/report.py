"""The harness's outputs: a text table, docs/validation.md's figures and an SVG chart."""

from __future__ import annotations

from html import escape

from assessments import scoring
from assessments.validation.simulate import BAND_ORDER, PopulationReport


def persona_rows(bank, roles, personas) -> list[dict]:
    rows = []
    for p in personas:
        matches = scoring.rank(scoring.build_profile(bank.items, p.answers(bank)), roles, explain=False)
        top = [m.slug for m in matches[:3]]
        rows.append({"name": p.name, "expected": p.expected, "top": top, "fits": [m.fit for m in matches[:3]],
                     "ok": top[0] == p.expected and set(top) <= p.acceptable})
    return rows


def text(reports: list[PopulationReport], slugs: list[str], personas: list[dict]) -> str:
    lines = [f"{'role':36s}" + "".join(f" {r.name[:9]:>9s} 1st  top3" for r in reports)]
    for slug in sorted(slugs, key=lambda s: -reports[-1].first[s]):
        lines.append(f"{slug:36s}" + "".join(f" {100 * r.share(slug):13.1f}% {100 * r.top3_share(slug):4.0f}%" for r in reports))
    for r in reports:
        lines.append(
            f"{r.name}: n={r.n} effective roles={r.effective_roles:.1f} retest unchanged={100 * r.retest_unchanged:.1f}% "
            f"in new top 3={100 * r.retest_in_top3:.1f}% close calls={100 * r.close_calls / r.n:.1f}% "
            f"top fit median={r.fit_percentile(0.5)} p95={r.fit_percentile(0.95)}"
        )
        lines.append("  bands of the top match: " + ", ".join(f"{b} {100 * r.band_share(b):.1f}%" for b in BAND_ORDER))
    for row in personas:
        lines.append(f"{'ok ' if row['ok'] else 'BAD'} {row['name']:6s} expects {row['expected']:34s} got " + ", ".join(f"{s} ({f})" for s, f in zip(row["top"], row["fits"], strict=True)))
    return "\n".join(lines)


def svg(reports: list[PopulationReport], slugs: list[str]) -> str:
    """Grouped horizontal bars: each role's first-place share in each population."""
    order = sorted(slugs, key=lambda s: -reports[-1].first[s])
    row, bar, label, scale = 26, 10, 250, 12.0  # px per percent
    width, height = label + int(25 * scale) + 60, 40 + row * len(order) + 30
    colours = ("#3b6ea5", "#c2571a")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="t">',
           '<title id="t">First-place share of each role in two simulated populations</title>',
           f'<rect width="{width}" height="{height}" fill="#fff"/>']
    for k, r in enumerate(reports):
        out.append(f'<rect x="{label + 150 * k}" y="8" width="12" height="12" fill="{colours[k]}"/><text x="{label + 150 * k + 18}" y="19" font-size="13" font-family="sans-serif">{escape(r.name)}</text>')
    for v in (0, 5, 10, 15, 20, 25):
        x = label + v * scale
        out.append(f'<line x1="{x}" x2="{x}" y1="32" y2="{height - 24}" stroke="#ddd"/><text x="{x}" y="{height - 8}" font-size="11" text-anchor="middle" font-family="sans-serif">{v}%</text>')
    for i, slug in enumerate(order):
        y = 36 + i * row
        out.append(f'<text x="{label - 6}" y="{y + 15}" font-size="12" text-anchor="end" font-family="sans-serif">{escape(slug)}</text>')
        for k, r in enumerate(reports):
            share = 100 * r.share(slug)
            out.append(f'<rect x="{label}" y="{y + 2 + k * (bar + 1)}" width="{share * scale:.1f}" height="{bar}" fill="{colours[k]}"><title>{escape(r.name)}: {share:.1f}%</title></rect>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
