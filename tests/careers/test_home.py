"""The home page shows the field at a glance: every track with an icon and its starting roles,
each with entry pay and the time to start."""

import re

import pytest

from tests.factories import EducationPathFactory, RoleFactory, TrackFactory

pytestmark = pytest.mark.django_db


def make_field(roles_per_track):
    tracks = [TrackFactory(slug=slug, name=name, order=i) for i, (slug, name) in enumerate(
        [("coding-revenue-cycle", "Coding and revenue cycle"), ("registries", "Registries"), ("leadership", "Leadership")]
    )]
    route = EducationPathFactory(slug="certificate", name="Certificate", months_min=6, months_max=12)
    for track in tracks:
        for i in range(roles_per_track):
            level = "leadership" if i == 0 else "entry"
            role = RoleFactory(slug=f"{track.slug}-{i}", name=f"{track.name} role {i}", track=track, order=i,
                               level=level, entry_salary=40000 + 1000 * i, entry_education="certificate", experience_months=0)
            route.roles.add(role)
    return tracks


def test_every_track_shows_its_icon_and_up_to_three_roles_entry_level_first(client):
    make_field(5)
    html = client.get("/").content.decode()
    cards = html.split('<li class="track-card">')[1:]
    assert len(cards) == 3
    for card in cards:
        assert '<svg class="track-icon"' in card and 'aria-hidden="true"' in card
        names = re.findall(r'class="track-role" href="[^"]+">([^<]+)</a>', card)
        assert len(names) == 3 and not names[0].endswith("role 0")  # the leadership role is not first
        assert "see all" in card
    first = cards[0]
    assert "$41,000 a year to start" in first and "From about 6 months of study" in first


def test_the_home_page_still_leads_to_the_quiz_the_roles_and_the_counselors(client):
    make_field(1)
    html = client.get("/").content.decode()
    for url in ("/quiz/", "/roles/", "/counselors/", "/try/", "/career-map/"):
        assert f'href="{url}"' in html


@pytest.mark.parametrize("roles_per_track", [2, 9])
def test_the_home_page_makes_the_same_queries_at_any_catalogue_size(client, django_assert_num_queries, roles_per_track):
    make_field(roles_per_track)
    with django_assert_num_queries(2):  # tracks with counts; roles with pay and the timed route
        assert client.get("/").status_code == 200
