"""Read-only JSON API over the catalogue (django-ninja router)."""

import re

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from careers.durations import first_job
from careers.models import Certification, Role
from core.i18n_api import LanguageParams

router = Router(tags=["catalogue"])

# Anything that is not a slug is a plain 404 before it reaches the database (PostgreSQL refuses
# NUL bytes in text, for one).
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class FactOut(Schema):
    text: str
    status: str
    year: str = ""
    note: str = ""
    sources: list[str] = []


class SalaryBandOut(Schema):
    level: str
    amount: int
    status: str
    year: str
    sources: list[str]


class OutlookOut(Schema):
    occupation: str = ""
    period: str = ""
    employment: int | None = None
    change_pct: float | None = None
    openings: int | None = None
    text: str = ""
    status: str = "unconfirmed"
    year: str = ""
    note: str = ""
    parent_note: str = ""
    sources: list[str] = []
    bright_outlook: bool = False


class RoleSummaryOut(Schema):
    slug: str
    name: str
    track: str
    level: str
    outlook: OutlookOut
    bright_outlook: bool
    summary: str
    entry_education: str
    remote_level: str
    patient_contact_level: str
    entry_salary: int
    holland_code: str
    url: str


class LadderOut(Schema):
    slug: str
    name: str
    kind: str


class CertificationRefOut(Schema):
    slug: str
    abbreviation: str
    kind: str


class RoleDetailOut(RoleSummaryOut):
    full_name: str
    typical_day: str
    tasks: list[str]
    settings: list[str]
    aliases: list[str]
    pros: list[str]
    cons: list[str]
    onet_code: str
    onet_title: str
    is_synthesis: bool
    interests: dict[str, float]
    interest_status: str
    facets: dict[str, int]
    time_to_job: str
    months_to_job: int | None
    skills: list[dict]
    tools: list[dict]
    tech_change: dict
    salary_bands: list[SalaryBandOut]
    certifications: list[CertificationRefOut]
    next_roles: list[LadderOut]
    previous_roles: list[LadderOut]


class CertificationOut(Schema):
    slug: str
    abbreviation: str
    name: str
    former_names: list[str]
    body: str
    summary: str
    url: str
    official_url: str


class CertificationDetailOut(CertificationOut):
    facts: dict[str, FactOut]
    roles: list[str]


def _role_summary(role: Role) -> dict:
    return {
        "slug": role.slug,
        "name": role.name,
        "track": role.track.slug,
        "level": role.level,
        "outlook": role.outlook or {},
        "bright_outlook": role.bright_outlook,
        "summary": role.summary,
        "entry_education": role.entry_education,
        "remote_level": role.remote_level,
        "patient_contact_level": role.patient_contact_level,
        "entry_salary": role.entry_salary,
        "holland_code": role.holland_code,
        "url": role.get_absolute_url(),
    }


@router.get("/roles", response=list[RoleSummaryOut], summary="List every role")
def list_roles(request, language: Query[LanguageParams]):
    return [_role_summary(r) for r in Role.objects.for_directory()]


@router.get("/roles/{slug}", response=RoleDetailOut, summary="One role in full")
def get_role(request, slug: str, language: Query[LanguageParams]):
    if not SLUG.fullmatch(slug):
        raise Http404
    role = get_object_or_404(Role.objects.with_details(), slug=slug)
    job = first_job(role)
    return {
        **_role_summary(role),
        "full_name": role.full_name,
        "typical_day": role.typical_day,
        "tasks": role.tasks,
        "settings": role.settings,
        "aliases": [a.title for a in role.aliases.all()],
        "pros": role.pros,
        "cons": role.cons,
        "onet_code": role.onet_code,
        "onet_title": role.onet_title,
        "is_synthesis": role.is_synthesis,
        "interests": role.interests,
        "interest_status": role.interest_status,
        "facets": {f.facet: f.level for f in role.facets.all()},
        "time_to_job": job.text,
        "months_to_job": job.months,
        "skills": role.skills,
        "tools": role.tools,
        "tech_change": role.tech_change,
        "salary_bands": [
            {"level": b.level, "amount": b.amount, "status": b.status, "year": b.year, "sources": b.source_ids}
            for b in role.salary_bands.all()
        ],
        "certifications": [
            {"slug": rc.certification.slug, "abbreviation": rc.certification.abbreviation, "kind": rc.kind}
            for rc in role.role_certifications.all()
        ],
        "next_roles": [{"slug": s.to_role.slug, "name": s.to_role.name, "kind": s.kind} for s in role.next_steps.all()],
        "previous_roles": [
            {"slug": s.from_role.slug, "name": s.from_role.name, "kind": s.kind} for s in role.previous_steps.all()
        ],
    }


def _certification(c: Certification) -> dict:
    return {
        "slug": c.slug,
        "abbreviation": c.abbreviation,
        "name": c.name,
        "former_names": c.former_names,
        "body": c.body.abbreviation,
        "summary": c.summary,
        "url": c.get_absolute_url(),
        "official_url": c.url or c.body.url,
    }


@router.get("/certifications", response=list[CertificationOut], summary="List every certification")
def list_certifications(request, language: Query[LanguageParams]):
    return [_certification(c) for c in Certification.objects.for_directory()]


@router.get("/certifications/{slug}", response=CertificationDetailOut, summary="One certification in full")
def get_certification(request, slug: str, language: Query[LanguageParams]):
    if not SLUG.fullmatch(slug):
        raise Http404
    c = get_object_or_404(Certification.objects.with_details(), slug=slug)
    return {
        **_certification(c),
        "facts": {
            f.kind: {"text": f.text, "status": f.status, "year": f.year, "note": f.note, "sources": f.source_ids}
            for f in c.facts.all()
        },
        "roles": [r.slug for r in c.roles.all()],
    }
