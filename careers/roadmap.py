"""Build a role's roadmap from rows that are already loaded: the education routes from where a
student stands, the certifications to earn and when, the first jobs to apply for, and the next
roles on the ladder.

Pure: it reads only the relations that RoleQuerySet.with_roadmap() prefetches, so it
makes no queries and one set of rows can serve many roadmaps (the printed results packets).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from careers.charts_timeline import Span, timeline
from careers.models import EDUCATION_RANK, EducationLevel

#: The certification facts a roadmap shows (the rest are on the certification's page).
CERT_FACT_KINDS = ("eligibility", "fee")


@dataclass(frozen=True)
class Start:
    key: str
    label: str
    level: str  # the EducationLevel the student already holds


STARTS = (
    Start("high-school", _("High school / no degree"), EducationLevel.HIGH_SCHOOL),
    Start("some-college", _("Have a certificate or some college"), EducationLevel.CERTIFICATE),
    Start("associate", _("Have an associate degree"), EducationLevel.ASSOCIATE),
    Start("bachelor", _("Have a bachelor's degree"), EducationLevel.BACHELOR),
)
DEFAULT_START = STARTS[0]
_STARTS_BY_KEY = {s.key: s for s in STARTS}


def parse_start(raw: str | None) -> tuple[Start, bool]:
    """The starting point a ?start= value names, and whether it was understood.

    No value means the default (understood); an unknown value falls back to the default.
    """
    if not raw:
        return DEFAULT_START, True
    start = _STARTS_BY_KEY.get(raw.strip())
    return (start, True) if start else (DEFAULT_START, False)


# What a route expects you to hold before you begin it. The content files say this only in
# words ("not open to you unless you already hold a bachelor's degree"), so the rule lives here.
_PREREQUISITE_BY_LEVEL = {EducationLevel.MASTER: EducationLevel.BACHELOR}
_PREREQUISITE_BY_SLUG = {"post-bacc-certificate": EducationLevel.BACHELOR}
_NEEDS_WORDS = {EducationLevel.BACHELOR: _("a bachelor's degree"), EducationLevel.ASSOCIATE: _("an associate degree")}

WHEN = {
    "required": _("Before you apply: the job asks for it."),
    "common": _("Before you apply if you can: many employers ask for it."),
    "preferred": _("In your first year or two, to stand out."),
    "serves": _("Later, to grow in the role."),
}


def prerequisite(path) -> str:
    return _PREREQUISITE_BY_SLUG.get(path.slug) or _PREREQUISITE_BY_LEVEL.get(path.level) or EducationLevel.HIGH_SCHOOL


def short_name(path) -> str:
    """"Certificate or diploma (coding, ...)" -> "Certificate or diploma"."""
    return path.name.split(" (")[0]


def fact_of(row) -> dict:
    """A SourcedFact row as the fact mapping the templates show (text, status, year, sources)."""
    return {"text": row.text, "status": row.status, "year": row.year, "sources": list(row.source_ids), "note": row.note}


@dataclass(frozen=True)
class EducationOption:
    path: object
    name: str
    duration: dict
    cost: dict
    already: bool  # the student holds a qualification at this level already
    suits: bool  # the route is made for people who hold what the student holds
    via: tuple[str, ...]  # feeder roles this route trains for, when the role has no route of its own
    certifications: tuple[str, ...]  # the role's certifications this route lets you sit


@dataclass(frozen=True)
class ClosedOption:
    name: str
    needs: str


@dataclass(frozen=True)
class CertStep:
    certification: object
    kind: str
    kind_label: str
    when: str
    routes: tuple[str, ...]
    eligibility: dict | None
    fee: dict | None


@dataclass(frozen=True)
class NextRole:
    role: object
    kind_label: str
    note: str
    pay: tuple[dict, ...]


@dataclass(frozen=True)
class Roadmap:
    role: object
    start: Start
    meets_entry: bool  # the student holds the usual entry education of a role hired from school
    options: tuple[EducationOption, ...]
    closed: tuple[ClosedOption, ...]
    via_feeders: bool  # no direct route: the options train for jobs that lead here
    timeline: dict | None
    certifications: tuple[CertStep, ...]
    job_titles: tuple[str, ...]
    feeder_roles: tuple[object, ...]
    pay: tuple[dict, ...]
    next_roles: tuple[NextRole, ...]
    source_keys: tuple[str, ...]


def pay_facts(bands) -> tuple[dict, ...]:
    """A role's salary bands as facts: one fact when every band shares its status, year and
    sources ("Entry $42,000 · Experienced $50,250 · ..."), else one fact per band."""
    bands = list(bands)
    if not bands:
        return ()
    metas = {(b.status, b.year, tuple(b.source_ids)) for b in bands}
    if len(metas) == 1:
        first = bands[0]
        text = " · ".join(f"{b.get_level_display()} {b.text}" for b in bands)
        return ({"text": text, "status": first.status, "year": first.year, "sources": list(first.source_ids), "note": ""},)
    return tuple({**fact_of(b), "text": f"{b.get_level_display()}: {b.text}", "note": ""} for b in bands)


def _routes(role) -> tuple[list[tuple[object, tuple[str, ...]]], bool]:
    """The role's own education paths, or else those of the roles that lead to it (with names)."""
    own = list(role.education_paths.all())
    if own:
        return [(p, ()) for p in own], False
    via: dict[int, tuple[object, list[str]]] = {}
    for step in role.previous_steps.all():
        for path in step.from_role.education_paths.all():
            via.setdefault(path.pk, (path, []))[1].append(step.from_role.name)
    routes = sorted(via.values(), key=lambda pv: (pv[0].order, pv[0].slug))
    return [(p, tuple(names)) for p, names in routes], True


