"""Simulated people: answer sets from two populations.

``uniform``: every statement answered 1-5 with equal chances (a random clicker).

``realistic`` (documented in docs/validation.md): each person has six latent interests with the
correlations of Holland's hexagon (neighbours 0.45, two apart 0.20, opposite 0.05), and a latent
want per work facet that leans on the interests it belongs with (patient contact on Social,
clinical detail on Investigative, auditing on Conventional ...) plus a part of its own. On top
come a yes-saying tendency per person (some people agree more with everything) and noise per
statement. The training limit is drawn from a fixed spread of answers.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator

from assessments.validation.content import Bank
from core.vocabulary import DIMENSIONS, TRAINING

HEXAGON = {0: 1.0, 1: 0.45, 2: 0.20, 3: 0.05}
#: Facet -> {RIASEC letter: loading}; the rest of the facet's variance is its own.
FACET_LOADINGS: dict[str, dict[str, float]] = {
    "patient_contact": {"S": 0.6},
    "clinician_contact": {"S": 0.3, "I": 0.3},
    "clinical_detail": {"I": 0.5},
    "payer_finance": {"C": 0.4, "E": 0.3},
    "privacy_legal": {"C": 0.4},
    "data_analysis": {"I": 0.5, "C": 0.2},
    "technology_systems": {"R": 0.3, "I": 0.4},
    "research_registry": {"I": 0.5, "C": 0.2},
    "auditing": {"C": 0.5},
    "leading_people": {"E": 0.6},
    "remote_work": {},
}
#: People who open an HIM quiz lean a little toward organized and investigative work.
INTEREST_MEANS = {"R": 0.0, "I": 0.1, "A": 0.0, "S": 0.0, "E": 0.0, "C": 0.3}
LATENT_SCALE = 1.2  # answer steps per latent SD
YES_SAYING_SD = 0.35  # per person, in answer steps
ITEM_NOISE_SD = 0.8  # per statement, in answer steps
TRAINING_SHARES = (0.10, 0.20, 0.25, 0.25, 0.20)  # a few weeks ... 4 years or more


def _cholesky(matrix: list[list[float]]) -> list[list[float]]:
    n = len(matrix)
    low = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = matrix[i][j] - sum(low[i][k] * low[j][k] for k in range(j))
            low[i][j] = math.sqrt(s) if i == j else s / low[j][j]
    return low


_HEX = [[HEXAGON[min(abs(i - j), 6 - abs(i - j))] for j in range(6)] for i in range(6)]
_CHOL = _cholesky(_HEX)


def _clip(value: float) -> int:
    return 1 if value < 1.5 else (5 if value >= 4.5 else int(value + 0.5))


def uniform(bank: Bank, n: int, *, seed: int) -> Iterator[dict[str, int]]:
    rng = random.Random(seed)  # noqa: S311 (a seeded simulation, not security)
    codes = bank.codes
    for _ in range(n):
        yield {code: rng.randint(1, 5) for code in codes}


def latent_person(rng: random.Random) -> dict[str, float]:
    """One person's latent wants: six interests and one per facet, each about N(0, 1)."""
    e = [rng.gauss(0.0, 1.0) for _ in range(6)]
    z = {d: INTEREST_MEANS[d] + sum(_CHOL[i][k] * e[k] for k in range(i + 1)) for i, d in enumerate(DIMENSIONS)}
    wants = dict(z)
    for facet, loadings in FACET_LOADINGS.items():
        shared = sum(w * z[d] for d, w in loadings.items())
        own = math.sqrt(max(0.2, 1.0 - sum(w * w for w in loadings.values())))
        wants[facet] = shared + own * rng.gauss(0.0, 1.0)
    return wants


def realistic(bank: Bank, n: int, *, seed: int) -> Iterator[dict[str, int]]:
    rng = random.Random(seed)  # noqa: S311 (a seeded simulation, not security)
    training = [step for step, share in enumerate(TRAINING_SHARES, start=1) for _ in range(round(share * 100))]
    for _ in range(n):
        wants = latent_person(rng)
        yes = rng.gauss(0.0, YES_SAYING_SD)
        answers = {}
        for key, codes in bank.codes_by_key.items():
            for code in codes:
                if key == TRAINING:
                    answers[code] = rng.choice(training)
                else:
                    answers[code] = _clip(3.0 + LATENT_SCALE * wants[key] + yes + rng.gauss(0.0, ITEM_NOISE_SD))
        yield answers


def nudge(answers: dict[str, int], rng: random.Random, share: float = 0.10) -> dict[str, int]:
    """The same answers with ``share`` of them moved one step (up or down at random; at the end
    of the scale, the only way possible)."""
    out = dict(answers)
    codes = sorted(out)
    for code in rng.sample(codes, max(1, round(share * len(codes)))):
        value = out[code]
        step = rng.choice((-1, 1))
        if not 1 <= value + step <= 5:
            step = -step
        out[code] = value + step
    return out
