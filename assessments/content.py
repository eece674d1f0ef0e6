"""Load the questionnaire's dimensions, facets and items from fixtures/content/items.yaml.

Idempotent like the catalogue loader: codes and slugs are natural keys.
"""

from pathlib import Path

from django.db import transaction

from assessments.models import Dimension, Facet, Item
from careers.content import ContentError, Report, prune, read_yaml, sync_one
from core.vocabulary import DIMENSIONS, QUESTION_FACETS


@transaction.atomic
def load_items(path: Path) -> Report:
    if path.is_dir():
        path = path / "items.yaml"
    data = read_yaml(path)
    report = Report()
    scale = data.get("scale") or {}
    if (scale.get("min"), scale.get("max")) != (1, 5):
        raise ContentError("items.yaml: the scale must run from 1 to 5")
    if scale.get("labels_es") and len(scale["labels_es"]) != len(scale.get("labels") or []):
        raise ContentError("items.yaml: scale.labels_es: the Spanish labels must line up with the English ones")

    dims = {}
    for row in data["dimensions"]:
        if row["code"] not in DIMENSIONS:
            raise ContentError(f"items.yaml: unknown dimension {row['code']!r}")
        dims[row["code"]] = sync_one(
            report,
            Dimension,
            {"code": row["code"]},
{
                "name": row["name"],
                "name_es": row.get("name_es", ""),
                "nickname": row.get("nickname", ""),
                "nickname_es": row.get("nickname_es", ""),
                "summary": row.get("summary", ""),
                "summary_es": row.get("summary_es", ""),
                "order": int(row.get("order", 0)),
            },
        )
    facets = {}
    for row in data["facets"]:
        if row["slug"] not in QUESTION_FACETS:
            raise ContentError(f"items.yaml: unknown facet {row['slug']!r}")
        facets[row["slug"]] = sync_one(
            report,
            Facet,
            {"slug": row["slug"]},
{
                "name": row["name"],
                "name_es": row.get("name_es", ""),
                "summary": row.get("summary", ""),
                "summary_es": row.get("summary_es", ""),
                "order": int(row.get("order", 0)),
            },
        )
    keep = []
    for row in data["items"]:
        dimension = dims.get(row.get("dimension")) if row.get("dimension") else None
        facet = facets.get(row.get("facet")) if row.get("facet") else None
        if (dimension is None) == (facet is None):
            raise ContentError(f"items.yaml {row.get('code')}: give exactly one known dimension or facet")
        keep.append(
            sync_one(
                report,
                Item,
                {"code": row["code"]},
                {"text": row["text"], "text_es": row.get("text_es", ""), "dimension": dimension, "facet": facet, "order": int(row.get("order", 0)), "active": True},
            ).pk
        )
    prune(report, Item.objects.all(), keep)
    prune(report, Facet.objects.all(), [f.pk for f in facets.values()])
    prune(report, Dimension.objects.all(), [d.pk for d in dims.values()])
    return report
