"""The catalogue of HIM roles and what each requires.

Every figure a page shows (a salary, a fee, a duration) is stored with its status, its year or
vintage and its sources, so the page can show them beside it.
"""

import re

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from careers.querysets import (
    CertificationQuerySet,
    DirectoryQuerySet,
    RoleQuerySet,
    SourceQuerySet,
    TrackQuerySet,
)
from core.i18n_content import Localized
from core.vocabulary import FACET_LABELS, WORK_FACETS

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class Status(models.TextChoices):
    OFFICIAL = "official", _("Official")
    SECONDARY = "secondary", _("Secondary source")
    ESTIMATE = "estimate", _("Estimate")
    PROXY = "proxy", _("Proxy")
    DERIVED = "derived", _("Derived")
    UNCONFIRMED = "unconfirmed", _("Unconfirmed")


class CareerLevel(models.TextChoices):
    """Where a role sits on the career map (a ladder step "up" never goes to a lower level)."""

    ENTRY = "entry", _("Entry level")
    EXPERIENCED = "experienced", _("Experienced")
    ADVANCED = "advanced", _("Advanced or specialist")
    LEADERSHIP = "leadership", _("Leadership")


CAREER_LEVEL_RANK = {value: rank for rank, value in enumerate(CareerLevel.values)}


class Level(models.TextChoices):
    NONE = "none", _("None")
    LOW = "low", _("Low")
    MODERATE = "moderate", _("Moderate")
    HIGH = "high", _("High")


class EducationLevel(models.TextChoices):
    HIGH_SCHOOL = "high-school", _("High school diploma")
    CERTIFICATE = "certificate", _("Postsecondary certificate")
    ASSOCIATE = "associate", _("Associate degree")
    BACHELOR = "bachelor", _("Bachelor's degree")
    MASTER = "master", _("Master's degree")


EDUCATION_RANK = {value: rank for rank, value in enumerate(EducationLevel.values)}


# The work facets come from the one vocabulary the scoring also uses (core/vocabulary.py).
Facet = models.TextChoices("Facet", [(f.upper(), (f, _(FACET_LABELS[f]))) for f in WORK_FACETS])


class SourcedFact(Localized, models.Model):
    """A shown value with its status, vintage and sources (abstract)."""

    translated_fields = ("text", "year", "note")

    text = models.TextField()
    text_es = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices)
    year = models.CharField(max_length=120, blank=True)
    year_es = models.CharField(max_length=120, blank=True, help_text="Only when the year holds English words")
    note = models.TextField(blank=True)
    note_es = models.TextField(blank=True)
    source_ids = models.JSONField(default=list, blank=True, help_text="Ids from the source register, e.g. [\"S02\"]")

    class Meta:
        abstract = True


class Source(models.Model):
    key = models.CharField(max_length=20, unique=True)
    title = models.TextField()
    url = models.CharField(max_length=600, blank=True)
    year = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=12)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["key"]

    def __str__(self):
        return f"{self.key}: {self.title}"

    def natural_key(self):
        return (self.key,)


class Track(Localized, models.Model):
    translated_fields = ("name", "summary")

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    name_es = models.CharField(max_length=160, blank=True)
    summary = models.TextField(blank=True)
    summary_es = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    objects = TrackQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name


