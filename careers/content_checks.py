"""Rules across content files: references that must exist, and pages that must not contradict
each other. Each problem is one line naming the file and the field.

`check_references` runs on every load (a dangling slug or source id can't be written);
`check_consistency` is what `manage.py check_content` reports, and load_content refuses content
that fails it too.
"""

from __future__ import annotations

import re

from careers.durations import Route, pick_route
from careers.models import CAREER_LEVEL_RANK, EDUCATION_RANK

CERT_KINDS = ("required", "common", "preferred")
#: training_time facet level -> the months to a first job (route + usual prior work) it may stand for
#: A band note or text that says it was computed, not read off a table.
_DERIVED_WORDS = re.compile(r"\b(midpoint|middle of|ratio|average of|derived from)\b|\bx \d|×", re.I)
_PAY_WORDS = re.compile(r"\b(pay|paid|earn|salary|salaries|wage)", re.I)
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SPAN = re.compile(r"\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six)[- ](week|month|year)s?\b", re.I)


# --- references ----------------------------------------------------------------------------------
def _role_facts(role):
    yield "remote", role.remote
    yield "entry_education", role.entry_education
    if role.experience:
        yield "experience", role.experience
    if role.outlook:
        yield "outlook", role.outlook
    if role.tech_change:
        yield "tech_change", role.tech_change
    for i, band in enumerate(role.salary.bands):
        yield f"salary.bands.{i}", band
    for i, fact in enumerate(role.salary.history):
        yield f"salary.history.{i}", fact
    for i, item in enumerate([*role.skills, *role.tools]):
        yield f"skills/tools.{i}", item


def _cited(content):
    """(file, field, sources) for every citation in the content."""
    for body in content.bodies:
        for key, fact in body.facts.items():
            yield "bodies.yaml", f"{body.slug}.facts.{key}", fact.sources
    for cert in content.certifications:
        for key, fact in cert.facts.items():
            yield "certifications.yaml", f"{cert.slug}.facts.{key}", fact.sources
    for path in content.education:
        yield "education.yaml", f"{path.slug}.duration", path.duration.sources
        yield "education.yaml", f"{path.slug}.cost", path.cost.sources
    for slug, role in content.roles.items():
        for field, fact in _role_facts(role):
            yield f"roles/{slug}.yaml", field, fact.sources
    for term in content.glossary:
        yield "glossary.yaml", f"{term.slug}.sources", term.sources


def check_references(content) -> list[str]:
    """Every slug and source id the files use exists."""
    sources = {src.id for src in content.sources}
    tracks = {t.slug for t in content.tracks}
    bodies = {b.slug for b in content.bodies}
    certs = {c.slug for c in content.certifications}
    roles = set(content.roles)
    problems = [
        f"{where}: {field}: unknown source ids {sorted(set(keys) - sources)}"
        for where, field, keys in _cited(content)
        if set(keys) - sources
    ]
    for slug, role in content.roles.items():
        if role.track not in tracks:
            problems.append(f"roles/{slug}.yaml: track: unknown track {role.track!r}")
        for kind in CERT_KINDS:
            problems += [f"roles/{slug}.yaml: certifications.{kind}: unknown certification {c!r}" for c in getattr(role.certifications, kind) if c not in certs]
    for cert in content.certifications:
        if cert.body not in bodies:
            problems.append(f"certifications.yaml: {cert.slug}.body: unknown body {cert.body!r}")
        problems += [f"certifications.yaml: {cert.slug}.roles: unknown role {r!r}" for r in cert.roles if r not in roles]
    for path in content.education:
        problems += [f"education.yaml: {path.slug}.certifications: unknown certification {c!r}" for c in path.certifications if c not in certs]
        problems += [f"education.yaml: {path.slug}.roles: unknown role {r!r}" for r in path.roles if r not in roles]
    for i, step in enumerate(content.ladder):
        problems += [f"ladder.yaml: {i}.{end}: unknown role {slug!r}" for end, slug in (("from", step.from_), ("to", step.to)) if slug not in roles]
    for d in content.directories:
        problems += [f"directories.yaml: {d.slug}.certifications: unknown certification {c!r}" for c in d.certifications if c not in certs]
    return problems


# --- consistency ---------------------------------------------------------------------------------
def routes_by_role(content) -> dict[str, list]:
    """Each role's routes: its own, or (as careers.durations does) its feeder roles' routes."""
    direct = {slug: [] for slug in content.roles}
    for path in content.education:
        for slug in path.roles:
            direct[slug].append(path)
    feeders = {slug: [] for slug in content.roles}
    for step in content.ladder:
        feeders[step.to].append(step.from_)
    return {slug: paths or [p for f in feeders[slug] for p in direct[f]] for slug, paths in direct.items()}


def shortest_months(content, slug, routes) -> int | None:
    """Route months plus usual prior work, computed by careers.durations.pick_route."""
    role = content.roles[slug]
    best = pick_route([Route(p.level, p.duration.months_min, p.order, p.name) for p in routes[slug]], role.entry_education.level)
    if best is None:
        return None
    return best.months + (role.experience.months if role.experience else 0)


