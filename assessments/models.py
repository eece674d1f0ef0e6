"""The questionnaire and the role matches it produces."""

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connections, models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.i18n_content import Localized

# Join codes avoid look-alike characters (0/O, 1/I/L, 5/S, 2/Z, 8/B) so they can be read aloud.
JOIN_CODE_ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY"
JOIN_CODE_LENGTH = 8


def new_result_token() -> str:
    """An unguessable link token: 256 random bits, URL-safe (43 characters)."""
    return secrets.token_urlsafe(32)


def new_join_code() -> str:
    """Eight characters from a 25-letter alphabet: about 37 bits, shown as XXXX-XXXX."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


class Dimension(Localized, models.Model):
    translated_fields = ("name", "nickname", "summary")

    code = models.CharField(max_length=1, unique=True)
    name = models.CharField(max_length=40)
    name_es = models.CharField(max_length=60, blank=True)
    nickname = models.CharField(max_length=40, blank=True)
    nickname_es = models.CharField(max_length=60, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    summary_es = models.CharField(max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.code} {self.name}"


class Facet(Localized, models.Model):
    translated_fields = ("name", "summary")

    slug = models.SlugField(max_length=24, unique=True)
    name = models.CharField(max_length=80)
    name_es = models.CharField(max_length=120, blank=True)
    summary = models.CharField(max_length=300, blank=True)
    summary_es = models.CharField(max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class ItemQuerySet(models.QuerySet):
    def for_form(self):
        """Active items in the order they are shown, with their dimension or facet: one query."""
        return self.filter(active=True).select_related("dimension", "facet").order_by("order", "code")


class Item(Localized, models.Model):
    translated_fields = ("text",)

    code = models.CharField(max_length=8, unique=True)
    text = models.CharField(max_length=200)
    text_es = models.CharField(max_length=300, blank=True)
    dimension = models.ForeignKey(Dimension, null=True, blank=True, on_delete=models.PROTECT, related_name="items")
    facet = models.ForeignKey(Facet, null=True, blank=True, on_delete=models.PROTECT, related_name="items")
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(dimension__isnull=False) & Q(facet__isnull=True))
                | (Q(dimension__isnull=True) & Q(facet__isnull=False)),
                name="item_has_dimension_xor_facet",
            )
        ]

    def __str__(self):
        return f"{self.code}: {self.text}"

    @property
    def stage(self) -> int:
        return 1 if self.dimension_id else 2


class CounselorProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="counselor_profile")
    school = models.CharField(max_length=200, blank=True)

    def __str__(self):
        return f"{self.user} ({self.school})" if self.school else str(self.user)


class CohortQuerySet(models.QuerySet):
    def owned_by(self, user):
        return self.filter(counselor=user)

    def open_with_code(self, code: str):
        """The open cohort with this join code (already normalised), or None."""
        return self.filter(join_code=code, is_open=True).first()

    def with_result_counts(self):
        return self.annotate(result_count=models.Count("results"))

    def expired(self, cutoff: datetime):
        """Closed cohorts made before ``cutoff`` that hold no results any more (each result
        expires on its own date, so removing a cohort never removes a result early)."""
        return self.filter(is_open=False, created__lt=cutoff, results__isnull=True)


class Cohort(models.Model):
    counselor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=120)
    join_code = models.CharField(max_length=JOIN_CODE_LENGTH, unique=True, default=new_join_code)
    created = models.DateTimeField(auto_now_add=True)
    is_open = models.BooleanField(default=True, help_text="Students can join while open")

    objects = CohortQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assessments:cohort_detail", args=[self.pk])

    @property
    def join_code_display(self) -> str:
        half = JOIN_CODE_LENGTH // 2
        return f"{self.join_code[:half]}-{self.join_code[half:]}"


class ResultQuerySet(models.QuerySet):
    def by_token(self, token: str):
        return self.filter(token=token)

    def in_cohort(self, cohort):
        return self.filter(cohort=cohort).order_by("-created")

    def of_counselor(self, user):
        """Results in any of this counselor's cohorts."""
        return self.filter(cohort__counselor=user)

    def expired(self, cutoff: datetime):
        """Results made before ``cutoff`` (see retention_cutoff())."""
        return self.filter(created__lt=cutoff)


