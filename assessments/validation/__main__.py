"""``python -m assessments.validation [--n 20000] [--svg docs/validation-first-place.svg] [--lang es]``

Prints the figures of docs/validation.md and writes the first-place chart. Exit status 1 when a
pinned property fails (see tests/assessments/test_validation.py). ``--lang es`` runs the Spanish
bank (items.yaml's ``text_es``): it must have the English codes, keys and order and a Spanish
text for every statement, then the same simulation runs on it (no chart is drawn unless --svg
is given).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "himcareers.settings_test")
django.setup()  # the roles' training months use the site's own duration rule (careers.durations)

from assessments.validation import checks, population, report, simulate  # noqa: E402
from assessments.validation.content import LANGUAGES, bank_problems, load_bank, load_roles  # noqa: E402
from assessments.validation.personas import PERSONAS  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=20000, help="answer sets per population")
    parser.add_argument("--svg", type=Path, default=None, help="the chart (default: docs/validation-first-place.svg in English)")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="the item bank's language")
    args = parser.parse_args(argv)
    if args.svg is None and args.lang == "en":
        args.svg = Path("docs/validation-first-place.svg")
    started = time.monotonic()
    bank, roles = load_bank(lang=args.lang), load_roles()
    bank_issues = bank_problems(bank, load_bank()) if args.lang != "en" else []
    if bank_issues:
        print("\n".join(bank_issues))
    reports = [
        simulate.run("uniform", bank, roles, population.uniform(bank, args.n, seed=1)),
        simulate.run("realistic", bank, roles, population.realistic(bank, args.n, seed=2)),
    ]
    slugs = [r.slug for r in roles]
    personas = report.persona_rows(bank, roles, PERSONAS)
    print(report.text(reports, slugs, personas))
    if args.svg:
        args.svg.write_text(report.svg(reports, slugs), encoding="utf-8")
    problems = bank_issues + checks.problems(reports, slugs, personas)
    print(f"\n{len(bank.items)} statements ({bank.lang}), {len(roles)} roles, {time.monotonic() - started:.0f} s; chart: {args.svg or 'none'}")
    print("\n".join(problems) if problems else "All pinned properties hold.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
