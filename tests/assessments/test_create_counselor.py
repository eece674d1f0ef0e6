import io
import sys

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import path

from assessments.models import CounselorProfile
from himcareers.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

GOOD_PASSWORD = "plum-orchard-lantern-42"

# A URL configuration with the password-choosing page that invites point to (the site's own,
# whose language prefixes cannot sit inside include()).
urlpatterns = [
    *site_urlpatterns,
    path("accounts/reset/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
]


def run(*args, stdin=""):
    out = io.StringIO()
    saved, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command("create_counselor", *args, stdout=out)
    finally:
        sys.stdin = saved
    return out.getvalue()


def test_it_creates_a_counselor_with_a_password_read_from_stdin():
    output = run("jsmith", "--email", "j.smith@school.example", "--school", "Lincoln High", "--password-stdin", stdin=GOOD_PASSWORD + "\n")
    user = get_user_model().objects.get(username="jsmith")
    assert user.check_password(GOOD_PASSWORD) and user.email == "j.smith@school.example"
    assert CounselorProfile.objects.get(user=user).school == "Lincoln High"
    assert not user.is_staff and not user.is_superuser
    assert "Counselor 'jsmith' created." in output


def test_the_new_counselor_can_sign_in(client):
    run("jsmith", "--password-stdin", stdin=GOOD_PASSWORD)
    response = client.post("/accounts/login/", {"username": "jsmith", "password": GOOD_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/counselors/"


def test_a_weak_password_is_refused_and_nothing_is_created():
    with pytest.raises(CommandError, match="Password refused"):
        run("jsmith", "--password-stdin", stdin="password")
    assert not get_user_model().objects.filter(username="jsmith").exists()


def test_an_existing_username_is_refused():
    run("jsmith", "--password-stdin", stdin=GOOD_PASSWORD)
    with pytest.raises(CommandError, match="already exists"):
        run("JSmith", "--password-stdin", stdin=GOOD_PASSWORD)
    assert CounselorProfile.objects.count() == 1


@override_settings(SITE_URL="")
def test_an_invite_needs_the_sites_public_address():
    with pytest.raises(CommandError, match="--site-url"):
        run("jsmith", "--invite")


def test_without_a_terminal_it_asks_for_a_password_source():
    with pytest.raises(CommandError, match="--password-stdin or --invite"):
        run("jsmith")


@pytest.mark.urls(__name__)
@override_settings(SITE_URL="https://careers.example.org")
def test_an_invite_prints_a_one_time_link_to_choose_a_password(client):
    output = run("jsmith", "--invite")
    user = get_user_model().objects.get(username="jsmith")
    assert not user.has_usable_password()
    link = output.strip().splitlines()[-1]
    assert link.startswith("https://careers.example.org/accounts/reset/")
    path_only = link[link.index("/accounts/reset/") :]
    response = client.get(path_only, follow=True)
    assert response.status_code == 200 and response.context["validlink"]


@override_settings(SITE_URL="")
def test_an_invite_takes_the_address_from_site_url_option_on_a_local_port():
    output = run("jsmith", "--invite", "--site-url", "http://127.0.0.1:9000/")
    assert output.strip().splitlines()[-1].startswith("http://127.0.0.1:9000/accounts/reset/")


def test_the_help_shows_examples_for_each_way_to_make_an_account():
    from assessments.management.commands.create_counselor import Command

    help_text = Command().create_parser("manage.py", "create_counselor").format_help()
    assert "examples:" in help_text
    for example in ("--email j.smith@school.example", "--password-stdin", "--invite --site-url https://"):
        assert example in help_text


# --- accounts made in the admin -------------------------------------------------------------------


@pytest.fixture
def admin_client_signed_in(client):
    admin = get_user_model().objects.create_superuser("boss", "boss@school.example", GOOD_PASSWORD)
    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_an_administrator_makes_a_counselor_on_the_user_page(admin_client_signed_in):
    html = admin_client_signed_in.get("/admin/auth/user/add/").content.decode()
    assert "counselor_profile-TOTAL_FORMS" in html


def test_results_are_read_only_in_the_admin(admin_client_signed_in):
    from tests.assessments.factories import ResultFactory

    result = ResultFactory(answers={"R1": 5})
    assert admin_client_signed_in.get("/admin/assessments/result/add/").status_code == 403
    page = admin_client_signed_in.get(f"/admin/assessments/result/{result.pk}/change/")
    html = page.content.decode()
    assert page.status_code == 200 and "&quot;R1&quot;: 5" in html and 'name="_save"' not in html


@pytest.mark.parametrize("model", ["dimension", "facet", "item", "result", "cohort", "counselorprofile"])
def test_every_assessments_model_has_an_admin_list(admin_client_signed_in, model):
    assert admin_client_signed_in.get(f"/admin/assessments/{model}/").status_code == 200
