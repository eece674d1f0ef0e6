"""Read vocabulary for the catalogue: chainable, domain-named QuerySet methods."""

import re

from django.db import models
from django.db.models import Case, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from core.i18n_content import localized_expr, with_spanish

LEVEL_ORDER = ["none", "low", "moderate", "high"]
EDUCATION_ORDER = ["high-school", "certificate", "associate", "bachelor", "master"]

_WORD = re.compile(r"[a-z0-9]+")
# Words too common in HIM titles to say anything about which role a seeker means.
_STOPWORDS = {"and", "or", "of", "the", "a", "an", "in", "for", "to", "health", "healthcare", "job", "jobs"}


def search_terms(query: str) -> list[str]:
    """Return the distinct search stems of a query, longest words first (max 8)."""
    words = [w for w in _WORD.findall(query.lower()) if w not in _STOPWORDS]
    stems: list[str] = []
    for word in words:
        # A short stem lets "biller" find "billing" and "coders" find "coding".
        stem = word[:5] if len(word) > 5 else word
        if stem not in stems:
            stems.append(stem)
    return stems[:8]


class RoleQuerySet(models.QuerySet):
    def in_track(self, slug: str):
        return self.filter(track__slug=slug)

    def for_directory(self):
        """Roles with their track and entry salary band, in track order: two queries."""
        from careers.models import SalaryBand

        return (
            self.select_related("track")
            .prefetch_related(Prefetch("salary_bands", queryset=SalaryBand.objects.filter(level="entry"), to_attr="entry_bands"))
            .order_by("track__order", "order", "slug")
        )

    def with_details(self):
        """Everything a role page shows, in a fixed number of queries."""
        from careers.models import LadderStep, RoleCertification

        return self.select_related("track").prefetch_related(
            "aliases",
            "facets",
            "salary_bands",
            Prefetch(
                "role_certifications",
                queryset=RoleCertification.objects.select_related("certification__body").order_by(
                    Case(
                        When(kind="required", then=Value(0)),
                        When(kind="common", then=Value(1)),
                        When(kind="preferred", then=Value(2)),
                        default=Value(3),
                        output_field=IntegerField(),
                    ),
                    "certification__abbreviation",
                ),
            ),
            "education_paths",
            Prefetch("next_steps", queryset=LadderStep.objects.select_related("to_role")),
            Prefetch("previous_steps", queryset=LadderStep.objects.select_related("from_role")),
            "previous_steps__from_role__education_paths",
        )

    def with_roadmap(self):
        """Everything a roadmap shows, in a fixed number of queries: with_details() plus the
        certifications' eligibility and fee facts, the certifications each education path opens,
        the next roles' salary bands, and the routes into the roles that lead here (for roles
        with no direct school route)."""
        from careers.models import CertificationFact
        from careers.roadmap import CERT_FACT_KINDS

        return self.with_details().prefetch_related(
            Prefetch(
                "role_certifications__certification__facts",
                queryset=CertificationFact.objects.filter(kind__in=CERT_FACT_KINDS),
                to_attr="roadmap_facts",
            ),
            "education_paths__certifications",
            "next_steps__to_role__salary_bands",
            "previous_steps__from_role__education_paths__certifications",
        )

    def for_match_cards(self):
        """Roles with what a quiz match card shows, in one query: the entry band's amount,
        status and year, the timed route to a first job (as careers.durations.pick_route
        chooses it: the shortest route at or below the usual entry education, or the feeder
        roles' routes when the role has none), and the usual prior work."""
        from careers.models import EDUCATION_RANK, EducationPath, SalaryBand

        entry = SalaryBand.objects.filter(role=OuterRef("pk"), level=SalaryBand.BandLevel.ENTRY).order_by()
        rank = lambda field: Case(*(When(**{field: v}, then=Value(r)) for v, r in EDUCATION_RANK.items()), output_field=IntegerField())  # noqa: E731

        def timed(**match):
            routes = EducationPath.objects.filter(months_min__isnull=False, **match).annotate(rank=rank("level"))
            within = routes.filter(rank__lte=OuterRef("entry_rank")).order_by("months_min", "order")
            return within, routes.order_by("months_min", "order")

        direct_within, direct_any = timed(roles=OuterRef("pk"))
        feeder_within, feeder_any = timed(roles__next_steps__to_role=OuterRef("pk"))
        pick = lambda expr: Coalesce(  # noqa: E731
            *(Subquery(q.values(v=expr)[:1]) for q in (direct_within, direct_any, feeder_within, feeder_any))
        )
        # Annotations skip the models' from_db, so the translated ones pick their language here.
        return (
            self.only("slug", *with_spanish("name", "plural", "summary"), "entry_salary", "entry_education", "experience_months", "outlook")
            .annotate(entry_rank=rank("entry_education"))
            .annotate(
                entry_band_amount=Subquery(entry.values("amount")[:1]),
                entry_band_status=Subquery(entry.values("status")[:1]),
                entry_band_year=Subquery(entry.values(v=localized_expr("year"))[:1]),
                first_job_months=pick(F("months_min")),
                first_job_path=pick(localized_expr("name")),
            )
            .order_by()
        )

    def for_map(self):
        """Roles with what the career map shows, in two queries whatever their number: the
        track, the entry band's amount, status and year, the shortest training to a first job,
        and the ladder steps out of each role (prefetched as next_steps)."""
        from careers.models import EducationPath, LadderStep, SalaryBand

        entry = SalaryBand.objects.filter(role=OuterRef("pk"), level=SalaryBand.BandLevel.ENTRY).order_by()
        shortest = EducationPath.objects.filter(roles=OuterRef("pk"), months_min__isnull=False).order_by("months_min")
        return (
            self.select_related("track")
            .only(
                "slug", *with_spanish("name"), "level", "remote_level", "patient_contact_level", "order",
                "track__slug", *with_spanish("track__name"), "track__order",
            )
            .annotate(
                entry_band_amount=Subquery(entry.values("amount")[:1]),
                entry_band_status=Subquery(entry.values("status")[:1]),
                entry_band_year=Subquery(entry.values(v=localized_expr("year"))[:1]),
                first_job_months=Subquery(shortest.values("months_min")[:1]),
            )
            .prefetch_related(Prefetch("next_steps", queryset=LadderStep.objects.only("from_role", "to_role", "kind").order_by("pk")))
            .order_by("track__order", "track__slug", "order", "slug")
        )

    def with_scoring_data(self):
        """Roles with their facet levels and salary bands, for ranking matches."""
        return self.prefetch_related(
            "facets", "salary_bands", "education_paths", "previous_steps__from_role__education_paths"
        ).order_by("slug")

    def matching(self, *, track=None, education=None, remote=None, patient_contact=None, salary_floor=None):
        """Filter by the directory's filters; each argument None means 'any'.

        education: highest entry education the seeker is prepared for (roles needing at most it).
        remote: the least remote potential wanted (that level or more).
        patient_contact: the most patient contact wanted (that level or less).
        salary_floor: the lowest entry salary wanted, USD per year.
        """
        qs = self
        if track:
            qs = qs.in_track(track)
        if education in EDUCATION_ORDER:
            allowed = EDUCATION_ORDER[: EDUCATION_ORDER.index(education) + 1]
            qs = qs.filter(entry_education__in=allowed)
        if remote in LEVEL_ORDER:
            qs = qs.filter(remote_level__in=LEVEL_ORDER[LEVEL_ORDER.index(remote) :])
        if patient_contact in LEVEL_ORDER:
            qs = qs.filter(patient_contact_level__in=LEVEL_ORDER[: LEVEL_ORDER.index(patient_contact) + 1])
        if salary_floor:
            qs = qs.filter(entry_salary__gte=salary_floor)
        return qs

    def search(self, query: str):
        """Roles whose name or job-title aliases match the query, best match first.

        Score: 3 per term in the name, 1 per term in any alias, plus 5 when the whole phrase
        appears in the name or an alias. Ties keep the directory order.
        """
        terms = search_terms(query)
        if not terms:
            return self
        phrase = " ".join(_WORD.findall(query.lower()))
        score = Value(0)
        for term in terms:
            score = score + Case(When(name__icontains=term, then=Value(3)), default=Value(0))
            score = score + Case(When(search_text__contains=term, then=Value(1)), default=Value(0))
        score = score + Case(When(search_text__contains=phrase, then=Value(5)), default=Value(0))
        return (
            self.annotate(match_score=models.ExpressionWrapper(score, output_field=IntegerField()))
            .filter(match_score__gt=0)
            .order_by("-match_score", "track__order", "order", "slug")
        )


