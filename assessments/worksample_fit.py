"""How trying a work sample moves a role's fit. PURE PYTHON: no Django, no database.

A student who attached work samples to their quiz result told us, for each, how much they
enjoyed it (1-5). Enjoyment moves the fit of the roles that do that work: at most
``MAX_SHIFT`` points for the sample's own roles, half as much for neighbouring roles, and never
more than ``MAX_SHIFT`` in total for one role. The score on the sample does not count: ten
minutes of a first try says little about how good someone would become. See docs/scoring.md.
"""

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

MAX_SHIFT = 6  # fit points, either way
NEUTRAL = 3  # "it was OK" moves nothing

# sample -> (roles doing that work, neighbouring roles)
ROLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "coding": (("medical-coder", "inpatient-coder", "risk-adjustment-coder"), ("coding-auditor", "cdi-specialist")),
    "billing": (("medical-biller",), ("revenue-cycle-analyst", "patient-access-representative")),
    "release": (("release-of-information-specialist", "health-information-technician"), ("privacy-officer",)),
    "registry": (("cancer-registrar", "public-health-registrar"), ()),
}


def gettext_noop(message: str) -> str:
    """Marks a string for translation (makemessages extracts it); this module stays pure."""
    return message


WORK = {
    "coding": gettext_noop("coding"),
    "billing": gettext_noop("billing"),
    "release": gettext_noop("release of information"),
    "registry": gettext_noop("registry abstracting"),
}
#: The reasons' English formats by message id; assessments.reason_text shows them in any language.
MESSAGES = {
    "sample.tried": gettext_noop("You tried %(sample_work)s."),
    "sample.enjoyed": gettext_noop("You tried %(sample_work)s and enjoyed it."),
    "sample.disliked": gettext_noop("You tried %(sample_work)s and did not enjoy it much."),
    "sample.ok": gettext_noop("You tried %(sample_work)s; it was OK."),
}


@dataclass(frozen=True)
class Tried:
    sample: str
    enjoyment: int | None  # 1-5, None if they did not say


def shift(enjoyment: int | None, *, neighbour: bool = False) -> float:
    """Fit points for one sample: (enjoyment - 3) / 2 of MAX_SHIFT; half for a neighbour role."""
    if enjoyment is None or not 1 <= enjoyment <= 5:
        return 0.0
    points = (enjoyment - NEUTRAL) / 2 * MAX_SHIFT
    return points / 2 if neighbour else points


def reason(t: Tried) -> dict:
    """A card reason: kind tried_enjoyed (a fit), tried_disliked (a concern) or tried (a note)."""
    work = WORK.get(t.sample, t.sample)
    if t.enjoyment is None:
        kind, msg = "tried", "sample.tried"
    elif t.enjoyment > NEUTRAL:
        kind, msg = "tried_enjoyed", "sample.enjoyed"
    elif t.enjoyment < NEUTRAL:
        kind, msg = "tried_disliked", "sample.disliked"
    else:
        kind, msg = "tried", "sample.ok"
    # No msg here: assessments.reason_text knows these sentences by their English text.
    return {"kind": kind, "key": t.sample, "text": MESSAGES[msg] % {"sample_work": work}}


def _role_shifts(tried: Iterable[Tried]) -> dict[str, tuple[float, list[dict]]]:
    out: dict[str, tuple[float, list[dict]]] = {}
    for t in tried:
        own, near = ROLES.get(t.sample, ((), ()))
        for slug, neighbour in [(s, False) for s in own] + [(s, True) for s in near]:
            points, reasons = out.get(slug, (0.0, []))
            out[slug] = (points + shift(t.enjoyment, neighbour=neighbour), [*reasons, reason(t)])
    return out


def adjust(matches: list[Mapping], tried: Iterable[Tried], band_for: Callable[[int], str] | None = None) -> list[dict]:
    """Matches (dicts with role, fit, band, reasons) with fit moved and a reason added, re-ranked
    best first (a stable sort: equal fits keep their order). The input is not changed."""
    shifts = _role_shifts(tried)
    out = []
    for m in matches:
        m = dict(m)
        if m["role"] in shifts:
            points, reasons = shifts[m["role"]]
            points = max(-MAX_SHIFT, min(MAX_SHIFT, points))
            m["fit"] = max(0, min(100, math.floor(m["fit"] + points + 0.5)))  # halves round up
            if band_for is not None:
                m["band"] = band_for(m["fit"])
            m["reasons"] = [*m.get("reasons", []), *reasons]
        out.append(m)
    return sorted(out, key=lambda m: -m["fit"])
