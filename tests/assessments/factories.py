"""factory-boy factories for the questionnaire side: dimensions, facets, items, cohorts, results.

``item_bank()`` makes a complete, scorable bank; ``answers_for()`` answers it. Ranking tests must
set every role's scoring fields explicitly (see tests/factories.py).
"""

import factory
from django.contrib.auth import get_user_model
from factory.django import DjangoModelFactory

from assessments import models as m
from assessments.scoring import DIMENSIONS, FACETS

DIMENSION_NAMES = {
    "R": ("Realistic", "Doers"),
    "I": ("Investigative", "Thinkers"),
    "A": ("Artistic", "Creators"),
    "S": ("Social", "Helpers"),
    "E": ("Enterprising", "Persuaders"),
    "C": ("Conventional", "Organizers"),
}


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"counselor{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@school.example")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")


class DimensionFactory(DjangoModelFactory):
    class Meta:
        model = m.Dimension
        django_get_or_create = ("code",)

    code = factory.Iterator(DIMENSIONS)
    name = factory.LazyAttribute(lambda o: DIMENSION_NAMES[o.code][0])
    nickname = factory.LazyAttribute(lambda o: DIMENSION_NAMES[o.code][1])
    summary = factory.LazyAttribute(lambda o: f"You like the work {DIMENSION_NAMES[o.code][1].lower()} do.")
    order = factory.LazyAttribute(lambda o: DIMENSIONS.index(o.code) + 1)


class FacetFactory(DjangoModelFactory):
    class Meta:
        model = m.Facet
        django_get_or_create = ("slug",)

    slug = factory.Iterator(FACETS)
    name = factory.LazyAttribute(lambda o: o.slug.replace("_", " ").capitalize())
    order = factory.LazyAttribute(lambda o: FACETS.index(o.slug) + 1)


class ItemFactory(DjangoModelFactory):
    """An interest item by default; pass facet=... (and dimension=None) for a work item."""

    class Meta:
        model = m.Item
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"X{n}")
    text = factory.Sequence(lambda n: f"Do activity number {n}")
    dimension = factory.SubFactory(DimensionFactory)
    facet = None
    order = factory.Sequence(lambda n: n)
    active = True


class CohortFactory(DjangoModelFactory):
    class Meta:
        model = m.Cohort

    counselor = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Period {n} Health Careers")
    is_open = True


def default_profile(**overrides) -> dict:
    profile = {
        "interests": {"R": 12.5, "I": 62.5, "A": 0.0, "S": 37.5, "E": 25.0, "C": 87.5},
        "facets": {f: 3.0 for f in FACETS},
        "holland_code": "CIS",
        "is_flat": False,
    }
    profile.update(overrides)
    return profile


FLAT_PROFILE = {
    "interests": dict.fromkeys(DIMENSIONS, 50.0),
    "facets": {f: 3.0 for f in FACETS},
    "holland_code": "RIA",
    "is_flat": True,
}


def match_rows(roles, *, best=96, step=3) -> list[dict]:
    """Stored-match dicts for these roles in the order given, fits falling by ``step``."""
    rows = []
    for i, role in enumerate(roles):
        fit = max(0, best - i * step)
        rows.append(
            {
                "role": role.slug,
                "fit": fit,
                "band": "Strong fit",
                "interest_fit": 0.5,
                "facet_fit": 0.8,
                "training_fits": True,
                "reasons": [
                    {"kind": "shared_like", "text": f"You and {role.plural} both like tidy records.", "key": "C"},
                    {"kind": "facet_mismatch", "text": f"{role.name} work has little patient contact.", "key": "patient_contact"},
                    {"kind": "training_fits", "text": "Getting started usually takes a few months.", "key": "training_time"},
                ],
            }
        )
    return rows


class ResultFactory(DjangoModelFactory):
    class Meta:
        model = m.Result

    answers = factory.LazyFunction(dict)
    profile = factory.LazyFunction(default_profile)
    matches = factory.LazyFunction(list)
    hidden = factory.LazyFunction(list)
    cohort = None
    display_name = ""


def item_bank(*, per_dimension: int = 2, per_facet: int = 1) -> list[m.Item]:
    """A complete bank: ``per_dimension`` items for each RIASEC letter (codes R1, R2, ...) and
    ``per_facet`` for each of the eleven facets (codes F1, F2, ...), in quiz order."""
    items = []
    order = 0
    for code in DIMENSIONS:
        dimension = DimensionFactory(code=code)
        for n in range(1, per_dimension + 1):
            order += 1
            items.append(ItemFactory(code=f"{code}{n}", text=f"{DIMENSION_NAMES[code][0]} activity {n}", dimension=dimension, order=order))
    number = 0
    for slug in FACETS:
        facet = FacetFactory(slug=slug)
        for _ in range(per_facet):
            number += 1
            order += 1
            items.append(ItemFactory(code=f"F{number}", text=f"Work with {slug.replace('_', ' ')}", dimension=None, facet=facet, order=order))
    return items


def answers_for(items, *, interests=None, facets=None, default=3) -> dict[str, int]:
    """Answers for a bank: ``interests`` {letter: answer}, ``facets`` {slug: answer}, else ``default``."""
    interests, facets = interests or {}, facets or {}
    answers = {}
    for item in items:
        if item.dimension_id:
            answers[item.code] = interests.get(item.dimension.code, default)
        else:
            answers[item.code] = facets.get(item.facet.slug, default)
    return answers


def post_data(answers: dict[str, int], **extra) -> dict[str, str]:
    """The quiz form's POST body for these answers."""
    data = {code: str(value) for code, value in answers.items()}
    data.update(extra)
    return data
