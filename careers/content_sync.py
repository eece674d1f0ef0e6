"""Write parsed, checked content (careers.content.Content) into the catalogue tables."""

from __future__ import annotations

from decimal import Decimal

from careers import models as m
from careers.content import Report, prune, sync_m2m, sync_one

CERT_KINDS = ("required", "common", "preferred")


class Syncer:
    def __init__(self, content):
        self.c = content
        self.report = Report()

    def run(self) -> Report:
        self.sources()
        tracks = self.tracks()
        bodies = self.bodies()
        roles = {slug: self.role(row, tracks) for slug, row in self.c.roles.items()}
        prune(self.report, m.Role.objects.all(), [r.pk for r in roles.values()])
        certs = self.certifications(bodies, roles)
        self.role_certifications(roles, certs)
        self.education(roles, certs)
        self.ladder(roles)
        self.directories(certs)
        self.glossary()
        return self.report

    def _all(self, model, rows, lookup, values):
        keep = [sync_one(self.report, model, lookup(r), values(r)).pk for r in rows]
        prune(self.report, model.objects.all(), keep)
        return {obj.pk: obj for obj in model.objects.filter(pk__in=keep)}

    def sources(self):
        self._all(
            m.Source,
            self.c.sources,
            lambda r: {"key": r.id},
            lambda r: {"title": r.title, "url": r.url, "year": r.year, "kind": r.kind},
        )

    def tracks(self):
        rows = self._all(
            m.Track, self.c.tracks, lambda r: {"slug": r.slug}, lambda r: {"name": r.name, "name_es": r.name_es, "summary": r.summary, "summary_es": r.summary_es, "order": r.order}
        )
        return {t.slug: t for t in rows.values()}

    def bodies(self):
        rows = self._all(
            m.CertifyingBody,
            self.c.bodies,
            lambda r: {"slug": r.slug},
            lambda r: {
                "abbreviation": r.abbreviation,
                "name": r.name,
                "name_es": r.name_es,
                "summary": r.summary.strip(),
                "summary_es": r.summary_es.strip(),
                "url": r.url,
                "facts": {k: f.as_dict() for k, f in r.facts.items()},
            },
        )
        return {b.slug: b for b in rows.values()}

    def role(self, row, tracks):
        from careers.content_roles import role_values

        role = sync_one(self.report, m.Role, {"slug": row.slug}, {**role_values(row), "track": tracks[row.track]})
        keep = [sync_one(self.report, m.RoleAlias, {"role": role, "title": t}, {}).pk for t in dict.fromkeys(row.aliases)]
        prune(self.report, role.aliases.all(), keep)
        keep = [
sync_one(
                self.report, m.RoleFacet, {"role": role, "facet": name}, {"level": f.level, "reason": f.reason, "reason_es": f.reason_es}
            ).pk
            for name, f in row.facets.items()
        ]
        prune(self.report, role.facets.all(), keep)
        keep = []
        for order, band in enumerate(row.salary.bands):
            values = {"amount": band.amount, "order": order, **_fact_columns(band)}
            keep.append(sync_one(self.report, m.SalaryBand, {"role": role, "level": band.level}, values).pk)
        prune(self.report, role.salary_bands.all(), keep)
        return role

    def certifications(self, bodies, roles):
        certs = {}
        for row in self.c.certifications:
            fee = row.facts.get("fee")
            amount = getattr(fee, "amount", None) if fee else None
            cert = sync_one(
                self.report,
                m.Certification,
                {"slug": row.slug},
                {
                    "abbreviation": row.abbreviation,
                    "name": row.name,
                    "name_es": row.name_es,
                    "body": bodies[row.body],
                    "summary": row.summary.strip(),
                    "summary_es": row.summary_es.strip(),
                    "fee_amount": int(amount) if amount is not None else None,
                    "url": row.url,
                    "former_names": row.former_names,
                    "former_slugs": row.former_slugs,
                },
            )
            keep = [
                sync_one(
                    self.report,
                    m.CertificationFact,
                    {"certification": cert, "kind": kind},
                    {"order": order, **_fact_columns(fact)},
                ).pk
                for order, (kind, fact) in enumerate(row.facts.items())
            ]
            prune(self.report, cert.facts.all(), keep)
            certs[cert.slug] = cert
        prune(self.report, m.Certification.objects.all(), [c.pk for c in certs.values()])
        return certs

    def role_certifications(self, roles, certs):
        wanted = {}
        for slug, row in self.c.roles.items():
            for kind in CERT_KINDS:
                for cert_slug in getattr(row.certifications, kind):
                    wanted.setdefault((slug, cert_slug), kind)
        for row in self.c.certifications:
            for role_slug in row.roles:
                wanted.setdefault((role_slug, row.slug), "serves")
        keep = [
            sync_one(
                self.report,
                m.RoleCertification,
                {"role": roles[r], "certification": certs[c]},
{
                    "kind": kind,
                    "note": self.c.roles[r].certifications.notes.get(c, ""),
                    "note_es": self.c.roles[r].certifications.notes_es.get(c, ""),
                },
            ).pk
            for (r, c), kind in sorted(wanted.items())
        ]
        prune(self.report, m.RoleCertification.objects.all(), keep)

    def education(self, roles, certs):
        keep = []
        for row in self.c.education:
            path = sync_one(
                self.report,
                m.EducationPath,
                {"slug": row.slug},
                {
                    "name": row.name,
                    "name_es": row.name_es,
                    "level": row.level,
                    "order": row.order,
                    "summary": row.summary.strip(),
                    "summary_es": row.summary_es.strip(),
                    "duration": row.duration.as_dict(),
                    "months_min": row.duration.months_min,
                    "months_max": row.duration.months_max,
                    "cost": row.cost.as_dict(),
                    "cost_min": row.cost.min,
                    "cost_max": row.cost.max,
                    "eligible_for": row.eligible_for,
                    "eligible_for_es": row.eligible_for_es,
                    "not_eligible_for": row.not_eligible_for,
                    "not_eligible_for_es": row.not_eligible_for_es,
                },
            )
            sync_m2m(self.report, path.certifications, [certs[c] for c in row.certifications])
            sync_m2m(self.report, path.roles, [roles[r] for r in row.roles])
            keep.append(path.pk)
        prune(self.report, m.EducationPath.objects.all(), keep)

    def ladder(self, roles):
        keep = [
            sync_one(
                self.report,
                m.LadderStep,
                {"from_role": roles[row.from_], "to_role": roles[row.to]},
                {"kind": row.kind, "note": row.note, "note_es": row.note_es},
            ).pk
            for row in self.c.ladder
        ]
        prune(self.report, m.LadderStep.objects.all(), keep)

    def directories(self, certs):
        keep = []
        for order, row in enumerate(self.c.directories):
            values = {
                "name": row.name,
                "name_es": row.name_es,
                "url": row.url,
                "summary": row.summary,
                "summary_es": row.summary_es,
                "for_all_roles": row.for_all_roles,
                "order": order,
            }
            obj = sync_one(self.report, m.Directory, {"slug": row.slug}, values)
            sync_m2m(self.report, obj.certifications, [certs[c] for c in row.certifications])
            keep.append(obj.pk)
        prune(self.report, m.Directory.objects.all(), keep)

    def glossary(self):
        self._all(
            m.GlossaryTerm,
            self.c.glossary,
            lambda r: {"slug": r.slug},
lambda r: {
                "term": r.term,
                "term_es": r.term_es,
                "expansion": r.expansion,
                "expansion_es": r.expansion_es,
                "definition": r.definition,
                "definition_es": r.definition_es,
                "source_ids": r.sources,
            },
        )


def _fact_columns(fact) -> dict:
    return {
        "text": fact.text,
        "text_es": fact.text_es,
        "status": fact.status,
        "year": fact.year,
        "year_es": fact.year_es,
        "note": fact.note,
        "note_es": fact.note_es,
        "source_ids": list(fact.sources),
    }


def interest_columns(scores: dict) -> dict:
    return {f"interest_{d.lower()}": Decimal(str(scores[d])).quantize(Decimal("0.01")) for d in "RIASEC"}