def retention_cutoff(now: datetime | None = None) -> datetime:
    """Results made before this moment are past RESULT_RETENTION_DAYS and due for removal."""
    return (now or timezone.now()) - timedelta(days=settings.RESULT_RETENTION_DAYS)


@dataclass(frozen=True)
class PageState:
    """What a result's stored pages depend on, read by ``Result.objects.page_state()``."""

    pk: int
    token: str
    hidden: list  # the slugs marked "not for me", in the order marked
    tries: str | None  # every work-sample try attached, with its rating ("12:coding:4,15:billing:0")


class ResultManager(models.Manager.from_queryset(ResultQuerySet)):
    def page_state(self, token: str) -> PageState | None:
        """The result with this token, or None, holding only what its stored page depends on
        besides the content and the language: its token, the matches marked "not for me", and
        ``tries``, every work-sample try attached to it with its rating ("12:coding:4,15:billing:0",
        in no set order) or None. The rest of the row is read only when the page is rendered.

        One small query, in SQL, read with a plain cursor: it runs on every view of a result's
        pages, stored or not, and the ORM (even ``raw()``) took longer to build the query and the
        model instance than the query takes to run."""
        connection = connections[self.db]
        attempts = self.model._meta.get_field("worksample_attempts").related_model._meta.db_table
        each = "CAST(a.id AS text) || ':' || a.sample || ':' || CAST(COALESCE(a.enjoyment, 0) AS text)"
        joined = f"STRING_AGG({each}, ',')" if connection.vendor == "postgresql" else f"GROUP_CONCAT({each}, ',')"
        table = self.model._meta.db_table
        sql = (
            f"SELECT r.id, r.token, r.hidden, (SELECT {joined} FROM {attempts} a WHERE a.result_id = r.id) AS tries "  # noqa: S608 (table names from the models)
            f"FROM {table} r WHERE r.token = %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [token])
            row = cursor.fetchone()
        if row is None:
            return None
        pk, token, hidden, tries = row
        return PageState(pk, token, self.model._meta.get_field("hidden").from_db_value(hidden, None, connection), tries)


class Result(models.Model):
    """One submitted questionnaire: the answers and what they produced. No personal data."""

    token = models.CharField(max_length=64, unique=True, default=new_result_token, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    answers = models.JSONField()
    profile = models.JSONField(help_text="RIASEC 0-100, facet levels, Holland code, flat flag")
    matches = models.JSONField(help_text="Every role, best first: slug, fit, band, reasons")
    hidden = models.JSONField(default=list, blank=True, help_text="Role slugs marked 'not for me'")
    scoring_model = models.CharField(max_length=8, default="1", help_text="Version of the scoring model that computed the matches")
    summary = models.JSONField(default=dict, blank=True, help_text="Close call and stability of the first match, as computed then")
    # A result in a class goes with the class: a display name never outlives its cohort.
    cohort = models.ForeignKey(Cohort, null=True, blank=True, on_delete=models.CASCADE, related_name="results")
    display_name = models.CharField(max_length=40, blank=True, help_text="Initials or a first name, only with a cohort")

    objects = ResultManager()

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Result {self.pk} ({self.created:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("assessments:result", args=[self.token])

    @property
    def holland_code(self) -> str:
        return self.profile.get("holland_code", "")

    @property
    def kept_until(self) -> datetime:
        """When purge_expired may remove this result (RESULT_RETENTION_DAYS after it was made)."""
        return self.created + timedelta(days=settings.RESULT_RETENTION_DAYS)

    def top_slugs(self, n: int = 3) -> list[str]:
        return [m["role"] for m in self.matches if m["role"] not in self.hidden][:n]