class Role(Localized, models.Model):
    translated_fields = (
        "name", "full_name", "plural", "summary", "typical_day", "tasks", "settings", "pros", "cons", "checklist",
        "patient_contact_text", "onet_title", "onet_note", "crosswalk_note", "interest_note", "salary_basis",
    )  # fmt: skip
    translated_json = (
        "remote", "entry_education_fact", "experience_fact", "outlook", "skills", "tools", "tech_change", "salary_history",
    )  # fmt: skip

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    name_es = models.CharField(max_length=160, blank=True)
    full_name = models.CharField(max_length=200, blank=True)
    full_name_es = models.CharField(max_length=260, blank=True)
    plural = models.CharField(max_length=120)
    plural_es = models.CharField(max_length=160, blank=True)
    track = models.ForeignKey(Track, on_delete=models.PROTECT, related_name="roles")
    order = models.PositiveSmallIntegerField(default=0)
    level = models.CharField(max_length=12, choices=CareerLevel.choices, default=CareerLevel.ENTRY)
    summary = models.TextField()
    summary_es = models.TextField(blank=True)
    typical_day = models.TextField()
    typical_day_es = models.TextField(blank=True)
    tasks = models.JSONField(default=list)
    tasks_es = models.JSONField(default=list, blank=True)
    settings = models.JSONField(default=list)
    settings_es = models.JSONField(default=list, blank=True)
    pros = models.JSONField(default=list)
    pros_es = models.JSONField(default=list, blank=True)
    cons = models.JSONField(default=list)
    cons_es = models.JSONField(default=list, blank=True)
    checklist = models.JSONField(default=list)
    checklist_es = models.JSONField(default=list, blank=True)
    remote_level = models.CharField(max_length=10, choices=Level.choices)
    remote = models.JSONField(default=dict, help_text="Fact: text, status, year, sources")
    patient_contact_level = models.CharField(max_length=10, choices=Level.choices)
    patient_contact_text = models.TextField(blank=True)
    patient_contact_text_es = models.TextField(blank=True)
    entry_education = models.CharField(max_length=12, choices=EducationLevel.choices)
    entry_education_fact = models.JSONField(default=dict)
    onet_code = models.CharField(max_length=12, blank=True)
    onet_title = models.CharField(max_length=200, blank=True)
    onet_title_es = models.CharField(max_length=260, blank=True, help_text="Only when there is no O*NET title, only our words")
    onet_match = models.CharField(max_length=10, blank=True)
    onet_note = models.TextField(blank=True)
    onet_note_es = models.TextField(blank=True)
    crosswalk_note = models.TextField(blank=True)
    crosswalk_note_es = models.TextField(blank=True)
    interest_code = models.CharField(max_length=12, help_text="O*NET code the interest scores come from")
    interest_r = models.DecimalField(max_digits=3, decimal_places=2)
    interest_i = models.DecimalField(max_digits=3, decimal_places=2)
    interest_a = models.DecimalField(max_digits=3, decimal_places=2)
    interest_s = models.DecimalField(max_digits=3, decimal_places=2)
    interest_e = models.DecimalField(max_digits=3, decimal_places=2)
    interest_c = models.DecimalField(max_digits=3, decimal_places=2)
    holland_code = models.CharField(max_length=3)
    interest_status = models.CharField(max_length=12, choices=Status.choices)
    is_synthesis = models.BooleanField(default=False)
    interest_note = models.TextField(blank=True)
    interest_note_es = models.TextField(blank=True)
    salary_basis = models.TextField(blank=True)
    salary_basis_es = models.TextField(blank=True)
    salary_history = models.JSONField(default=list, blank=True)
    entry_salary = models.PositiveIntegerField(default=0, help_text="Entry band, for filtering")
    experience_months = models.PositiveSmallIntegerField(
        default=0, help_text="Usual work in another role before this one is open to you (months)"
    )
    experience_fact = models.JSONField(default=dict, blank=True, help_text="Fact: text, status, year, sources")
    outlook = models.JSONField(default=dict, blank=True, help_text="BLS Employment Projections for the role's occupation")
    bright_outlook = models.BooleanField(default=False)
    skills = models.JSONField(default=list, blank=True, help_text="[{text, kind: hard|soft, sources}]; no sources = our synthesis")
    tools = models.JSONField(default=list, blank=True, help_text="[{name, use, sources}]; no sources = our synthesis")
    tech_change = models.JSONField(default=dict, blank=True, help_text="Fact: text, as_of, status, sources")
    search_text = models.TextField(blank=True, editable=False, help_text="Lower-cased name and aliases")

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["track__order", "order", "slug"]
        constraints = [
            *(
                models.CheckConstraint(
                    condition=Q(**{f"interest_{d}__gte": 1}) & Q(**{f"interest_{d}__lte": 7}),
                    name=f"role_interest_{d}_1_to_7",
                )
                for d in "riasec"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("careers:role_detail", args=[self.slug])

    @property
    def interests(self) -> dict[str, float]:
        return {d.upper(): float(getattr(self, f"interest_{d}")) for d in "riasec"}

    @classmethod
    def parse_slug_list(cls, raw: str, *, limit: int) -> list[str]:
        """Split "a,b,c" into distinct valid-looking slugs, at most `limit` of them."""
        slugs = [s.strip().lower() for s in raw.split(",")]
        return list(dict.fromkeys(s for s in slugs if _SLUG.fullmatch(s)))[:limit]

    def source_keys(self) -> list[str]:
        """Every source id cited on this role's page, in page order (uses prefetched bands)."""
        keys = [
            *self.remote.get("sources", []),
            *self.entry_education_fact.get("sources", []),
            *self.experience_fact.get("sources", []),
            *self.outlook.get("sources", []),
            *self.tech_change.get("sources", []),
        ]
        for item in [*self.skills, *self.tools]:
            keys.extend(item.get("sources", []))
        for band in self.salary_bands.all():
            keys.extend(band.source_ids)
        for fact in self.salary_history:
            keys.extend(fact.get("sources", []))
        return list(dict.fromkeys(keys))

    @property
    def months_to_first_job(self) -> int | None:
        """Shortest usual time before this job: the shortest route plus any usual prior work
        (see careers.durations, which every page uses to word it)."""
        from careers.durations import first_job

        return first_job(self).months


class RoleAlias(models.Model):
    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="aliases")
    title = models.CharField(max_length=160)

    class Meta:
        ordering = ["title"]
        constraints = [models.UniqueConstraint(fields=["role", "title"], name="unique_role_alias")]

    def __str__(self):
        return self.title


class RoleFacet(Localized, models.Model):
    translated_fields = ("reason",)

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=24, choices=Facet.choices)
    level = models.PositiveSmallIntegerField()
    reason = models.TextField()
    reason_es = models.TextField(blank=True)

    class Meta:
        ordering = ["role", "facet"]
        constraints = [
            models.UniqueConstraint(fields=["role", "facet"], name="unique_role_facet"),
            models.CheckConstraint(condition=Q(level__gte=1, level__lte=5), name="role_facet_level_1_to_5"),
        ]

    def __str__(self):
        return f"{self.role}: {self.get_facet_display()} {self.level}"


