"""Load the reference content (fixtures/content/*.yaml) into the catalogue.

Idempotent: rows are matched on natural keys (slugs, source ids, and the (parent, key) pairs of
child rows), updated only when a value differs, and removed when the files no longer list them.
Running it twice changes nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Model

from careers import models as m

STATUSES = set(m.Status.values)
LEVELS = set(m.Level.values)
EDUCATION = set(m.EducationLevel.values)
FACETS = set(m.Facet.values)
CERT_KINDS = ("required", "common", "preferred")


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


def _read(path: Path):
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise ContentError(f"{path.name}: not valid YAML ({exc})") from exc


def _fact(where: str, raw, *, required=True) -> dict:
    """Normalise a fact mapping: text, status, year, note, sources."""
    if raw is None and not required:
        return {}
    if not isinstance(raw, dict) or "text" not in raw:
        raise ContentError(f"{where}: a fact needs at least 'text'")
    status = raw.get("status", "unconfirmed")
    if status not in STATUSES:
        raise ContentError(f"{where}: unknown status {status!r}")
    return {
        "text": str(raw["text"]),
        "status": status,
        "year": str(raw.get("year") or ""),
        "note": str(raw.get("note") or ""),
        "sources": [str(s) for s in raw.get("sources") or []],
    }


def _int_or_none(value):
    return None if value is None else int(value)


def _sync_one(report: Report, model, lookup: dict, values: dict):
    """Create or update one row; write only when something differs."""
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


def _prune(report: Report, queryset, keep_pks):
    stale = queryset.exclude(pk__in=keep_pks)
    n = stale.count()
    if n:
        stale.delete()
        report.add(queryset.model, "deleted", n)


def _sync_m2m(report: Report, manager, wanted):
    current = set(manager.all())
    wanted = set(wanted)
    if current != wanted:
        manager.set(wanted)
        report.add(manager.model, "relinked")


class Loader:
    def __init__(self, root: Path):
        self.root = root
        self.report = Report()
        self.sources: set[str] = set()

    def _file(self, name):
        path = self.root / name
        if not path.exists():
            raise ContentError(f"missing content file {path}")
        return _read(path)

    def _check_sources(self, where: str, fact: dict):
        unknown = [s for s in fact.get("sources", []) if s not in self.sources]
        if unknown:
            raise ContentError(f"{where}: unknown source ids {unknown}")

    @transaction.atomic
    def run(self) -> Report:
        self.load_sources()
        tracks = self.load_tracks()
        bodies = self.load_bodies()
        roles = self.load_roles(tracks)
        certs = self.load_certifications(bodies, roles)
        self.load_role_certifications(roles, certs)
        self.load_education(roles, certs)
        self.load_ladder(roles)
        return self.report

    # --- sources, tracks, bodies -----------------------------------------------------------------
    def load_sources(self):
        keep = []
        for row in self._file("sources.yaml"):
            obj = _sync_one(
                self.report,
                m.Source,
                {"key": str(row["id"])},
                {
                    "title": str(row.get("title", "")),
                    "url": str(row.get("url") or ""),
                    "year": str(row.get("year") or ""),
                    "kind": str(row.get("kind") or ""),
                },
            )
            keep.append(obj.pk)
            self.sources.add(obj.key)
        _prune(self.report, m.Source.objects.all(), keep)

    def load_tracks(self):
        tracks = {}
        for row in self._file("tracks.yaml"):
            obj = _sync_one(
                self.report,
                m.Track,
                {"slug": row["slug"]},
                {"name": row["name"], "summary": row.get("summary", ""), "order": int(row.get("order", 0))},
            )
            tracks[obj.slug] = obj
        return tracks

    def load_bodies(self):
        bodies = {}
        for row in self._file("bodies.yaml"):
            facts = {}
            for key, raw in (row.get("facts") or {}).items():
                fact = _fact(f"bodies.yaml {row['slug']}.{key}", raw)
                self._check_sources(f"bodies.yaml {row['slug']}.{key}", fact)
                facts[key] = fact
            obj = _sync_one(
                self.report,
                m.CertifyingBody,
                {"slug": row["slug"]},
                {
                    "abbreviation": row["abbreviation"],
                    "name": row["name"],
                    "summary": row.get("summary", ""),
                    "facts": facts,
                },
            )
            bodies[obj.slug] = obj
        return bodies

    # --- roles -----------------------------------------------------------------------------------
    def load_roles(self, tracks):
        roles = {}
        files = sorted((self.root / "roles").glob("*.yaml"))
        if not files:
            raise ContentError("no role files in roles/")
        self._role_rows = {}
        for path in files:
            row = _read(path)
            where = f"roles/{path.name}"
            if row.get("slug") != path.stem:
                raise ContentError(f"{where}: slug must equal the file name")
            roles[row["slug"]] = self.load_role(where, row, tracks)
            self._role_rows[row["slug"]] = row
        _prune(self.report, m.Role.objects.all(), [r.pk for r in roles.values()])
        return roles

    def load_role(self, where, row, tracks):
        if row.get("track") not in tracks:
            raise ContentError(f"{where}: unknown track {row.get('track')!r}")
        if row.get("level") not in m.CareerLevel.values:
            raise ContentError(f"{where}: level {row.get('level')!r} is not one of {m.CareerLevel.values}")
        remote = row["remote"]
        contact = row["patient_contact"]
        education = row["entry_education"]
        interests = row["interests"]
        for label, level, allowed in (
            ("remote.level", remote.get("level"), LEVELS),
            ("patient_contact.level", contact.get("level"), LEVELS),
            ("entry_education.level", education.get("level"), EDUCATION),
        ):
            if level not in allowed:
                raise ContentError(f"{where}: {label} {level!r} is not one of {sorted(allowed)}")
        scores = interests["scores"]
        if set(scores) != set("RIASEC") or not all(1 <= float(v) <= 7 for v in scores.values()):
            raise ContentError(f"{where}: interests.scores needs R, I, A, S, E, C between 1 and 7")
        if interests.get("status") not in STATUSES:
            raise ContentError(f"{where}: interests.status {interests.get('status')!r} unknown")
        remote_fact = _fact(f"{where} remote", remote)
        education_fact = _fact(f"{where} entry_education", education)
        for label, fact in (("remote", remote_fact), ("entry_education", education_fact)):
            self._check_sources(f"{where} {label}", fact)
        bands = row["salary"]["bands"]
        history = [_fact(f"{where} salary.history", h) for h in row["salary"].get("history") or []]
        for fact in history:
            self._check_sources(f"{where} salary.history", fact)
        entry = next((b for b in bands if b["level"] == "entry"), None)
        if entry is None:
            raise ContentError(f"{where}: salary needs an entry band")
        onet = row.get("onet") or {}
        aliases = [str(a) for a in row.get("aliases") or []]
        search_text = " | ".join([row["name"], row.get("full_name", ""), *aliases]).lower()
        from decimal import Decimal

        role = _sync_one(
            self.report,
            m.Role,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "full_name": row.get("full_name", ""),
                "plural": row.get("plural") or row["name"].lower() + "s",
                "track": tracks[row["track"]],
                "level": row["level"],
                "order": int(row.get("order", 0)),
                "summary": row["summary"].strip(),
                "typical_day": row["typical_day"].strip(),
                "tasks": list(row["tasks"]),
                "settings": list(row.get("settings") or []),
                "pros": list(row.get("pros") or []),
                "cons": list(row.get("cons") or []),
                "checklist": list(row.get("checklist") or []),
                "remote_level": remote["level"],
                "remote": remote_fact,
                "patient_contact_level": contact["level"],
                "patient_contact_text": str(contact.get("text") or ""),
                "entry_education": education["level"],
                "entry_education_fact": education_fact,
                "onet_code": str(onet.get("code") or ""),
                "onet_title": str(onet.get("title") or ""),
                "onet_match": str(onet.get("match") or "none"),
                "onet_note": str(onet.get("note") or ""),
                "crosswalk_note": str(row.get("crosswalk_note") or ""),
                "interest_code": str(interests.get("from_code") or ""),
                **{f"interest_{d.lower()}": Decimal(str(scores[d])).quantize(Decimal("0.01")) for d in "RIASEC"},
                "holland_code": str(interests.get("holland") or ""),
                "interest_status": interests["status"],
                "is_synthesis": bool(interests.get("synthesis")),
                "interest_note": str(interests.get("note") or ""),
                "salary_basis": str(row["salary"].get("basis") or ""),
                "salary_history": history,
                "entry_salary": int(entry["amount"]),
                "search_text": search_text,
            },
        )
        keep = [
            _sync_one(self.report, m.RoleAlias, {"role": role, "title": title}, {}).pk for title in dict.fromkeys(aliases)
        ]
        _prune(self.report, role.aliases.all(), keep)

        facets = row["facets"]
        if set(facets) != FACETS:
            raise ContentError(f"{where}: facets must list exactly {sorted(FACETS)}; missing {sorted(FACETS - set(facets))}")
        keep = []
        for facet, value in facets.items():
            level = int(value["level"])
            if not 1 <= level <= 5:
                raise ContentError(f"{where}: facet {facet} level {level} is outside 1-5")
            keep.append(
                _sync_one(
                    self.report, m.RoleFacet, {"role": role, "facet": facet}, {"level": level, "reason": value["reason"]}
                ).pk
            )
        _prune(self.report, role.facets.all(), keep)

        keep = []
        for order, band in enumerate(bands):
            fact = _fact(f"{where} salary.{band.get('level')}", {"text": band.get("text") or f"${int(band['amount']):,}", **band})
            self._check_sources(f"{where} salary.{band['level']}", fact)
            keep.append(
                _sync_one(
                    self.report,
                    m.SalaryBand,
                    {"role": role, "level": band["level"]},
                    {
                        "amount": int(band["amount"]),
                        "order": order,
                        "text": fact["text"],
                        "status": fact["status"],
                        "year": fact["year"],
                        "note": fact["note"],
                        "source_ids": fact["sources"],
                    },
                ).pk
            )
        _prune(self.report, role.salary_bands.all(), keep)
        return role

    # --- certifications --------------------------------------------------------------------------
    def load_certifications(self, bodies, roles):
        certs = {}
        self._serves = {}
        for row in self._file("certifications.yaml"):
            where = f"certifications.yaml {row.get('slug')}"
            if row.get("body") not in bodies:
                raise ContentError(f"{where}: unknown body {row.get('body')!r}")
            facts = row.get("facts") or {}
            fee = facts.get("fee") or {}
            cert = _sync_one(
                self.report,
                m.Certification,
                {"slug": row["slug"]},
                {
                    "abbreviation": row["abbreviation"],
                    "name": row["name"],
                    "body": bodies[row["body"]],
                    "summary": str(row.get("summary") or "").strip(),
                    "fee_amount": int(fee["amount"]) if fee.get("amount") is not None else None,
                },
            )
            keep = []
            for order, (kind, raw) in enumerate(facts.items()):
                fact = _fact(f"{where}.{kind}", raw)
                self._check_sources(f"{where}.{kind}", fact)
                keep.append(
                    _sync_one(
                        self.report,
                        m.CertificationFact,
                        {"certification": cert, "kind": kind},
                        {
                            "order": order,
                            "text": fact["text"],
                            "status": fact["status"],
                            "year": fact["year"],
                            "note": fact["note"],
                            "source_ids": fact["sources"],
                        },
                    ).pk
                )
            _prune(self.report, cert.facts.all(), keep)
            unknown = [slug for slug in row.get("roles") or [] if slug not in roles]
            if unknown:
                raise ContentError(f"{where}: unknown roles {unknown}")
            self._serves[cert.slug] = list(row.get("roles") or [])
            certs[cert.slug] = cert
        _prune(self.report, m.Certification.objects.all(), [c.pk for c in certs.values()])
        return certs

    def load_role_certifications(self, roles, certs):
        wanted = {}
        for slug, row in self._role_rows.items():
            for kind in CERT_KINDS:
                for cert_slug in (row.get("certifications") or {}).get(kind) or []:
                    if cert_slug not in certs:
                        raise ContentError(f"roles/{slug}.yaml: unknown certification {cert_slug!r}")
                    wanted.setdefault((slug, cert_slug), kind)
        for cert_slug, role_slugs in self._serves.items():
            for role_slug in role_slugs:
                wanted.setdefault((role_slug, cert_slug), "serves")
        keep = [
            _sync_one(
                self.report,
                m.RoleCertification,
                {"role": roles[r], "certification": certs[c]},
                {"kind": kind},
            ).pk
            for (r, c), kind in sorted(wanted.items())
        ]
        _prune(self.report, m.RoleCertification.objects.all(), keep)

    # --- education and ladder --------------------------------------------------------------------
    def load_education(self, roles, certs):
        keep = []
        for row in self._file("education.yaml"):
            where = f"education.yaml {row.get('slug')}"
            if row.get("level") not in EDUCATION:
                raise ContentError(f"{where}: unknown level {row.get('level')!r}")
            duration = _fact(f"{where}.duration", row["duration"])
            cost = _fact(f"{where}.cost", row["cost"])
            for label, fact in (("duration", duration), ("cost", cost)):
                self._check_sources(f"{where}.{label}", fact)
            path = _sync_one(
                self.report,
                m.EducationPath,
                {"slug": row["slug"]},
                {
                    "name": row["name"],
                    "level": row["level"],
                    "order": int(row.get("order", 0)),
                    "summary": str(row.get("summary") or "").strip(),
                    "duration": duration,
                    "months_min": _int_or_none(row["duration"].get("months_min")),
                    "months_max": _int_or_none(row["duration"].get("months_max")),
                    "cost": cost,
                    "cost_min": row["cost"].get("min"),
                    "cost_max": row["cost"].get("max"),
                    "eligible_for": list(row.get("eligible_for") or []),
                    "not_eligible_for": list(row.get("not_eligible_for") or []),
                },
            )
            for slug in row.get("certifications") or []:
                if slug not in certs:
                    raise ContentError(f"{where}: unknown certification {slug!r}")
            for slug in row.get("roles") or []:
                if slug not in roles:
                    raise ContentError(f"{where}: unknown role {slug!r}")
            _sync_m2m(self.report, path.certifications, [certs[s] for s in row.get("certifications") or []])
            _sync_m2m(self.report, path.roles, [roles[s] for s in row.get("roles") or []])
            keep.append(path.pk)
        _prune(self.report, m.EducationPath.objects.all(), keep)

    def load_ladder(self, roles):
        keep = []
        for row in self._file("ladder.yaml"):
            for end in ("from", "to"):
                if row.get(end) not in roles:
                    raise ContentError(f"ladder.yaml: unknown role {row.get(end)!r}")
            if row.get("kind") not in m.LadderStep.Kind.values:
                raise ContentError(f"ladder.yaml: kind must be up or sideways, got {row.get('kind')!r}")
            keep.append(
                _sync_one(
                    self.report,
                    m.LadderStep,
                    {"from_role": roles[row["from"]], "to_role": roles[row["to"]]},
                    {"kind": row["kind"], "note": str(row.get("note") or "")},
                ).pk
            )
        _prune(self.report, m.LadderStep.objects.all(), keep)


def load_content(root: Path) -> Report:
    """Load every content file under root into the catalogue; return what changed."""
    return Loader(root).run()
