"""The private results page: profile, matches, "not for me", headers and query counts."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Item, Result
from tests.assessments.factories import (
    FLAT_PROFILE,
    DimensionFactory,
    ResultFactory,
    answers_for,
    match_rows,
    post_data,
)
from tests.factories import EducationPathFactory, RoleFactory, SalaryBandFactory

pytestmark = pytest.mark.django_db


def make_roles(n):
    return [RoleFactory(slug=f"role-{i:02d}", name=f"Role {i:02d}", plural=f"role {i:02d}s", entry_salary=40000 + i) for i in range(n)]


@pytest.fixture
def roles():
    return make_roles(10)


@pytest.fixture
def result(roles):
    for code in "RIASEC":
        DimensionFactory(code=code)
    return ResultFactory(matches=match_rows(roles))


def url(result):
    return reverse("assessments:result", args=[result.token])


def hide_url(result):
    return reverse("assessments:result_hide", args=[result.token])


def top_names(html):
    """Role names of the prominent match cards, in page order."""
    return re.findall(r'class="h4 match-title"[^>]*><span class="match-rank">\d+\.</span> <a href="[^"]+">([^<]+)</a>', html)


def row_names(html):
    return re.findall(r'class="match-row-name" href="[^"]+">([^<]+)</a>', html)


def test_it_shows_the_profile_as_a_chart_and_a_table(client, result):
    html = client.get(url(result)).content.decode()

    assert '<svg class="chart-wide" role="img"' in html
    assert html.count('class="profile-bar') == 6
    assert "Conventional 88" in html  # the chart's text alternative (87.5 rounds up)
    table = html.split('class="table table-sm profile-table"')[1].split("</table>")[0]
    assert re.search(r"Conventional <span class=\"profile-nickname\">\(Organizers\)</span></th><td class=\"text-end\">88</td>", table)
    assert re.search(r"Artistic .*?</th><td class=\"text-end\">0</td>", table)


def test_it_explains_the_holland_code_in_words(client, result):
    html = client.get(url(result)).content.decode()

    assert 'Your Holland code is <strong class="holland-code">CIS</strong>' in html
    assert "C: Conventional (Organizers)" in html
    assert "I: Investigative (Thinkers)" in html
    assert "S: Social (Helpers)" in html


def test_it_shows_the_top_five_prominently_with_reasons_and_the_rest_compactly(client, result):
    html = client.get(url(result)).content.decode()

    assert top_names(html) == [f"Role {i:02d}" for i in range(5)]
    assert row_names(html) == ["Role 05", "Role 06", "Role 07", "Role 08", "Role 09"]
    assert "96% fit" in html and "Strong fit" in html
    assert "You and role 00s both like tidy records." not in html  # true of every top match:
    assert html.count("You and all of your top matches lean toward organized, rule-based work") == 1
    assert "Role 00 work has little patient contact." in html
    assert html.count('name="role" value="role-') == 10  # a "Not for me" button on every match


def test_match_cards_link_to_the_role_and_its_roadmap_with_salary_and_training_time(client, roles):
    role = roles[0]
    SalaryBandFactory(role=role, level="entry", amount=45500, status="secondary", year="OEWS May 2024")
    short = EducationPathFactory(slug="short-path", name="Bootcamp", months_min=2)
    long = EducationPathFactory(slug="long-path", name="Associate degree", months_min=24, months_max=24)
    short.roles.add(role)
    long.roles.add(role)
    result = ResultFactory(matches=match_rows(roles[:1]))

    card = client.get(url(result)).content.decode().split('id="match-role-00"')[1].split("</article>")[0]

    assert f'href="{role.get_absolute_url()}"' in card
    assert f'href="{reverse("careers:roadmap", args=[role.slug])}"' in card
    assert "$45,500 a year" in card and "secondary source, OEWS May 2024" in card
    assert "From about 2 months of study" in card and "(Bootcamp)" in card


def test_without_a_salary_band_it_falls_back_to_the_roles_entry_salary(client, roles):
    result = ResultFactory(matches=match_rows(roles[3:4]))

    card = client.get(url(result)).content.decode().split('id="match-role-03"')[1].split("</article>")[0]

    assert "$40,003 a year" in card
    assert "Time to a first job</dt><dd>Not known" in card


def test_every_element_id_on_the_page_is_unique(client, result):
    result.hidden = ["role-09"]
    result.save()

    ids = re.findall(r' id="([^"]+)"', client.get(url(result)).content.decode())

    assert len(ids) == len(set(ids))


def test_it_says_results_are_guidance_and_links_the_quiz_the_print_packet_and_the_private_link(client, result):
    html = client.get(url(result)).content.decode()

    assert "guidance for exploring" in html and "not a verdict" in html
    assert f'href="{reverse("assessments:quiz")}"' in html
    assert f'href="{reverse("assessments:result_print", args=[result.token])}"' in html
    assert f'value="http://testserver{url(result)}" readonly' in html


def test_a_flat_profile_gets_a_kind_message_and_a_link_to_browse_roles(client, roles):
    result = ResultFactory(profile=FLAT_PROFILE, matches=match_rows(roles))

    html = client.get(url(result)).content.decode()

    assert "No clear pattern in your interests, and that&#x27;s fine" in html or "No clear pattern in your interests, and that's fine" in html
    assert "based only on your answers about how you like to work" in html
    assert f'href="{reverse("careers:role_list")}"' in html
    assert "Your Holland code is" not in html


def test_it_tells_search_engines_and_other_sites_nothing(client, result):
    response = client.get(url(result))

    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]


def test_a_wrong_token_is_a_plain_404(client, result):
    response = client.get(reverse("assessments:result", args=["x" * 43]))

    assert response.status_code == 404
    assert "x" * 43 not in response.content.decode()
    assert result.token not in response.content.decode()


def test_not_for_me_hides_a_match_and_brings_up_the_sixth(client, result):
    response = client.post(hide_url(result), {"role": "role-02"})

    assert response.status_code == 303
    assert response["Location"] == f"{url(result)}#matches"
    html = client.get(url(result)).content.decode()
    assert top_names(html) == ["Role 00", "Role 01", "Role 03", "Role 04", "Role 05"]
    assert row_names(html) == ["Role 06", "Role 07", "Role 08", "Role 09"]
    hidden = html.split('id="hidden-title"')[1]
    assert "Role 02" in hidden and 'name="undo" value="1"' in hidden


def test_undo_brings_a_hidden_match_back_in_its_place(client, result):
    client.post(hide_url(result), {"role": "role-02"})

    client.post(hide_url(result), {"role": "role-02", "undo": "1"})

    html = client.get(url(result)).content.decode()
    assert top_names(html) == [f"Role {i:02d}" for i in range(5)]
    assert 'id="hidden-title"' not in html


def test_hiding_needs_a_post_with_a_csrf_token(result):
    csrf_client = Client(enforce_csrf_checks=True)

    assert csrf_client.get(hide_url(result)).status_code == 405
    assert csrf_client.post(hide_url(result), {"role": "role-01"}).status_code == 403
    result.refresh_from_db()
    assert result.hidden == []


def test_hiding_works_from_the_no_referrer_page_as_browsers_post_it(result):
    # Referrer-Policy: no-referrer makes browsers send "Origin: null" and no Referer.
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url(result), secure=True).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    response = browser.post(hide_url(result), {"role": "role-01", "csrfmiddlewaretoken": token}, secure=True, HTTP_ORIGIN="null")

    assert response.status_code == 303
    result.refresh_from_db()
    assert result.hidden == ["role-01"]


def test_hiding_from_another_site_or_without_the_token_is_refused(result):
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url(result), secure=True).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    other_site = browser.post(hide_url(result), {"role": "role-01", "csrfmiddlewaretoken": token}, secure=True, HTTP_ORIGIN="https://evil.example")
    no_token = browser.post(hide_url(result), {"role": "role-01"}, secure=True, HTTP_ORIGIN="null")

    assert (other_site.status_code, no_token.status_code) == (403, 403)
    result.refresh_from_db()
    assert result.hidden == []


def test_hiding_an_unknown_role_or_on_a_wrong_token_changes_nothing(client, result):
    assert client.post(hide_url(result), {"role": "not-a-role"}).status_code == 303
    assert client.post(reverse("assessments:result_hide", args=["nope"]), {"role": "role-01"}).status_code == 404
    result.refresh_from_db()
    assert result.hidden == []


def test_a_match_whose_role_was_removed_is_left_out(client, roles, result):
    roles[0].delete()

    html = client.get(url(result)).content.decode()

    assert top_names(html)[0] == "Role 01"


def test_a_class_result_says_the_counselor_can_see_it(client, roles):
    from tests.assessments.factories import CohortFactory

    result = ResultFactory(matches=match_rows(roles), cohort=CohortFactory(), display_name="Sam")

    html = client.get(url(result)).content.decode()

    assert "your teacher or counselor can see these results with the name you gave" in html
    assert "Sam" not in html


@pytest.mark.parametrize("n_roles", [8, 40])
def test_the_first_view_makes_the_same_queries_at_any_catalogue_size(client, django_assert_num_queries, n_roles):
    roles = make_roles(n_roles)
    for role in roles:
        SalaryBandFactory(role=role, level="entry")
        path = EducationPathFactory()
        path.roles.add(role)
    result = ResultFactory(matches=match_rows(roles, step=1), hidden=[roles[1].slug])

    # The small row read on every view (Result.objects.page_state), then, rendering: the whole
    # result, the work samples attached (worksamples.fit), + 6 for the top three's next steps
    # (assessments.next_steps: roles, routes, titles, ladder, credentials, directories), and the
    # small row again (nothing changed while rendering: the page may be kept)
    with django_assert_num_queries(12):
        response = client.get(url(result))

    assert response.status_code == 200


def test_taking_the_real_quiz_gives_a_full_results_page(client, real_content):
    items = list(Item.objects.for_form())
    answers = answers_for(items, interests={"C": 5, "I": 4, "S": 2, "R": 2, "A": 1, "E": 1}, facets={"clinical_detail": 5, "remote_work": 5, "patient_contact": 1})

    response = client.post(reverse("assessments:quiz"), post_data(answers))
    page = client.get(response["Location"])

    result = Result.objects.get()
    html = page.content.decode()
    assert response.status_code == 303 and page.status_code == 200
    assert len(result.matches) >= 19
    assert len(top_names(html)) == 5
    assert result.profile["holland_code"].startswith("C")
    assert "Conventional (Organizers)" in html


def test_a_stored_results_page_is_served_after_one_small_read_and_shows_not_for_me_at_once(result, shared_cache, django_assert_num_queries):
    first = Client(enforce_csrf_checks=True)
    first.get(url(result), secure=True)  # renders and stores the page
    visitor = Client(enforce_csrf_checks=True)  # a new browser: no cookies yet
    with django_assert_num_queries(1):  # the row's token, hidden matches and tries (page_state)
        response = visitor.get(url(result), secure=True)
    page = response.content.decode()
    assert response["Referrer-Policy"] == "no-referrer" and "noindex" in response["X-Robots-Tag"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert "placeholder" not in token

    # The stored page's form works for this visitor, and hiding shows at once.
    hidden = visitor.post(hide_url(result), {"role": "role-02", "csrfmiddlewaretoken": token}, secure=True, HTTP_ORIGIN="null")
    assert hidden.status_code == 303
    assert "Role 02" not in top_names(visitor.get(url(result), secure=True).content.decode())