class SalaryBand(SourcedFact):
    class BandLevel(models.TextChoices):
        ENTRY = "entry", _("Entry")
        EXPERIENCED = "experienced", _("Experienced")
        SENIOR = "senior", _("Senior")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="salary_bands")
    level = models.CharField(max_length=12, choices=BandLevel.choices)
    amount = models.PositiveIntegerField(help_text="USD per year")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role", "order"]
        constraints = [
            models.UniqueConstraint(fields=["role", "level"], name="unique_role_salary_level"),
            models.CheckConstraint(condition=Q(amount__gte=1000, amount__lte=1_000_000), name="salary_amount_plausible"),
        ]

    def __str__(self):
        return f"{self.role} {self.level}: ${self.amount:,}"


class CertifyingBody(Localized, models.Model):
    translated_fields = ("name", "summary")
    translated_json = ("facts",)

    slug = models.SlugField(unique=True)
    abbreviation = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    name_es = models.CharField(max_length=260, blank=True, help_text="Only when the name holds English words besides the body's own name")
    summary = models.TextField(blank=True)
    summary_es = models.TextField(blank=True)
    facts = models.JSONField(default=dict, blank=True)
    url = models.URLField(max_length=300, blank=True, help_text="The body's official home page")

    class Meta:
        ordering = ["abbreviation"]
        verbose_name_plural = "certifying bodies"

    def __str__(self):
        return self.abbreviation


class Certification(Localized, models.Model):
    translated_fields = ("name", "summary")

    slug = models.SlugField(unique=True)
    abbreviation = models.CharField(max_length=20)
    name = models.CharField(max_length=200)
    name_es = models.CharField(max_length=260, blank=True, help_text="Only when the name holds English words besides the credential's own name")
    body = models.ForeignKey(CertifyingBody, on_delete=models.PROTECT, related_name="certifications")
    summary = models.TextField(blank=True)
    summary_es = models.TextField(blank=True)
    fee_amount = models.PositiveIntegerField(null=True, blank=True, help_text="Lowest fee in USD, when known")
    url = models.URLField(max_length=300, blank=True, help_text="The credential's page on the body's own site")
    former_names = models.JSONField(default=list, blank=True, help_text="Earlier names people still search for")
    former_slugs = models.JSONField(default=list, blank=True, help_text="Old page addresses that redirect here")
    roles = models.ManyToManyField(Role, through="RoleCertification", related_name="certifications")

    objects = CertificationQuerySet.as_manager()

    class Meta:
        ordering = ["abbreviation"]

    def __str__(self):
        return self.abbreviation

    def get_absolute_url(self):
        return reverse("careers:certification_detail", args=[self.slug])

    def source_keys(self) -> list[str]:
        keys = []
        for fact in self.facts.all():
            keys.extend(fact.source_ids)
        return list(dict.fromkeys(keys))


class CertificationFact(SourcedFact):
    certification = models.ForeignKey(Certification, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=30)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["certification", "order"]
        constraints = [models.UniqueConstraint(fields=["certification", "kind"], name="unique_certification_fact")]

    def __str__(self):
        return f"{self.certification} {self.kind}"

    @property
    def label(self) -> str:
        return self.kind.replace("_", " ").capitalize()


