import csv
import io
import re

import pytest
from django.urls import reverse

from assessments import cohort_forms
from assessments.cohort_stats import profile_spread, top_match_counts
from assessments.counselor_views import csv_safe
from assessments.models import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Cohort,
    CounselorProfile,
    new_join_code,
)
from tests.assessments.factories import (
    CohortFactory,
    ResultFactory,
    UserFactory,
    default_profile,
    match_rows,
)
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOOK_ALIKES = "0O1IL5S2Z8B"


def make_user(**kwargs):
    user = UserFactory(**kwargs)
    user.save()  # the factory sets the password without saving it
    return user


def make_counselor(**kwargs):
    user = make_user(**kwargs)
    CounselorProfile.objects.create(user=user, school="Lincoln High")
    return user


def sign_in(client, user):
    # The first backend is django-axes' guard, which does not load users from the session.
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


@pytest.fixture
def counselor():
    return make_counselor()


@pytest.fixture
def roles():
    return [RoleFactory(slug=slug, name=name) for slug, name in [("medical-coder", "Medical coder"), ("cancer-registrar", "Cancer registrar"), ("him-director", "HIM director"), ("medical-biller", "Medical biller")]]


@pytest.fixture
def cohort(counselor, roles):
    cohort = CohortFactory(counselor=counselor, name="Period 3")
    ResultFactory(cohort=cohort, display_name="A.B.", matches=match_rows(roles))
    ResultFactory(cohort=cohort, display_name="C.D.", matches=match_rows(roles[::-1]), profile=default_profile(holland_code="SIC"))
    return cohort


def counselor_urls(cohort):
    token = cohort.results.first().token
    return [
        reverse("assessments:cohort_detail", args=[cohort.pk]),
        reverse("assessments:cohort_print", args=[cohort.pk]),
        reverse("assessments:cohort_export", args=[cohort.pk]),
        reverse("assessments:cohort_result", args=[cohort.pk, token]),
    ]


# --- join codes -------------------------------------------------------------------------------


def test_the_join_code_alphabet_has_no_look_alike_characters():
    assert not set(LOOK_ALIKES) & set(JOIN_CODE_ALPHABET)
    assert len(set(JOIN_CODE_ALPHABET)) == len(JOIN_CODE_ALPHABET) >= 20
    assert JOIN_CODE_ALPHABET == JOIN_CODE_ALPHABET.upper()


def test_join_codes_are_eight_characters_from_the_alphabet_and_hard_to_guess():
    codes = {new_join_code() for _ in range(2000)}
    assert len(codes) == 2000  # about 1.5e11 possible codes: no repeats in a sample this size
    assert all(len(c) == JOIN_CODE_LENGTH and set(c) <= set(JOIN_CODE_ALPHABET) for c in codes)
    assert len(JOIN_CODE_ALPHABET) ** JOIN_CODE_LENGTH > 10**11


def test_a_join_code_is_shown_in_two_groups_of_four(counselor):
    assert Cohort(counselor=counselor, name="x", join_code="ACDE3467").join_code_display == "ACDE-3467"


def test_creating_a_cohort_draws_a_new_code_when_the_first_is_taken(counselor, monkeypatch):
    CohortFactory(join_code="ACDEFGHJ")
    codes = iter(["ACDEFGHJ", "ACDEFGHJ", "KMNPQRTU"])
    monkeypatch.setattr(cohort_forms, "new_join_code", lambda: next(codes))
    form = cohort_forms.CohortForm({"name": "Period 4"})
    assert form.is_valid()
    assert form.save(counselor=counselor).join_code == "KMNPQRTU"


def test_creating_a_cohort_gives_up_after_repeated_collisions(counselor, monkeypatch):
    CohortFactory(join_code="ACDEFGHJ")
    monkeypatch.setattr(cohort_forms, "new_join_code", lambda: "ACDEFGHJ")
    form = cohort_forms.CohortForm({"name": "Period 4"})
    assert form.is_valid()
    with pytest.raises(cohort_forms.JoinCodeExhausted):
        form.save(counselor=counselor)
    assert Cohort.objects.count() == 1


