"""Load the reference content (fixtures/content/*.yaml) into the catalogue.

Two phases. First every file is read and checked against the schemas in careers.content_schema
and the cross-file rules in careers.content_checks; any problem raises ContentError naming the
file and field, and nothing has been written. Then the rows are synced in one transaction:
matched on natural keys, updated only when a value differs, removed when the files no longer
list them. Running it twice changes nothing the second time.

Public names other apps may use: ContentError, Report, read_yaml, sync_one, prune, sync_m2m,
load_content, parse_content.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Model
from pydantic import TypeAdapter, ValidationError

from careers import content_schema as s
from core.i18n_content import raw_content


class ContentError(ValueError):
    """The content files are malformed; the message says which file and field."""


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)

    def add(self, model, action: str, n: int = 1):  # noqa: D102
        if n:
            self.counts[(model.__name__, action)] += n

    @property
    def changes(self) -> int:
        return sum(n for (_, action), n in self.counts.items() if action != "unchanged")

    def lines(self) -> list[str]:
        return [f"{name}: {n} {action}" for (name, action), n in sorted(self.counts.items()) if action != "unchanged"]


def read_yaml(path: Path):
    """The parsed YAML of one file; ContentError (with the file name) when it is not YAML."""
    if not path.exists():
        raise ContentError(f"missing content file {path}")
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise ContentError(f"{path.name}: not valid YAML ({exc})") from exc


def validate(schema, data, where: str):
    """Parse data with a pydantic type; ContentError naming file and field on failure."""
    try:
        return TypeAdapter(schema).validate_python(data)
    except ValidationError as exc:
        raise ContentError(s.describe(exc, where)) from exc


def sync_one(report: Report, model, lookup: dict, values: dict):
    """Create or update one row; write only when something differs. The row is read as stored
    (English in X, Spanish in X_es), whatever the active language."""
    with raw_content():
        return _sync_one(report, model, lookup, values)


def _sync_one(report: Report, model, lookup: dict, values: dict):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        report.add(model, "created")
        return obj
    changed = [
        k
        for k, v in values.items()
        if (getattr(obj, f"{k}_id") != v.pk if isinstance(v, Model) else getattr(obj, k) != v)
    ]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save(update_fields=changed)
        report.add(model, "updated")
    else:
        report.add(model, "unchanged")
    return obj


def prune(report: Report, queryset, keep_pks):
    """Delete the rows of queryset not in keep_pks."""
    stale = queryset.exclude(pk__in=keep_pks)
    n = stale.count()
    if n:
        stale.delete()
        report.add(queryset.model, "deleted", n)


def sync_m2m(report: Report, manager, wanted):
    current = set(manager.all())
    wanted = set(wanted)
    if current != wanted:
        manager.set(wanted)
        report.add(manager.model, "relinked")


@dataclass
class Content:
    """Every content file, parsed and checked, keyed by natural key."""

    sources: list[s.Source]
    tracks: list[s.Track]
    bodies: list[s.Body]
    roles: dict[str, s.Role]
    certifications: list[s.Certification]
    education: list[s.EducationPath]
    ladder: list[s.LadderStep]
    directories: list[s.Directory]
    glossary: list[s.GlossaryTerm]


def _optional(root: Path, name: str):
    path = root / name
    return read_yaml(path) or [] if path.exists() else []


def parse_content(root: Path) -> Content:
    """Read and validate every file under root; raise ContentError on the first bad file."""
    role_files = sorted((root / "roles").glob("*.yaml"))
    if not role_files:
        raise ContentError("no role files in roles/")
    roles = {}
    for path in role_files:
        where = f"roles/{path.name}"
        role = validate(s.Role, read_yaml(path), where)
        if role.slug != path.stem:
            raise ContentError(f"{where}: slug: must equal the file name ({path.stem!r})")
        roles[role.slug] = role
    content = Content(
        sources=validate(list[s.Source], read_yaml(root / "sources.yaml"), "sources.yaml"),
        tracks=validate(list[s.Track], read_yaml(root / "tracks.yaml"), "tracks.yaml"),
        bodies=validate(list[s.Body], read_yaml(root / "bodies.yaml"), "bodies.yaml"),
        roles=roles,
        certifications=validate(list[s.Certification], read_yaml(root / "certifications.yaml"), "certifications.yaml"),
        education=validate(list[s.EducationPath], read_yaml(root / "education.yaml"), "education.yaml"),
        ladder=validate(list[s.LadderStep], read_yaml(root / "ladder.yaml"), "ladder.yaml"),
        directories=validate(list[s.Directory], _optional(root, "directories.yaml"), "directories.yaml"),
        glossary=validate(list[s.GlossaryTerm], _optional(root, "glossary.yaml"), "glossary.yaml"),
    )
    from careers.content_checks import check_references

    problems = check_references(content)
    if problems:
        raise ContentError("\n".join(problems))
    return content


def load_content(root: Path) -> Report:
    """Load every content file under root into the catalogue; return what changed.

    Refuses (ContentError) before writing anything when a file is malformed or refers to
    something that does not exist; the consistency rules of `check_content` run too.
    """
    from careers.content_checks import check_consistency
    from careers.content_sync import Syncer

    content = parse_content(root)
    problems = check_consistency(content)
    if problems:
        raise ContentError("\n".join(problems))
    with transaction.atomic(), raw_content():
        return Syncer(content).run()
