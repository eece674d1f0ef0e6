"""The properties the harness pins (docs/validation.md); the test and `make validate` use them."""

from __future__ import annotations

MAX_FIRST_SHARE = 0.25  # no role first for more than 25% of either population
MIN_FIRST_SHARE = 0.005  # every role first for at least 0.5% of the realistic population
MIN_RETEST_TOP3 = 0.95  # after 10% of answers move one step, the old first stays in the top 3
MIN_PERSONAS = 12


def problems(reports, slugs, personas) -> list[str]:
    found = []
    for r in reports:
        found += [f"{r.name}: {s} is first for {100 * r.share(s):.1f}%" for s in slugs if r.share(s) > MAX_FIRST_SHARE]
        if r.retest_in_top3 < MIN_RETEST_TOP3:
            found.append(f"{r.name}: retest keeps the first match in the top 3 only {100 * r.retest_in_top3:.1f}% of the time")
    realistic = reports[-1]
    found += [f"realistic: {s} is first for only {100 * realistic.share(s):.2f}%" for s in slugs if realistic.share(s) < MIN_FIRST_SHARE]
    found += [f"persona {p['name']}: expected {p['expected']}, got {p['top']}" for p in personas if not p["ok"]]
    if len(personas) < MIN_PERSONAS:
        found.append(f"only {len(personas)} personas")
    return found