def test_every_cohort_gets_its_own_code(counselor):
    codes = [cohort_forms.CohortForm({"name": f"Group {i}"}).save(counselor=counselor).join_code for i in range(30)]
    assert len(set(codes)) == 30


# --- creating and listing cohorts --------------------------------------------------------------


def test_a_counselor_creates_a_cohort_and_sees_its_join_code(client, counselor):
    sign_in(client, counselor)
    response = client.post(reverse("assessments:cohort_create"), {"name": "  Period   3  "}, follow=True)
    cohort = Cohort.objects.get()
    assert cohort.name == "Period 3" and cohort.counselor == counselor
    assert response.redirect_chain[-1][0] == cohort.get_absolute_url()
    assert cohort.join_code_display in response.content.decode()


def test_a_cohort_without_a_name_is_refused_with_an_announced_error(client, counselor):
    sign_in(client, counselor)
    response = client.post(reverse("assessments:cohort_create"), {"name": "   "})
    assert response.status_code == 200 and not Cohort.objects.exists()
    html = response.content.decode()
    # The field (rendered by crispy-forms) carries its help and its error; a summary is announced.
    assert re.search(r'<input[^>]*aria-invalid="true"[^>]*aria-describedby="id_name_helptext id_name_error"', html)
    assert re.search(r'<div id="id_name_error" class="invalid-feedback">\s*<span[^>]*><strong>This field is required', html)
    assert re.search(r'role="alert" id="form-errors">\s*<p class="mb-0"><a href="#id_name"[^>]*>Cohort name</a>: This field is required', html)
    assert "autofocus" in html


def test_a_too_long_name_is_refused_and_kept(client, counselor):
    sign_in(client, counselor)
    response = client.post(reverse("assessments:cohort_create"), {"name": "x" * 121})
    assert response.status_code == 200 and not Cohort.objects.exists()
    assert 'value="' + "x" * 121 + '"' in response.content.decode()


def test_the_cohort_list_shows_only_the_counselors_own_cohorts(client, counselor):
    CohortFactory(counselor=counselor, name="Mine")
    CohortFactory(counselor=make_counselor(), name="Someone else's")
    sign_in(client, counselor)
    html = client.get(reverse("assessments:cohort_list")).content.decode()
    assert "Mine" in html and "Someone else" not in html


# --- the cohort page ---------------------------------------------------------------------------


def test_the_cohort_page_lists_each_students_name_date_and_top_three(client, cohort):
    sign_in(client, cohort.counselor)
    html = client.get(cohort.get_absolute_url()).content.decode()
    assert "A.B." in html and "C.D." in html
    assert re.search(r"<ol class=\"mb-0 ps-3\"><li>Medical coder</li><li>Cancer registrar</li><li>HIM director</li></ol>", html)
    assert re.search(r"<ol class=\"mb-0 ps-3\"><li>Medical biller</li><li>HIM director</li><li>Cancer registrar</li></ol>", html)
    for result in cohort.results.all():
        assert reverse("assessments:cohort_result", args=[cohort.pk, result.token]) in html
    assert reverse("assessments:cohort_print", args=[cohort.pk]) in html
    assert reverse("assessments:cohort_export", args=[cohort.pk]) in html


def test_the_cohort_page_charts_the_class_profile_and_common_matches(client, cohort):
    sign_in(client, cohort.counselor)
    html = client.get(cohort.get_absolute_url()).content.decode()
    assert '<title id="spread-title">Average interest scores' in html
    assert "Conventional average 88, from 88 to 88" in html
    assert re.search(r'<title id="top-title">[^<]*Cancer registrar 2, HIM director 2, Medical biller 1, Medical coder 1', html)
    assert 'style="' not in html


def test_an_empty_cohort_shows_its_join_code_instead_of_charts(client, counselor):
    cohort = CohortFactory(counselor=counselor)
    sign_in(client, counselor)
    html = client.get(cohort.get_absolute_url()).content.decode()
    main = html.split("<main", 1)[1]
    assert "No results yet" in main and cohort.join_code_display in main and "<svg" not in main


