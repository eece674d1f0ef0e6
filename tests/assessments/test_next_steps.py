"""Results lead somewhere: a "Your top 3" summary first, and next steps under each of the top three."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from assessments.next_steps import interview_questions, next_steps_for
from careers.models import Directory
from tests.assessments.factories import DimensionFactory, ResultFactory, match_rows
from tests.factories import (
    CertificationFactory,
    EducationPathFactory,
    LadderStepFactory,
    RoleAliasFactory,
    RoleCertificationFactory,
    RoleFactory,
    TrackFactory,
)

pytestmark = pytest.mark.django_db


def make_catalogue(n):
    track = TrackFactory(slug="registries", name="Registries")
    roles = [RoleFactory(slug=f"role-{i:02d}", name=f"Role {i:02d}", track=track, entry_education="certificate") for i in range(n)]
    ods = CertificationFactory(slug="ods", abbreviation="ODS", name="Oncology Data Specialist")
    rhit = CertificationFactory(slug="rhit", abbreviation="RHIT", name="Registered Health Information Technician")
    short = EducationPathFactory(slug="short", name="Registry certificate", months_min=6, months_max=12,
                                 cost={"text": "About $2,000 to $7,500", "min": 2000, "max": 7500, "status": "secondary", "year": "c.2022"})
    long = EducationPathFactory(slug="long", name="Associate degree", level="associate", months_min=24, months_max=24)
    for role in roles:
        short.roles.add(role)
        long.roles.add(role)
        RoleCertificationFactory(role=role, certification=rhit, kind="preferred")
        RoleCertificationFactory(role=role, certification=ods, kind="common")
        RoleAliasFactory(role=role, title=f"Tumor registrar {role.slug}")
    LadderStepFactory(from_role=roles[1], to_role=roles[0])
    ncra = Directory.objects.create(slug="ncra-programs", name="NCRA: accredited programs", url="https://www.ncra-usa.org/", order=3)
    ncra.certifications.add(ods)
    Directory.objects.create(slug="careeronestop-jobs", name="CareerOneStop jobs", url="https://www.careeronestop.org/", for_all_roles=True, order=1)
    Directory.objects.create(slug="careeronestop-training", name="CareerOneStop: find local training", url="https://www.careeronestop.org/FindTraining/", for_all_roles=True, order=2)
    Directory.objects.create(slug="aapc-training", name="AAPC training", url="https://www.aapc.com/training/", order=4)
    for code in "RIASEC":
        DimensionFactory(code=code)
    return roles


def test_next_steps_give_the_fastest_route_its_cost_the_first_credential_titles_and_programs():
    roles = make_catalogue(4)
    steps = next_steps_for([roles[2].slug, roles[0].slug])
    assert [s.role.slug for s in steps] == [roles[2].slug, roles[0].slug]
    first = steps[0]
    assert first.route.name == "Registry certificate" and first.route_time == "6 to 12 months"
    assert first.certification.abbreviation == "ODS"  # "often required" comes before "preferred"
    titles = [t for t, _ in first.titles]
    assert titles[0] == roles[2].name and f"Tumor registrar {roles[2].slug}" in titles
    search = urlparse(first.titles[0][1])
    assert search.netloc == "www.careeronestop.org" and parse_qs(search.query)["keyword"] == [roles[2].name]
    # Programs: the ones for every role and the credential's own; not the job search, not AAPC.
    assert [d.slug for d in first.directories] == ["careeronestop-training", "ncra-programs"]
    assert len(first.questions) == 3


def test_interview_questions_come_from_the_roles_track_or_a_general_set():
    registrar = RoleFactory(track=TrackFactory(slug="registries"))
    other = RoleFactory(track=TrackFactory(slug="not-a-real-track"))
    assert any("registry" in q.lower() for q in interview_questions(registrar))
    assert len(interview_questions(other)) == 3 and interview_questions(other) != interview_questions(registrar)


def test_the_results_page_opens_with_the_top_three_then_next_steps_for_each(client):
    roles = make_catalogue(6)
    result = ResultFactory(matches=match_rows(roles))
    html = client.get(reverse("assessments:result", args=[result.token])).content.decode()
    summary = html.index('id="top-summary-title"')
    assert summary < html.index('id="profile-title"') < html.index('id="matches-title"')
    listed = re.findall(r'class="top-summary-name" href="#match-([\w-]+)"', html)
    assert listed == [r.slug for r in roles[:3]]
    assert html.count('class="next-steps"') == 3
    assert 'id="next-role-03-title"' not in html  # the fourth match has no block
    assert "https://www.ncra-usa.org/" in html and "find-jobs.aspx?keyword=" in html
    assert reverse("assessments:result_print", args=[result.token]) in html.split('id="next-role-00-title"')[1]


@pytest.mark.parametrize("n_roles", [6, 30])
def test_next_steps_take_the_same_queries_at_any_catalogue_size(django_assert_num_queries, n_roles):
    roles = make_catalogue(n_roles)
    with django_assert_num_queries(8):
        steps = next_steps_for(r.slug for r in roles[:3])
        assert all(s.route and s.directories and s.titles for s in steps)