class CertificationQuerySet(models.QuerySet):
    def renamed_from(self, slug: str):
        """The certification whose old page address was `slug` (e.g. ctr -> ods), or None."""
        return next((c for c in self.only("slug", "former_slugs") if slug in c.former_slugs), None)

    def for_directory(self):
        return self.select_related("body").order_by("body__abbreviation", "abbreviation")

    def with_details(self):
        from careers.models import Role

        return self.select_related("body").prefetch_related(
            "facts",
            Prefetch("roles", queryset=Role.objects.order_by("name").distinct()),
            "education_paths",
        )




class TrackQuerySet(models.QuerySet):
    def with_role_counts(self):
        return self.annotate(role_count=models.Count("roles")).order_by("order", "slug")


class SourceQuerySet(models.QuerySet):
    def for_keys(self, keys):
        """The sources with these ids, in the order given (one query)."""
        keys = list(dict.fromkeys(keys))
        found = {s.key: s for s in self.filter(key__in=keys)}
        return [found[k] for k in keys if k in found]


class DirectoryQuerySet(models.QuerySet):
    def for_role(self, role):
        """Directories for every role, plus those tied to a credential the role lists or its
        routes open (role loaded by with_details(): no extra query for the credentials)."""
        certs = {rc.certification_id for rc in role.role_certifications.all()}
        return self.filter(Q(for_all_roles=True) | Q(certifications__in=certs)).distinct().order_by("order", "slug")