def test_a_counselor_opens_a_students_results_packet(client, cohort):
    sign_in(client, cohort.counselor)
    result = cohort.results.get(display_name="A.B.")
    html = client.get(reverse("assessments:cohort_result", args=[cohort.pk, result.token])).content.decode()
    assert "Career fit results: A.B." in html and "Roadmap: Medical coder" in html
    assert f'href="{cohort.get_absolute_url()}"' in html  # back to the cohort


def test_the_cohort_print_holds_every_packet_in_one_document(client, cohort):
    sign_in(client, cohort.counselor)
    html = client.get(reverse("assessments:cohort_print", args=[cohort.pk])).content.decode()
    assert html.count('<article class="packet"') == 2
    assert "Career fit results: A.B." in html and "Career fit results: C.D." in html
    assert re.search(r'<h2 id="p\d+-title">Career fit results: A.B.</h2>', html)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))  # two packets with the same roles still have unique ids


# --- CSV export ---------------------------------------------------------------------------------


def test_the_export_lists_name_date_holland_code_top_three_and_link(client, cohort):
    sign_in(client, cohort.counselor)
    response = client.get(reverse("assessments:cohort_export", args=[cohort.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == f'attachment; filename="cohort-{cohort.pk}-results.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Name", "Date", "Holland code", "Match 1", "Match 2", "Match 3", "Link"]
    by_name = {row[0]: row for row in rows[1:]}
    result = cohort.results.get(display_name="A.B.")
    assert by_name["A.B."] == [
        "A.B.",
        result.created.date().isoformat(),
        "CIS",
        "Medical coder",
        "Cancer registrar",
        "HIM director",
        "http://testserver" + reverse("assessments:cohort_result", args=[cohort.pk, result.token]),
    ]
    assert by_name["C.D."][2] == "SIC"


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://evil\")", "+1+1", "-2", "@SUM(A1)", "\tx"])
def test_the_export_defuses_spreadsheet_formulas_in_names(client, counselor, name):
    cohort = CohortFactory(counselor=counselor)
    ResultFactory(cohort=cohort, display_name=name)
    sign_in(client, counselor)
    rows = list(csv.reader(io.StringIO(client.get(reverse("assessments:cohort_export", args=[cohort.pk])).content.decode())))
    assert rows[1][0] == "'" + name


def test_csv_safe_leaves_ordinary_text_alone():
    assert csv_safe("J.D.") == "J.D." and csv_safe(None) == "" and csv_safe("a=b") == "a=b"


# --- access control -----------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_sign_in_from_every_counselor_page(client, cohort):
    urls = [reverse("assessments:cohort_list"), reverse("assessments:cohort_create"), *counselor_urls(cohort)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next=")
        assert b"A.B." not in response.content


def test_another_counselor_gets_404_and_no_data_from_every_cohort_page(client, cohort):
    sign_in(client, make_counselor())
    for url in counselor_urls(cohort):
        response = client.get(url)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert "A.B." not in html and "Period 3" not in html and cohort.join_code not in html


def test_a_signed_in_user_who_is_not_a_counselor_is_refused(client, cohort):
    sign_in(client, make_user())
    for url in [reverse("assessments:cohort_list"), reverse("assessments:cohort_create"), *counselor_urls(cohort)]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"A.B." not in response.content


def test_a_result_from_another_cohort_cannot_be_opened_through_ones_own(client, cohort, counselor):
    other = ResultFactory(cohort=CohortFactory(counselor=make_counselor()), display_name="Z.Z.")
    sign_in(client, counselor)
    response = client.get(reverse("assessments:cohort_result", args=[cohort.pk, other.token]))
    assert response.status_code == 404 and b"Z.Z." not in response.content


def test_another_counselor_cannot_create_cohorts_for_someone_else(client, counselor):
    sign_in(client, counselor)
    client.post(reverse("assessments:cohort_create"), {"name": "Mine", "counselor": make_counselor().pk})
    assert Cohort.objects.get().counselor == counselor


def test_counselor_pages_are_not_cached_by_browsers(client, cohort):
    sign_in(client, cohort.counselor)
    for url in counselor_urls(cohort):
        assert "no-store" in client.get(url)["Cache-Control"], url


# --- sign-in ------------------------------------------------------------------------------------


def test_a_counselor_signs_in_and_lands_on_their_cohorts(client, counselor):
    response = client.post(reverse("login"), {"username": counselor.username, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("assessments:cohort_list")


def test_the_sign_in_page_has_labelled_fields_and_says_there_is_no_sign_up(client):
    html = client.get(reverse("login")).content.decode()
    for name in ("username", "password"):
        assert re.search(rf'<label\s+for="id_{name}" class="form-label', html)
    assert 'autocomplete="username"' in html and 'autocomplete="current-password"' in html
    assert "no open sign-up" in html


def test_a_wrong_password_is_announced(client, counselor):
    response = client.post(reverse("login"), {"username": counselor.username, "password": "wrong password"})
    html = response.content.decode()
    assert response.status_code == 200 and 'role="alert" id="login-error"' in html
    assert 'value="' + counselor.username + '"' in html  # keeps what was typed


def test_sign_in_locks_after_repeated_failures(client, counselor):
    from django.conf import settings

    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": counselor.username, "password": "wrong password"})
    response = client.post(reverse("login"), {"username": counselor.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


# --- query counts -------------------------------------------------------------------------------


def _cohort_of(counselor, roles, n):
    cohort = CohortFactory(counselor=counselor)
    for i in range(n):
        ResultFactory(cohort=cohort, display_name=f"S{i}", matches=match_rows(roles[i % 2 :]))
    return cohort


@pytest.mark.parametrize("n", [2, 12])
def test_the_cohort_page_makes_the_same_queries_for_2_or_12_students(client, counselor, roles, django_assert_num_queries, n):
    cohort = _cohort_of(counselor, roles, n)
    sign_in(client, counselor)
    with django_assert_num_queries(7):  # session, user, profile check, cohort, results, role names, work samples tried
        assert client.get(cohort.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [2, 12])
def test_printing_a_cohort_makes_the_same_queries_for_2_or_12_students(client, counselor, roles, django_assert_num_queries, n):
    cohort = _cohort_of(counselor, roles, n)
    sign_in(client, counselor)
    with django_assert_num_queries(22):  # + 6 for the top three's next steps, + 1 for work samples
        response = client.get(reverse("assessments:cohort_print", args=[cohort.pk]))
    assert response.content.decode().count('<article class="packet"') == n


@pytest.mark.parametrize("n", [2, 12])
def test_the_export_makes_the_same_queries_for_2_or_12_students(client, counselor, roles, django_assert_num_queries, n):
    cohort = _cohort_of(counselor, roles, n)
    sign_in(client, counselor)
    with django_assert_num_queries(6):
        response = client.get(reverse("assessments:cohort_export", args=[cohort.pk]))
    assert response.content.decode().count("\n") == n + 1


# --- the class charts' arithmetic (no database) ---------------------------------------------------


def test_the_profile_spread_gives_mean_range_and_leading_letters():
    profiles = [
        {"interests": {"R": 10, "I": 60, "A": 0, "S": 40, "E": 20, "C": 90}, "holland_code": "CIS"},
        {"interests": {"R": 30, "I": 80, "A": 0, "S": 40, "E": 20, "C": 50}, "holland_code": "ICS"},
        {"interests": {}},  # no scores: left out
    ]
    spread = {d.code: d for d in profile_spread(profiles)}
    assert (spread["R"].mean, spread["R"].low, spread["R"].high) == (20, 10, 30)
    assert spread["C"].leading == 1 and spread["I"].leading == 1 and spread["S"].leading == 0
    assert spread["R"].low_x == 30 and spread["R"].range_width == 60


def test_the_most_common_matches_come_first_with_ties_by_name():
    counts = top_match_counts([["a", "b", "c"], ["b", "c", "d"], ["c"]], {"a": "Alpha", "b": "Beta", "c": "Gamma", "d": "Delta"})
    assert [(m.name, m.count) for m in counts] == [("Gamma", 3), ("Beta", 2), ("Alpha", 1), ("Delta", 1)]
    assert counts[0].width == 300 and counts[1].width == 200


def test_no_results_give_empty_charts():
    assert top_match_counts([], {}) == ()
    assert all(d.mean == 0 for d in profile_spread([]))
