"""Read-only JSON API over the ICD-10-CM code set (django-ninja router)."""

import re

from django.http import Http404
from ninja import Query, Router, Schema
from pydantic import Field

from worksamples.codeset import ATTRIBUTION
from worksamples.models import IcdEntry
from worksamples.normalise import normalise_code

router = Router(tags=["ICD-10-CM"])
_CODE_CHARS = re.compile(r"[A-Za-z0-9.-]{1,16}")


class CodeSummaryOut(Schema):
    code: str
    description: str
    kind: str
    billable: bool
    chapter: str


class CodeOut(CodeSummaryOut):
    parent: str
    inclusion_terms: list[str]
    includes: list[str]
    excludes1: list[str]
    excludes2: list[str]
    code_also: str
    code_first: str
    use_additional_code: str
    notes: str
    seven_chr_note: str
    source: str


class SearchOut(Schema):
    query: str
    results: list[CodeSummaryOut]
    source: str


class SearchParams(Schema):
    q: str = Field(..., max_length=200, description="Words from a diagnosis, or the start of a code")
    limit: int = Field(20, ge=1, le=50)


def _summary(e: IcdEntry) -> dict:
    return {"code": e.code, "description": e.description, "kind": e.kind, "billable": e.billable, "chapter": e.chapter}


# Declared before /{code} so that "search" is not taken for a code.
@router.get("/search", response=SearchOut, summary="Search descriptions and inclusion terms, best first")
def search_codes(request, params: Query[SearchParams]):
    rows = IcdEntry.objects.search(params.q, limit=params.limit)
    return {"query": params.q, "results": [_summary(e) for e in rows], "source": ATTRIBUTION}


@router.get("/{code}", response=CodeOut, summary="One code, block or chapter with its notes", url_name="icd10cm_code")
def get_code(request, code: str):
    # Anything but letters, digits, dots and dashes is a plain 404 before the database sees it
    # (PostgreSQL refuses NUL bytes in text).
    if not _CODE_CHARS.fullmatch(code):
        raise Http404
    entry = IcdEntry.objects.with_code(normalise_code(code)).first()
    if entry is None:
        raise Http404
    return {
        **_summary(entry),
        "parent": entry.parent,
        "inclusion_terms": entry.inclusion_terms,
        "includes": entry.includes,
        "excludes1": entry.excludes1,
        "excludes2": entry.excludes2,
        "code_also": entry.code_also,
        "code_first": entry.code_first,
        "use_additional_code": entry.use_additional_code,
        "notes": entry.notes,
        "seven_chr_note": entry.seven_chr_note,
        "source": ATTRIBUTION,
    }
