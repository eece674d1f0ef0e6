"""The career map: every role by level and track, the ladder as arrows, a list equivalent,
no-JavaScript filters, a student's matches and a cohort's counts on top."""

from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.urls import reverse

from careers.career_map import MapRole, MapStep, Mark, build_map, time_short, wrap
from careers.content import ContentError, load_content
from core.cache import content_generation, page_key
from tests.assessments.factories import CohortFactory, ResultFactory, UserFactory, match_rows
from tests.conftest import CONTENT_DIR
from tests.factories import (
    EducationPathFactory,
    LadderStepFactory,
    RoleFactory,
    SalaryBandFactory,
    TrackFactory,
)

MAP = "/career-map/"
LEVELS = [("entry", "Entry level"), ("experienced", "Experienced"), ("advanced", "Advanced or specialist"), ("leadership", "Leadership")]


class _Nodes(HTMLParser):
    """The map's role nodes (links inside the SVG) as {slug: attributes}."""

    def __init__(self):
        super().__init__()
        self.nodes = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "map-node" in (attrs.get("class") or "").split():
            self.nodes[attrs["data-role"]] = attrs


def nodes_of(html: str) -> dict[str, dict]:
    parser = _Nodes()
    parser.feed(html)
    return parser.nodes


def list_part(html: str) -> str:
    return html[html.index('id="map-list"') :]


@pytest.fixture
def catalogue(db):
    """A coder who steps up to auditor and sideways to biller; an auditor who leads to a manager."""
    coding = TrackFactory(slug="coding", name="Coding and revenue cycle", order=1)
    leading = TrackFactory(slug="leading", name="Leadership", order=2)
    roles = {
        "coder": RoleFactory(slug="coder", name="Medical coder", track=coding, level="entry", remote_level="high", patient_contact_level="none"),
        "biller": RoleFactory(slug="biller", name="Medical biller", track=coding, level="entry", remote_level="low", patient_contact_level="low"),
        "auditor": RoleFactory(slug="auditor", name="Coding auditor", track=coding, level="advanced", remote_level="high", patient_contact_level="none"),
        "manager": RoleFactory(slug="manager", name="Coding manager", track=leading, level="leadership", remote_level="moderate", patient_contact_level="none"),
    }
    pay = {"coder": (42000, "secondary"), "biller": (40000, "estimate"), "auditor": (55000, "estimate"), "manager": (52000, "secondary")}
    for slug, (amount, status) in pay.items():
        SalaryBandFactory(role=roles[slug], amount=amount, status=status, year="OEWS May 2024")
    EducationPathFactory(slug="cert", months_min=6).roles.add(roles["coder"], roles["biller"])
    EducationPathFactory(slug="bachelor", months_min=48, months_max=48).roles.add(roles["manager"])
    LadderStepFactory(from_role=roles["coder"], to_role=roles["auditor"], kind="up")
    LadderStepFactory(from_role=roles["coder"], to_role=roles["biller"], kind="sideways")
    LadderStepFactory(from_role=roles["auditor"], to_role=roles["manager"], kind="up")
    return roles


# --- the pure layout ----------------------------------------------------------------------------


def _role(slug, level, track="t", pay=40000, **kw):
    return MapRole(slug=slug, name=slug.title(), url=f"/roles/{slug}/", track=track, track_name=track.upper(), level=level, pay=pay, **kw)


def test_columns_follow_the_levels_and_lanes_follow_the_tracks():
    roles = [_role("a", "entry", "t1"), _role("b", "leadership", "t1"), _role("c", "experienced", "t2")]
    m = build_map(roles, [], levels=LEVELS)
    x = {n.role.slug: n.x for n in m.nodes}
    y = {n.role.slug: n.y for n in m.nodes}
    assert x["a"] < x["c"] < x["b"]
    assert y["a"] == y["b"] < y["c"], "roles of one track share a lane; the next track is below"
    assert [lane.name for lane in m.lanes] == ["T1", "T2"]
    assert [c.label for c in m.columns] == [label for _, label in LEVELS]