class RoleCertification(Localized, models.Model):
    translated_fields = ("note",)

    class Kind(models.TextChoices):
        REQUIRED = "required", _("Required")
        COMMON = "common", _("Often required by employers")
        PREFERRED = "preferred", _("Preferred")
        SERVES = "serves", _("Relevant")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_certifications")
    certification = models.ForeignKey(Certification, on_delete=models.CASCADE, related_name="role_certifications")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    note = models.TextField(blank=True, help_text="What it takes beyond this role's usual routes")
    note_es = models.TextField(blank=True)

    class Meta:
        ordering = ["role", "kind", "certification__abbreviation"]
        constraints = [models.UniqueConstraint(fields=["role", "certification"], name="unique_role_certification")]

    def __str__(self):
        return f"{self.role} · {self.certification} ({self.kind})"


class EducationPath(Localized, models.Model):
    translated_fields = ("name", "summary", "eligible_for", "not_eligible_for")
    translated_json = ("duration", "cost")

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    name_es = models.CharField(max_length=260, blank=True)
    level = models.CharField(max_length=12, choices=EducationLevel.choices)
    order = models.PositiveSmallIntegerField(default=0)
    summary = models.TextField(blank=True)
    summary_es = models.TextField(blank=True)
    duration = models.JSONField(default=dict, help_text="Fact: text, status, year, sources")
    months_min = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Empty when no source gives it")
    months_max = models.PositiveSmallIntegerField(null=True, blank=True)
    cost = models.JSONField(default=dict, help_text="Fact: text, status, year, sources")
    cost_min = models.PositiveIntegerField(null=True, blank=True)
    cost_max = models.PositiveIntegerField(null=True, blank=True)
    eligible_for = models.JSONField(default=list, blank=True)
    eligible_for_es = models.JSONField(default=list, blank=True)
    not_eligible_for = models.JSONField(default=list, blank=True)
    not_eligible_for_es = models.JSONField(default=list, blank=True)
    certifications = models.ManyToManyField(Certification, blank=True, related_name="education_paths")
    roles = models.ManyToManyField(Role, blank=True, related_name="education_paths")

    class Meta:
        ordering = ["order", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(months_min__isnull=True) | Q(months_max__isnull=True) | Q(months_min__lte=models.F("months_max")),
                name="education_months_min_le_max",
            ),
            models.CheckConstraint(
                condition=Q(cost_min__isnull=True) | Q(cost_max__isnull=True) | Q(cost_min__lte=models.F("cost_max")),
                name="education_cost_min_le_max",
            ),
        ]

    def __str__(self):
        return self.name


class LadderStep(Localized, models.Model):
    translated_fields = ("note",)

    class Kind(models.TextChoices):
        UP = "up", _("Step up")
        SIDEWAYS = "sideways", _("Sideways move")

    from_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="next_steps")
    to_role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="previous_steps")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    note = models.TextField(blank=True)
    note_es = models.TextField(blank=True)

    class Meta:
        ordering = ["from_role", "to_role"]
        constraints = [
            models.UniqueConstraint(fields=["from_role", "to_role"], name="unique_ladder_step"),
            models.CheckConstraint(condition=~Q(from_role=models.F("to_role")), name="ladder_step_not_self"),
        ]

    def __str__(self):
        return f"{self.from_role} → {self.to_role}"


class Directory(Localized, models.Model):
    """An official directory of programs or jobs (CAHIIM, CareerOneStop, ...) a role page links to."""

    translated_fields = ("name", "summary")

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    name_es = models.CharField(max_length=260, blank=True)
    url = models.URLField(max_length=300)
    summary = models.TextField(blank=True)
    summary_es = models.TextField(blank=True)
    for_all_roles = models.BooleanField(default=False)
    certifications = models.ManyToManyField(Certification, blank=True, related_name="directories")
    order = models.PositiveSmallIntegerField(default=0)

    objects = DirectoryQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name_plural = "directories"

    def __str__(self):
        return self.name


class GlossaryTerm(Localized, models.Model):
    """A word the site uses that a newcomer may not know."""

    translated_fields = ("term", "expansion", "definition")

    slug = models.SlugField(unique=True)
    term = models.CharField(max_length=80)
    term_es = models.CharField(max_length=120, blank=True, help_text="Only for a word; abbreviations stay")
    expansion = models.CharField(max_length=200, blank=True, help_text="What an abbreviation stands for")
    expansion_es = models.CharField(max_length=260, blank=True)
    definition = models.TextField()
    definition_es = models.TextField(blank=True)
    source_ids = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["term"]

    def __str__(self):
        return self.term
