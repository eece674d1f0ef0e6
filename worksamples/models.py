"""The official ICD-10-CM code set, and the work samples people try.

The code set is reference data loaded from the `simple-icd-10-cm` package by
``manage.py load_icd10cm``; attempts are per person and private like quiz results.
"""

import secrets

from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

CODE_MAX = 16


class EntryKind(models.TextChoices):
    CHAPTER = "chapter", "Chapter"
    BLOCK = "block", "Block"
    CATEGORY = "category", "Category"
    SUBCATEGORY = "subcategory", "Subcategory"
    EXTENSION = "extension", "Code with 7th character"


# A block can share its name with a category (B99, C50, ...): lookups prefer the code.
_KIND_PREFERENCE = Case(
    When(kind=EntryKind.CHAPTER, then=Value(3)),
    When(kind=EntryKind.BLOCK, then=Value(2)),
    default=Value(1),
    output_field=IntegerField(),
)


class IcdEntryQuerySet(models.QuerySet):
    def with_code(self, code: str):
        """Entries named ``code`` (already normalised), codes before a block of the same name."""
        return self.filter(code=code).alias(pref=_KIND_PREFERENCE).order_by("pref")

    def codes(self):
        """Categories and codes only (no chapters or blocks)."""
        return self.exclude(kind__in=[EntryKind.CHAPTER, EntryKind.BLOCK])

    def chapters(self):
        return self.filter(kind=EntryKind.CHAPTER)

    def search(self, query: str, *, limit: int = 20):
        """Entries matching ``query`` best first (see worksamples.search)."""
        from worksamples.search import search_entries

        return search_entries(self, query, limit=limit)


class IcdEntry(models.Model):
    """One entry of the ICD-10-CM tabular list: a chapter, block, category or code."""

    code = models.CharField(max_length=CODE_MAX, db_index=True)
    kind = models.CharField(max_length=12, choices=EntryKind.choices)
    description = models.TextField()
    billable = models.BooleanField(default=False, help_text="Valid on a claim: a leaf of the tabular list")
    chapter = models.CharField(max_length=4, help_text="Chapter number, 1-22")
    parent = models.CharField(max_length=CODE_MAX, blank=True, help_text="Code of the parent entry")
    position = models.PositiveIntegerField(help_text="Order in the tabular list")
    terms = models.TextField(blank=True, help_text="Inclusion terms, one a line (searched with the description)")
    includes = models.JSONField(default=list, blank=True)
    excludes1 = models.JSONField(default=list, blank=True)
    excludes2 = models.JSONField(default=list, blank=True)
    code_also = models.TextField(blank=True)
    code_first = models.TextField(blank=True)
    use_additional_code = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    seven_chr_note = models.TextField(blank=True)

    objects = IcdEntryQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name = "ICD-10-CM entry"
        verbose_name_plural = "ICD-10-CM entries"
        constraints = [models.UniqueConstraint(fields=["code", "kind"], name="icd_entry_code_kind_unique")]

    def __str__(self):
        return f"{self.code} {self.description}"

    @property
    def inclusion_terms(self) -> list[str]:
        return [t for t in self.terms.split("\n") if t]


class CodeSetRelease(models.Model):
    """Which code set release is in the database, so a second load can be skipped."""

    version = models.CharField(max_length=120, unique=True)
    entry_count = models.PositiveIntegerField()
    loaded_at = models.DateTimeField(auto_now=True)
    seconds = models.FloatField(default=0, help_text="How long the load took")

    def __str__(self):
        return self.version


def new_attempt_token() -> str:
    """256 random bits, URL-safe: the private link to one attempt."""
    return secrets.token_urlsafe(32)


class Sample(models.TextChoices):
    CODING = "coding", _("Medical coding")
    BILLING = "billing", _("Medical billing")
    RELEASE = "release", _("Release of information")
    REGISTRY = "registry", _("Cancer registry abstracting")


class AttemptQuerySet(models.QuerySet):
    def by_token(self, token: str):
        return self.filter(token=token)

    def for_results(self, results):
        """Attempts attached to these results, newest first."""
        return self.filter(result__in=results).order_by("-created")


class Attempt(models.Model):
    """One try at a work sample: the answers, the score and how much they enjoyed it."""

    token = models.CharField(max_length=64, unique=True, default=new_attempt_token, editable=False)
    sample = models.CharField(max_length=12, choices=Sample.choices)
    answers = models.JSONField()
    score = models.PositiveSmallIntegerField()
    out_of = models.PositiveSmallIntegerField()
    enjoyment = models.PositiveSmallIntegerField(null=True, blank=True, help_text="1 (not at all) to 5 (very much)")
    result = models.ForeignKey(
        "assessments.Result", null=True, blank=True, on_delete=models.SET_NULL, related_name="worksample_attempts"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__lte=models.F("out_of")), name="attempt_score_within_total"),
            models.CheckConstraint(
                condition=models.Q(enjoyment__isnull=True) | models.Q(enjoyment__gte=1, enjoyment__lte=5),
                name="attempt_enjoyment_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.get_sample_display()} attempt {self.pk}"

    def get_absolute_url(self):
        return reverse("worksamples:attempt", args=[self.token])

    def rate(self, enjoyment: int) -> None:
        self.enjoyment = enjoyment
        self.save(update_fields=["enjoyment"])

    def attach_to(self, result) -> None:
        self.result = result
        self.save(update_fields=["result"])