def test_roles_sharing_a_level_and_track_are_stacked_without_overlapping():
    roles = [_role(s, "entry") for s in "abc"]
    boxes = sorted((n.y, n.y + n.h) for n in build_map(roles, [], levels=LEVELS).nodes)
    assert all(bottom <= next_top for (_, bottom), (next_top, _) in zip(boxes, boxes[1:], strict=False))


def test_an_arrow_shows_the_pay_drop_only_when_the_next_role_pays_less():
    roles = [_role("a", "entry", pay=50000), _role("b", "entry", pay=45500), _role("c", "experienced", pay=60000)]
    steps = [MapStep("a", "b", "sideways"), MapStep("a", "c", "up"), MapStep("a", "ghost", "up")]
    m = build_map(roles, steps, levels=LEVELS)
    drops = {(e.from_slug, e.to_slug): e.pay_drop for e in m.edges}
    assert drops == {("a", "b"): 4500, ("a", "c"): 0}, "steps to unknown roles are left out"
    assert [s.words for s in next(n for n in m.nodes if n.role.slug == "a").steps] == ["Sideways move to", "Step up to"]


def test_marks_dim_or_highlight_a_role_and_say_so_to_screen_readers():
    roles = [_role("a", "entry"), _role("b", "entry")]
    m = build_map(roles, [], levels=LEVELS, marks={"a": Mark(highlight=True, label="Match #1 · 90% fit", words="Your match number 1")})
    a = next(n for n in m.nodes if n.role.slug == "a")
    assert a.mark_line.text == "Match #1 · 90% fit" and "Your match number 1" in a.aria_label
    assert a.h > next(n for n in m.nodes if n.role.slug == "b").h, "the label gets a line of its own"


def test_long_names_wrap_at_spaces_and_hyphens():
    assert wrap("Release-of-information specialist", 22) == ["Release-of-information", "specialist"]
    assert wrap("Public health and specialty registrar", 22) == ["Public health and", "specialty registrar"]
    assert all(len(line) <= 22 for line in wrap("Patient access representative", 22))


def test_time_to_a_first_job_reads_shortly():
    assert [time_short(m) for m in (None, 0, 6, 24, 18)] == ["via other roles", "on the job", "6 mo", "2 yr", "1.5 yr"]


# --- the page -------------------------------------------------------------------------------------


def test_every_role_is_a_link_to_its_page_with_entry_pay_status_and_time_to_a_first_job(client, catalogue):
    html = client.get(MAP).content.decode()
    nodes = nodes_of(html)
    assert set(nodes) == set(catalogue)
    assert nodes["biller"]["href"] == reverse("careers:role_detail", args=["biller"])
    label = nodes["biller"]["aria-label"]
    assert "Medical biller" in label and "$40,000" in label and "estimate" in label and "6 months" in label
    assert "$40,000 est. · 6 mo" in html, "the node itself shows the pay with its status"
    assert "usually reached after working in another role" in nodes["auditor"]["aria-label"]


def test_ladder_steps_are_drawn_with_the_pay_fall_where_pay_falls(client, catalogue):
    html = client.get(MAP).content.decode()
    assert html.count('class="map-edge edge-') == 3 + 2, "three steps plus the two legend samples"
    assert "−$2,000" in html, "coder ($42,000) to biller ($40,000)"
    assert "−$3,000" in html, "auditor ($55,000) to manager ($52,000)"


def test_the_list_gives_levels_then_roles_then_next_steps(client, catalogue):
    listing = list_part(client.get(MAP).content.decode())
    assert listing.index("Entry level") < listing.index("Medical coder") < listing.index("Advanced or specialist")
    coder = listing[listing.index(">Medical coder<") : listing.index("Advanced or specialist")]
    assert "Step up to" in coder and "Coding auditor" in coder
    assert "Sideways move to" in coder and "(entry pay $2,000 lower)" in coder
    assert "No roles at this level yet." in listing[listing.index("Experienced") :]


def test_the_map_is_linked_from_the_home_page_and_the_navigation(client, catalogue):
    home = client.get("/").content.decode()
    assert f'href="{MAP}"' in home
    nav = home[home.index('aria-label="Main"') : home.index("</nav>")]
    assert "Career map" in nav and MAP in nav