def _options(role, start: Start, cert_ids: dict[int, str]):
    routes, via_feeders = _routes(role)
    rank = EDUCATION_RANK[start.level]
    options, closed = [], []
    for path, via in routes:
        needs = prerequisite(path)
        if EDUCATION_RANK[needs] > rank:
            closed.append(ClosedOption(name=short_name(path), needs=_NEEDS_WORDS.get(needs, needs)))
            continue
        suits = needs != EducationLevel.HIGH_SCHOOL and needs == start.level
        already = path.level == start.level and path.level != EducationLevel.HIGH_SCHOOL and not suits
        certs = tuple(cert_ids[c.pk] for c in path.certifications.all() if c.pk in cert_ids)
        options.append(EducationOption(path, short_name(path), path.duration, path.cost, already, suits, via, certs))
    # Routes made for the student's stage first, routes they may be past last; stable sort keeps
    # the content order inside each group.
    options.sort(key=lambda o: (not o.suits, o.already))
    return options, closed, via_feeders


def _cert_steps(role, options) -> list[CertStep]:
    steps = []
    for rc in role.role_certifications.all():
        cert = rc.certification
        facts = {f.kind: fact_of(f) for f in getattr(cert, "roadmap_facts", [])}
        routes = tuple(o.name for o in options if cert.abbreviation in o.certifications)
        steps.append(
            CertStep(cert, rc.kind, rc.get_kind_display(), WHEN.get(rc.kind, ""), routes, facts.get("eligibility"), facts.get("fee"))
        )
    return steps


def _source_keys(roadmap_parts) -> tuple[str, ...]:
    keys: list[str] = []
    for fact in roadmap_parts:
        if fact:
            keys.extend(fact.get("sources", []))
    return tuple(dict.fromkeys(keys))


def build_roadmap(role, *, start: Start = DEFAULT_START) -> Roadmap:
    """The roadmap to `role` for a student at `start` (role loaded by Role.objects.with_roadmap())."""
    cert_ids = {rc.certification.pk: rc.certification.abbreviation for rc in role.role_certifications.all()}
    options, closed, via_feeders = _options(role, start, cert_ids)
    certs = _cert_steps(role, options)
    pay = pay_facts(role.salary_bands.all())
    next_roles = [
        NextRole(step.to_role, step.get_kind_display(), step.note, pay_facts(step.to_role.salary_bands.all()))
        for step in role.next_steps.all()
    ]
    spans = [Span(o.name, o.path.months_min, o.path.months_max, o.duration.get("status", "")) for o in options]
    facts = [
        role.entry_education_fact,
        *(f for o in options for f in (o.duration, o.cost)),
        *(f for c in certs for f in (c.eligibility, c.fee)),
        *pay,
        *(f for n in next_roles for f in n.pay),
    ]
    return Roadmap(
        role=role,
        start=start,
        meets_entry=not via_feeders and EDUCATION_RANK[start.level] >= EDUCATION_RANK.get(role.entry_education, 0),
        options=tuple(options),
        closed=tuple(closed),
        via_feeders=via_feeders,
        timeline=timeline(spans, tr=translation) if spans else None,
        certifications=tuple(certs),
        job_titles=tuple(a.title for a in role.aliases.all()),
        feeder_roles=tuple(step.from_role for step in role.previous_steps.all()),
        pay=pay,
        next_roles=tuple(next_roles),
        source_keys=_source_keys(facts),
    )
