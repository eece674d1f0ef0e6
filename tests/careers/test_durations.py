"""One wording of "how long until this job", the same on every page."""

import pytest
from django.urls import reverse

from careers.durations import first_job, span_words
from careers.models import Role
from tests.factories import EducationPathFactory, LadderStepFactory, RoleFactory


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(6, 24, "6 to 24 months"), (24, 24, "2 years"), (12, 36, "1 to 3 years"), (0, 12, "up to 1 year"), (None, None, "Not sourced"), (18, 18, "1.5 years")],
)
def test_spans_read_as_words(low, high, words):
    assert span_words(low, high) == words


def role_with_routes(*routes, entry="bachelor", experience=0):
    role = RoleFactory(entry_education=entry, experience_months=experience)
    for level, months in routes:
        EducationPathFactory(level=level, months_min=months, months_max=months).roles.add(role)
    return Role.objects.with_details().get(pk=role.pk)


@pytest.mark.django_db
def test_a_masters_route_does_not_shorten_a_job_that_needs_a_bachelors_first():
    role = role_with_routes(("bachelor", 48), ("master", 12))
    assert first_job(role).months == 48
    assert first_job(role).text == "From about 4 years of study"


@pytest.mark.django_db
def test_usual_prior_work_is_added_and_said():
    role = role_with_routes(("certificate", 6), entry="certificate", experience=18)
    job = first_job(role)
    assert job.months == 24
    assert job.text == "From about 6 months of study, then about 1.5 years of work in an earlier role"


@pytest.mark.django_db
def test_a_role_with_no_route_of_its_own_is_timed_from_the_roles_that_lead_to_it():
    coder = role_with_routes(("certificate", 6), entry="certificate")
    auditor = RoleFactory(entry_education="certificate", experience_months=36)
    LadderStepFactory(from_role=coder, to_role=auditor, kind="up")
    assert first_job(Role.objects.with_details().get(pk=auditor.pk)).months == 42


@pytest.mark.django_db
def test_the_results_card_query_times_a_role_the_same_way_as_the_role_page():
    degree = role_with_routes(("bachelor", 48), ("master", 12), experience=12)
    short = role_with_routes(("bachelor", 48), ("certificate", 6), experience=12)
    cards = {r.pk: r for r in Role.objects.for_match_cards()}
    assert first_job(cards[degree.pk]) == first_job(degree) and first_job(degree).months == 60
    assert first_job(cards[short.pk]) == first_job(short) and first_job(short).months == 18


@pytest.mark.django_db
def test_role_page_compare_page_roadmap_and_api_say_the_same_time(client, real_content):
    slug = "healthcare-data-analyst"
    text = first_job(Role.objects.with_details().get(slug=slug)).text
    assert "4 years" in text  # a bachelor's degree, not "about a year" of a master's
    assert text in client.get(reverse("careers:role_detail", args=[slug])).content.decode()
    assert text in client.get(reverse("careers:role_compare") + f"?roles={slug},medical-coder").content.decode()
    assert text in client.get(reverse("careers:roadmap", args=[slug])).content.decode()
    assert client.get(f"/api/v1/roles/{slug}").json()["time_to_job"] == text