@pytest.mark.parametrize(
    ("query", "bright"),
    [
        ("track=leading", {"manager"}),
        ("no_patient_contact=1", {"coder", "auditor", "manager"}),
        ("remote=1", {"coder", "auditor", "manager"}),
        ("within_year=1", {"coder", "biller"}),
        ("track=coding&no_patient_contact=1&within_year=1", {"coder"}),
    ],
)
def test_filters_dim_the_roles_that_do_not_fit(client, catalogue, query, bright):
    response = client.get(f"{MAP}?{query}")
    assert response.status_code == 200
    nodes = nodes_of(response.content.decode())
    dimmed = {slug for slug, attrs in nodes.items() if "is-dimmed" in attrs["class"]}
    assert dimmed == set(catalogue) - bright
    assert all("Does not fit your filters" in nodes[s]["aria-label"] for s in dimmed)
    assert f"{len(bright)} of 4 roles fit your filters" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("track=&remote=1", "remote=1"),
        ("remote=1&track=leading", "track=leading&remote=1"),
        ("utm_source=x", ""),
        ("within_year=1&within_year=1&page=2", "within_year=1"),
    ],
)
def test_other_spellings_of_a_filter_redirect_to_the_one_canonical_address(client, catalogue, query, canonical):
    response = client.get(f"{MAP}?{query}")
    assert response.status_code == 302
    assert response["Location"] == MAP + (f"?{canonical}" if canonical else "")


