"""What to do next about each top match: the results page's "Next steps" block.

For each role: the fastest usual route and what it costs, the first credential to aim for, the
job titles to search for (with a CareerOneStop search link), where accredited programs are
listed, and three questions for an informational interview (fixtures/content/
interview_questions.yaml). One batch of queries for any number of roles.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext, gettext_noop

from careers.content import read_yaml
from careers.durations import Route, pick_route, span_words
from careers.models import Directory, LadderStep, Role, RoleCertification
from core.i18n import language_code

QUESTIONS_FILE = Path(settings.BASE_DIR) / "fixtures" / "content" / "interview_questions.yaml"
JOB_SEARCH_URL = "https://www.careeronestop.org/Toolkit/Jobs/find-jobs.aspx"
# The job-search directory is the link on the titles; the others list programs and training.
JOB_DIRECTORY = "careeronestop-jobs"
CERT_ORDER = [RoleCertification.Kind.REQUIRED, RoleCertification.Kind.COMMON, RoleCertification.Kind.PREFERRED]
DEFAULT_QUESTIONS = (
    gettext_noop("What does a usual week look like in your job?"),
    gettext_noop("How did you get your first job in this work, and what would you do differently now?"),
    gettext_noop("What would you look for in someone you hired for this role?"),
)


@dataclass(frozen=True)
class NextSteps:
    role: Role
    route: object | None  # careers.models.EducationPath: the fastest usual route, with its cost fact
    route_time: str
    certification: object | None  # careers.models.Certification
    certification_kind: str
    titles: tuple[tuple[str, str], ...]  # (title, its CareerOneStop job search)
    job_search_url: str
    directories: tuple[Directory, ...]
    questions: tuple[str, ...]


@lru_cache(maxsize=1)
def _questions() -> dict:
    return read_yaml(QUESTIONS_FILE) or {}


def _localized(group: dict, slug: str):
    """The questions under ``slug`` in the active language: ``<slug>_<lang>`` beside them when it
    has as many (the content files' convention for translations), else the English."""
    found = group.get(slug)
    language = language_code()
    if found and language != "en":
        local = group.get(f"{slug}_{language}")
        if isinstance(local, list) and len(local) == len(found):
            return local
    return found


def interview_questions(role) -> tuple[str, ...]:
    """Three questions for someone in this role: the role's own, else its track's."""
    data = _questions()
    found = _localized(data.get("roles") or {}, role.slug) or _localized(data.get("tracks") or {}, role.track.slug)
    return tuple(found[:3]) if found else tuple(gettext(q) for q in DEFAULT_QUESTIONS)


def job_search_url(title: str) -> str:
    return f"{JOB_SEARCH_URL}?{urlencode({'keyword': title, 'location': ''})}"


def _fastest(role):
    """The route a first job is timed from (careers.durations.pick_route), as its EducationPath."""
    paths = list(role.education_paths.all()) or [p for s in role.previous_steps.all() for p in s.from_role.education_paths.all()]
    best = pick_route([Route(p.level, p.months_min, p.order, p.slug) for p in paths], role.entry_education)
    return next((p for p in paths if best and p.slug == best.name), None)


def _first_certification(role):
    links = sorted(
        (rc for rc in role.role_certifications.all() if rc.kind in CERT_ORDER),
        key=lambda rc: (CERT_ORDER.index(rc.kind), rc.certification.slug),
    )
    return (links[0].certification, links[0].get_kind_display()) if links else (None, "")


def _directories(role, directories) -> tuple[Directory, ...]:
    certs = {rc.certification_id for rc in role.role_certifications.all()}
    return tuple(
        d for d in directories
        if d.slug != JOB_DIRECTORY and (d.for_all_roles or certs & {c.pk for c in d.certifications.all()})
    )


def _steps(role, directories) -> NextSteps:
    route = _fastest(role)
    cert, kind = _first_certification(role)
    titles = {}
    for title in [role.name, *(a.title for a in role.aliases.all())]:
        titles.setdefault(title.lower(), title)
    titles = tuple(titles.values())[:4]
    return NextSteps(
        role=role,
        route=route,
        route_time=span_words(route.months_min, route.months_max) if route else "",  # careers.durations: its language
        certification=cert,
        certification_kind=kind,
        titles=tuple((t, job_search_url(t)) for t in titles),
        job_search_url=job_search_url(role.name),
        directories=_directories(role, directories),
        questions=interview_questions(role),
    )


def next_steps_for(slugs) -> list[NextSteps]:
    """Next steps for these roles, in the order given (unknown slugs are skipped)."""
    slugs = list(slugs)
    roles = Role.objects.filter(slug__in=slugs).select_related("track").prefetch_related(
        "education_paths",
        "aliases",
        Prefetch("previous_steps", queryset=LadderStep.objects.select_related("from_role")),
        "previous_steps__from_role__education_paths",
        Prefetch("role_certifications", queryset=RoleCertification.objects.select_related("certification")),
    )
    by_slug = {role.slug: role for role in roles}
    directories = list(Directory.objects.prefetch_related("certifications"))
    return [_steps(by_slug[s], directories) for s in slugs if s in by_slug]


def with_next_steps(cards, *, count: int = 3) -> list[tuple[object, NextSteps | None]]:
    """Pair the result's match cards with next steps for the first ``count`` of them."""
    cards = list(cards)
    steps = {s.role.slug: s for s in next_steps_for(c.slug for c in cards[:count])}
    return [(card, steps.get(card.slug) if i < count else None) for i, card in enumerate(cards)]
