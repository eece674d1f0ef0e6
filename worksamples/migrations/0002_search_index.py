"""Full-text search on code descriptions and inclusion terms, in each database's own way.

PostgreSQL: a stored tsvector column (description weight A, inclusion terms weight B) with a GIN
index. It is not a model field: the database fills it, and worksamples.search reads it.
SQLite: an external-content FTS5 table over the same two columns, rebuilt after each load.
"""

from django.db import migrations

PG_FORWARD = [
    """ALTER TABLE worksamples_icdentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(terms, '')), 'B')
    ) STORED""",
    "CREATE INDEX worksamples_icdentry_search_gin ON worksamples_icdentry USING gin (search_vector)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS worksamples_icdentry_search_gin",
    "ALTER TABLE worksamples_icdentry DROP COLUMN IF EXISTS search_vector",
]
SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE worksamples_icd_fts USING fts5(
        description, terms, content='worksamples_icdentry', content_rowid='id',
        tokenize='porter unicode61'
    )""",
    "INSERT INTO worksamples_icd_fts(worksamples_icd_fts) VALUES('rebuild')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS worksamples_icd_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("worksamples", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}),
            elidable=False,
        )
    ]