@pytest.mark.parametrize("query", ["track=nope", "remote=yes", "within_year=%00", "track=" + "x" * 500])
def test_invalid_filters_are_explained_and_never_cached(client, catalogue, query):
    response = client.get(f"{MAP}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters could not be used" in html and 'aria-invalid="true"' in html
    assert len(nodes_of(html)) == 4, "the whole map is still shown"
    assert cache.get(page_key(content_generation(), MAP, query)) is None
    client.get(MAP)
    assert cache.get(page_key(content_generation(), MAP)) is not None, "a valid map page is stored"


def test_the_map_page_is_cached_until_the_content_changes(client, catalogue, django_assert_num_queries):
    client.get(MAP)
    with django_assert_num_queries(0):
        assert client.get(MAP).status_code == 200
    RoleFactory(slug="new-role", name="Brand new role", level="experienced", track=catalogue["coder"].track)
    assert "Brand new role" in client.get(MAP).content.decode()


@pytest.mark.parametrize("n_roles", [4, 40])
def test_the_map_makes_the_same_queries_for_few_or_many_roles(db, client, django_assert_num_queries, n_roles):
    tracks = [TrackFactory(), TrackFactory()]
    roles = [RoleFactory(track=tracks[i % 2], level=LEVELS[i % 4][0]) for i in range(n_roles)]
    for i, role in enumerate(roles):
        SalaryBandFactory(role=role, amount=40000 + i)
        EducationPathFactory().roles.add(role)
        LadderStepFactory(from_role=role, to_role=roles[(i + 1) % n_roles])
    with django_assert_num_queries(2):
        response = client.get(MAP)
    assert len(nodes_of(response.content.decode())) == n_roles


# --- a student's matches ------------------------------------------------------------------------


def _result_for(catalogue, **kwargs):
    order = [catalogue[s] for s in ("auditor", "coder", "manager", "biller")]
    return ResultFactory(matches=match_rows(order, best=90, step=5), **kwargs)


def test_a_students_map_highlights_their_top_matches_with_fit_and_dims_not_for_me(client, catalogue):
    result = _result_for(catalogue, hidden=["biller"])
    response = client.get(reverse("assessments:result_map", args=[result.token]))
    nodes = nodes_of(response.content.decode())
    assert "is-highlighted" in nodes["auditor"]["class"] and "Your match number 1, 90% fit" in nodes["auditor"]["aria-label"]
    assert "Match #2 · 85% fit" in response.content.decode()
    assert "is-dimmed" in nodes["biller"]["class"] and "not for me" in nodes["biller"]["aria-label"]
    assert "is-highlighted" not in nodes["biller"]["class"]


def test_a_students_map_is_private_like_the_results_page(client, catalogue):
    result = _result_for(catalogue)
    response = client.get(reverse("assessments:result_map", args=[result.token]))
    assert response["Referrer-Policy"] == "no-referrer" and response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    redirect = client.get(reverse("assessments:result_map", args=[result.token]) + "?utm=1")
    assert redirect.status_code == 302 and redirect["Referrer-Policy"] == "no-referrer"
    assert client.get(reverse("assessments:result_map", args=["not-a-token"])).status_code == 404


def test_the_results_page_links_to_the_students_map(client, catalogue):
    result = _result_for(catalogue)
    html = client.get(result.get_absolute_url()).content.decode()
    assert f'href="{reverse("assessments:result_map", args=[result.token])}">See your matches on the map<' in html


@pytest.mark.parametrize("n_roles", [4, 30])
def test_a_students_map_makes_the_same_queries_for_few_or_many_roles(db, client, django_assert_num_queries, n_roles):
    roles = [RoleFactory(level=LEVELS[i % 4][0]) for i in range(n_roles)]
    result = ResultFactory(matches=match_rows(roles), hidden=[roles[-1].slug])
    with django_assert_num_queries(3):
        client.get(reverse("assessments:result_map", args=[result.token]))


# --- a cohort's counts --------------------------------------------------------------------------


def _counselor_client(client, user):
    from assessments.models import CounselorProfile

    user.save()  # the factory sets the password without saving it
    CounselorProfile.objects.get_or_create(user=user)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_a_counselor_sees_how_many_students_have_each_role_in_their_top_three(client, catalogue):
    cohort = CohortFactory(name="Period 3")
    _result_for(catalogue, cohort=cohort)  # auditor, coder, manager
    _result_for(catalogue, cohort=cohort, hidden=["auditor"])  # coder, manager, biller
    response = _counselor_client(client, cohort.counselor).get(reverse("assessments:cohort_map", args=[cohort.pk]))
    assert response.status_code == 200, response
    html = response.content.decode()
    nodes = nodes_of(html)
    assert "2 of 2 students have it in their top three" in nodes["coder"]["aria-label"]
    assert "1 of 2 students" in nodes["biller"]["aria-label"] and "1 of 2 students" in nodes["auditor"]["aria-label"]
    assert "2 of 2 in top 3" in html
    cohort_page = client.get(cohort.get_absolute_url()).content.decode()
    assert reverse("assessments:cohort_map", args=[cohort.pk]) in cohort_page


def test_the_cohort_map_is_for_the_cohorts_own_counselor_only(client, catalogue):
    cohort = CohortFactory()
    _result_for(catalogue, cohort=cohort)
    url = reverse("assessments:cohort_map", args=[cohort.pk])
    assert client.get(url)["Location"].startswith(reverse("login"))
    other = UserFactory()
    other.save()
    assert _counselor_client(client, other).get(url).status_code == 404
    client.logout()
    plain = UserFactory()
    plain.save()
    client.force_login(plain, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(url).status_code == 403


# --- the real content -------------------------------------------------------------------------


def test_the_real_map_places_all_roles_and_every_ladder_step(client, real_content):
    from careers.models import LadderStep, Role

    html = client.get(MAP).content.decode()
    assert len(nodes_of(html)) == Role.objects.count() == 19
    assert html.count('class="map-edge edge-') - 2 == LadderStep.objects.count() == 33
    assert "est." in html and "official" in html


def test_a_role_file_with_an_unknown_level_is_refused(db, tmp_path):
    import shutil

    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    path = tmp_path / "content" / "roles" / "medical-coder.yaml"
    path.write_text(path.read_text().replace("level: entry\n", "level: wizard\n", 1))
    with pytest.raises(ContentError, match="roles/medical-coder.yaml: level: Input should be 'entry'"):
        load_content(tmp_path / "content")


def test_the_map_answers_any_query_string_without_a_server_error(client, catalogue):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.security import HTTPS, hostile_text, hostile_value

    keys = st.one_of(st.sampled_from(["track", "no_patient_contact", "remote", "within_year"]), hostile_text())

    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(params=st.dictionaries(keys, hostile_value(), max_size=5))
    def check(params):
        response = client.get(MAP, params, **HTTPS)
        assert response.status_code in (200, 302, 400), params
        if response.status_code == 302:
            assert client.get(response["Location"], **HTTPS).status_code == 200, "the canonical address works"

    check()
