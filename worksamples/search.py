"""Ranked search over code descriptions and inclusion terms.

PostgreSQL: full-text search (``websearch_to_tsquery``, ``ts_rank``) on a stored, weighted
tsvector column with a GIN index (descriptions weigh more than inclusion terms). SQLite: an
FTS5 table with BM25 ranking. Both are made by migration 0002; a query that looks like a code
("S62.1", "s621") lists the codes that start with it instead.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from worksamples.normalise import looks_like_code, normalise_code

FTS_TABLE = "worksamples_icd_fts"
MAX_QUERY = 200
_WORD = re.compile(r"[a-z0-9]+")
# FTS5 has no stop words; these words carry no meaning in a descriptor search.
_STOP = frozenset("a an and as at by for from in into of on or the to with without".split())


def _words(query: str) -> list[str]:
    return [w for w in _WORD.findall(query.lower()[:MAX_QUERY]) if w not in _STOP][:12]


def _by_code_prefix(qs: QuerySet, query: str, limit: int) -> list:
    prefix = normalise_code(query)
    return list(qs.codes().filter(code__startswith=prefix).order_by("position")[:limit])


def _postgres(qs: QuerySet, query: str, limit: int) -> list:
    vector = RawSQL('"worksamples_icdentry"."search_vector"', [], output_field=SearchVectorField())
    search = SearchQuery(query[:MAX_QUERY], config="english", search_type="websearch")
    return list(
        qs.annotate(vector=vector, rank=SearchRank(vector, search, normalization=1))
        .filter(vector=search)
        .order_by("-rank", "position")[:limit]
    )




def _sqlite(qs: QuerySet, query: str, limit: int) -> list:
    words = _words(query)
    if not words:
        return []
    # Each word quoted: user text never becomes FTS5 syntax. A trailing * matches word starts.
    match = " ".join(f'"{w}"*' for w in words)
    sql = (
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "  # noqa: S608
        f"ORDER BY bm25({FTS_TABLE}, 10.0, 4.0) LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, limit * 3])
        ids = [row[0] for row in cursor.fetchall()]
    order = {pk: i for i, pk in enumerate(ids)}
    rows = sorted(qs.filter(pk__in=ids), key=lambda e: order[e.pk])
    return rows[:limit]


def search_entries(qs: QuerySet, query: str, *, limit: int = 20) -> list:
    """Up to ``limit`` entries for ``query``, best first; [] for an empty or wordless query."""
    query = (query or "").replace("\x00", "").strip()
    if not query or not _WORD.search(query.lower()):
        return []
    if looks_like_code(query):
        rows = _by_code_prefix(qs, query, limit)
        if rows:
            return rows
    if connection.vendor == "postgresql":
        return _postgres(qs, query, limit)
    return _sqlite(qs, query, limit)
