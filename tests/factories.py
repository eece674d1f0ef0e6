"""factory-boy factories for the catalogue. Scoring-relevant fields are explicit defaults;
set them in any test whose assertion depends on them."""

import factory
from factory.django import DjangoModelFactory

from careers import models as m

FACETS = [f.value for f in m.Facet]


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = m.Source
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"S{n + 500}")
    title = factory.Faker("sentence", nb_words=6)
    url = "https://www.bls.gov/ooh/"
    year = "2024"
    kind = "official"


class TrackFactory(DjangoModelFactory):
    class Meta:
        model = m.Track
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"track-{n}")
    name = factory.Sequence(lambda n: f"Track {n}")
    summary = "A group of related roles."
    order = factory.Sequence(lambda n: n)


class RoleFactory(DjangoModelFactory):
    class Meta:
        model = m.Role
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"role-{n}")
    name = factory.Sequence(lambda n: f"Role {n}")
    full_name = factory.LazyAttribute(lambda o: o.name)
    plural = factory.LazyAttribute(lambda o: f"{o.name.lower()}s")
    track = factory.SubFactory(TrackFactory)
    order = factory.Sequence(lambda n: n)
    summary = "Turns clinical notes into codes."
    typical_day = "You start the day with a queue of charts."
    tasks = factory.LazyFunction(lambda: ["Read notes", "Assign codes", "Query clinicians", "Fix claim edits"])
    settings = factory.LazyFunction(lambda: ["Hospitals", "Clinics"])
    pros = factory.LazyFunction(lambda: ["Remote work is common"])
    cons = factory.LazyFunction(lambda: ["Productivity targets"])
    checklist = factory.LazyFunction(lambda: ["Do you like detail?"])
    remote_level = "high"
    remote = factory.LazyFunction(lambda: {"text": "Often remote", "status": "official", "year": "2023", "sources": [], "note": ""})
    patient_contact_level = "none"
    patient_contact_text = "Back office"
    entry_education = "certificate"
    entry_education_fact = factory.LazyFunction(lambda: {"text": "A certificate", "status": "official", "year": "", "sources": [], "note": ""})
    onet_code = "29-2072.00"
    onet_title = "Medical Records Specialists"
    onet_match = "exact"
    interest_code = "29-2072.00"
    interest_r = 2.86
    interest_i = 4.33
    interest_a = 1.00
    interest_s = 3.41
    interest_e = 1.88
    interest_c = 6.95
    holland_code = "CI"
    interest_status = "official"
    entry_salary = 42000
    search_text = factory.LazyAttribute(lambda o: o.name.lower())

    @factory.post_generation
    def with_facets(obj, create, extracted, **kwargs):
        """Give every role all eleven facets (level 3 unless a dict of levels is passed)."""
        if not create:
            return
        levels = extracted or {}
        m.RoleFacet.objects.bulk_create(
            [m.RoleFacet(role=obj, facet=f, level=levels.get(f, 3), reason=f"Reason for {f}") for f in FACETS]
        )


class RoleAliasFactory(DjangoModelFactory):
    class Meta:
        model = m.RoleAlias

    role = factory.SubFactory(RoleFactory)
    title = factory.Sequence(lambda n: f"Alias {n}")


class SalaryBandFactory(DjangoModelFactory):
    class Meta:
        model = m.SalaryBand

    role = factory.SubFactory(RoleFactory)
    level = "entry"
    amount = 42000
    text = factory.LazyAttribute(lambda o: f"${o.amount:,}")
    status = "secondary"
    year = "OEWS May 2024"
    source_ids = factory.LazyFunction(list)


class CertifyingBodyFactory(DjangoModelFactory):
    class Meta:
        model = m.CertifyingBody
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"body-{n}")
    abbreviation = factory.Sequence(lambda n: f"B{n}")
    name = factory.Sequence(lambda n: f"Body {n}")


class CertificationFactory(DjangoModelFactory):
    class Meta:
        model = m.Certification
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"cert-{n}")
    abbreviation = factory.Sequence(lambda n: f"C{n}")
    name = factory.Sequence(lambda n: f"Certified Thing {n}")
    body = factory.SubFactory(CertifyingBodyFactory)
    summary = "A credential."


class CertificationFactFactory(DjangoModelFactory):
    class Meta:
        model = m.CertificationFact

    certification = factory.SubFactory(CertificationFactory)
    kind = "fee"
    text = "$425 for one attempt"
    status = "unconfirmed"
    year = "2026"
    source_ids = factory.LazyFunction(list)


class RoleCertificationFactory(DjangoModelFactory):
    class Meta:
        model = m.RoleCertification

    role = factory.SubFactory(RoleFactory)
    certification = factory.SubFactory(CertificationFactory)
    kind = "preferred"


class EducationPathFactory(DjangoModelFactory):
    class Meta:
        model = m.EducationPath
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"path-{n}")
    name = factory.Sequence(lambda n: f"Path {n}")
    level = "certificate"
    duration = factory.LazyFunction(lambda: {"text": "6 to 12 months", "status": "secondary", "year": "", "sources": [], "note": ""})
    months_min = 6
    months_max = 12
    cost = factory.LazyFunction(lambda: {"text": "Not sourced", "status": "unconfirmed", "year": "", "sources": [], "note": ""})


class LadderStepFactory(DjangoModelFactory):
    class Meta:
        model = m.LadderStep

    from_role = factory.SubFactory(RoleFactory)
    to_role = factory.SubFactory(RoleFactory)
    kind = "up"