def text_spans(text: str) -> list[float]:
    """Every "6 weeks", "two years", "a year" in text, in months."""
    spans = []
    for number, unit in _SPAN.findall(text):
        n = _NUMBER_WORDS.get(number.lower())
        n = float(number) if n is None else n
        spans.append(n * {"week": 12 / 52, "month": 1, "year": 12}[unit.lower()])
    return spans


def _usual_start(content, routes) -> list[str]:
    problems = []
    for slug, role in content.roles.items():
        levels = {p.level for p in routes[slug]}
        if role.entry_education.level not in levels:
            problems.append(
                f"roles/{slug}.yaml: entry_education.level: {role.entry_education.level!r} but its routes "
                f"in education.yaml give {sorted(levels, key=EDUCATION_RANK.get) or 'none'}"
            )
    return problems


def _training_time(content, routes) -> list[str]:
    problems = []
    for slug, role in content.roles.items():
        if role.experience:
            for span in text_spans(role.experience.text):
                if abs(span - role.experience.months) > max(6, role.experience.months / 2):
                    problems.append(f"roles/{slug}.yaml: experience.text: says {span:g} months but experience.months is {role.experience.months}")
    return problems


def _route_durations(content) -> list[str]:
    problems = []
    for path in content.education:
        d = path.duration
        if d.months_min is None:
            continue
        high = d.months_max if d.months_max is not None else d.months_min
        for span in text_spans(d.text):
            if not d.months_min - 0.5 <= span <= high + 0.5:
                problems.append(
                    f"education.yaml: {path.slug}.duration: the text says {span:g} months but months_min/max are {d.months_min}/{high}"
                )
    return problems


def _cert_reach(content, routes) -> list[str]:
    problems = []
    for slug, role in content.roles.items():
        reachable = {c for p in routes[slug] for c in p.certifications}
        for kind in CERT_KINDS:
            for cert in getattr(role.certifications, kind):
                if cert not in reachable and cert not in role.certifications.notes:
                    problems.append(
                        f"roles/{slug}.yaml: certifications.{kind}: {cert!r} is not open from any of this role's routes; "
                        f"add certifications.notes.{cert} saying what else it takes"
                    )
    return problems


def _cert_lists(content) -> list[str]:
    by_role = {(r, c) for r, role in content.roles.items() for k in CERT_KINDS for c in getattr(role.certifications, k)}
    by_cert = {(r, cert.slug) for cert in content.certifications for r in cert.roles}
    problems = [f"certifications.yaml: {c}.roles: leaves out {r!r}, whose role file lists it" for r, c in sorted(by_role - by_cert)]
    problems += [f"roles/{r}.yaml: certifications: leaves out {c!r}, whose certification lists this role" for r, c in sorted(by_cert - by_role)]
    return problems


def _band(role, level):
    return next((b.amount for b in role.salary.bands if b.level == level), None)


def _ladder(content) -> list[str]:
    problems = []
    for i, step in enumerate(content.ladder):
        a, b = content.roles[step.from_], content.roles[step.to]
        where = f"ladder.yaml: {i} ({step.from_} -> {step.to})"
        if step.kind != "up":
            continue
        if CAREER_LEVEL_RANK[b.level] < CAREER_LEVEL_RANK[a.level]:
            problems.append(f"{where}.kind: 'up' goes from level {a.level!r} down to {b.level!r}")
        falls = [lvl for lvl in ("entry", "experienced", "senior") if (_band(b, lvl) or 0) < (_band(a, lvl) or 0)]
        if falls and not _PAY_WORDS.search(step.note):
            problems.append(f"{where}.note: 'up' but the {', '.join(falls)} pay falls; the note must say so")
    return problems


def _derived(content) -> list[str]:
    problems = []
    for slug, role in content.roles.items():
        for i, band in enumerate(role.salary.bands):
            if band.status != "derived" and _DERIVED_WORDS.search(f"{band.note} {band.text}"):
                problems.append(f"roles/{slug}.yaml: salary.bands.{i}.status: {band.status!r}, but the figure is derived ({band.note or band.text!r})")
    return problems


def _interest_status(content) -> list[str]:
    """One rule for every role, so one O*NET code never reads "official" here and "proxy" there:
    scores from the role's own, exactly matching code are official; anything else (a partial
    match, another code, no code) is a proxy, an estimate or derived."""
    problems = []
    for slug, role in content.roles.items():
        own = role.onet.match == "exact" and role.interests.from_code == (role.onet.code or "")
        wanted = {"official"} if own else {"proxy", "estimate", "derived"}
        if role.interests.status not in wanted:
            problems.append(
                f"roles/{slug}.yaml: interests.status: {role.interests.status!r}, but scores from "
                f"{role.interests.from_code} for a {role.onet.match!r} match must be {' or '.join(sorted(wanted))}"
            )
    return problems


def check_consistency(content) -> list[str]:
    """Every contradiction check_content knows about, one line each."""
    routes = routes_by_role(content)
    return [
        *_usual_start(content, routes),
        *_training_time(content, routes),
        *_route_durations(content),
        *_cert_reach(content, routes),
        *_cert_lists(content),
        *_ladder(content),
        *_derived(content),
        *_interest_status(content),
    ]
