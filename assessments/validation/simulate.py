"""Run a population through the scorer and measure how the matches behave."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from assessments import scoring
from assessments.validation.content import Bank
from assessments.validation.population import nudge

BAND_ORDER = tuple(label for _floor, label in scoring.BANDS)


@dataclass
class PopulationReport:
    name: str
    n: int
    first: Counter = field(default_factory=Counter)
    top3: Counter = field(default_factory=Counter)
    bands: Counter = field(default_factory=Counter)
    top_fits: list[int] = field(default_factory=list)
    close_calls: int = 0
    retest_n: int = 0
    retest_same: int = 0
    retest_top3: int = 0

    def share(self, slug: str) -> float:
        return self.first[slug] / self.n

    def top3_share(self, slug: str) -> float:
        return self.top3[slug] / self.n

    @property
    def effective_roles(self) -> float:
        """exp(entropy) of the first places: how many roles effectively compete for first."""
        return math.exp(-sum(c / self.n * math.log(c / self.n) for c in self.first.values() if c))

    @property
    def retest_unchanged(self) -> float:
        return self.retest_same / self.retest_n if self.retest_n else float("nan")

    @property
    def retest_in_top3(self) -> float:
        return self.retest_top3 / self.retest_n if self.retest_n else float("nan")

    def band_share(self, band: str) -> float:
        return self.bands[band] / self.n

    def fit_percentile(self, q: float) -> int:
        fits = sorted(self.top_fits)
        return fits[min(len(fits) - 1, int(q * len(fits)))]


def run(name: str, bank: Bank, roles, answer_sets: Iterable[dict[str, int]], *, retest_seed: int = 7) -> PopulationReport:
    """Score every answer set; retest each one after moving 10% of its answers one step."""
    report = PopulationReport(name, 0)
    rng = random.Random(retest_seed)  # noqa: S311 (a seeded simulation, not security)
    index = {item.code: item for item in bank.items}
    for answers in answer_sets:
        matches = scoring.rank(scoring._profile(index, answers), roles, explain=False)
        first = matches[0]
        report.n += 1
        report.first[first.slug] += 1
        for m in matches[:3]:
            report.top3[m.slug] += 1
        report.bands[first.band] += 1
        report.top_fits.append(first.fit)
        report.close_calls += scoring.close_call(matches)
        again = scoring.rank(scoring._profile(index, nudge(answers, rng)), roles, explain=False)
        report.retest_n += 1
        report.retest_same += again[0].slug == first.slug
        report.retest_top3 += first.slug in {m.slug for m in again[:3]}
    return report
