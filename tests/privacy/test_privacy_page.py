"""/privacy/: reachable from every page, in plain words, and true of the code it describes."""

import re
import warnings
from html import unescape

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from assessments.forms import QuizForm
from assessments.models import Cohort, CounselorProfile, Item, Result
from tests.assessments.factories import ResultFactory, match_rows
from tests.factories import RoleFactory
from tests.privacy.conftest import HTTPS, sign_in

pytestmark = pytest.mark.django_db
PRIVACY = reverse("assessments:privacy")


def page_text(html: str) -> str:
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main.split(">", 1)[1]))).strip()


@pytest.fixture
def privacy_html(client):
    response = client.get(PRIVACY, **HTTPS)
    assert response.status_code == 200
    return response.content.decode()


def footer(html: str) -> str:
    return html.split('<footer class="site-footer', 1)[1].split("</footer>", 1)[0]


def test_every_kind_of_page_links_to_it_from_the_footer(client, quiz_items, submit, counselor, cohort):
    result = submit()
    role = RoleFactory(slug="health-data-analyst")
    public = [
        reverse("home"), reverse("careers:role_list"), role.get_absolute_url(), reverse("careers:roadmap", args=[role.slug]),
        reverse("careers:certification_list"), reverse("careers:about_data"), reverse("assessments:quiz"),
        result.get_absolute_url(), reverse("assessments:result_delete", args=[result.token]),
        reverse("assessments:result_deleted"), PRIVACY, reverse("login"), "/no-such-page/",
    ]
    teacher = Client()
    sign_in(teacher, counselor)
    counselor_pages = [
        reverse("assessments:cohort_list"), reverse("assessments:cohort_create"), cohort.get_absolute_url(),
        reverse("assessments:cohort_delete", args=[cohort.pk]),
    ]
    for browser, urls in ((client, public), (teacher, counselor_pages)):
        for url in urls:
            html = browser.get(url, **HTTPS).content.decode()
            assert f'<a href="{PRIVACY}">Privacy</a>' in footer(html), url


def test_the_quiz_and_class_code_forms_link_to_it(client, quiz_items, counselor):
    quiz = client.get(reverse("assessments:quiz"), **HTTPS).content.decode()
    class_code = quiz.split('id="class-code"', 1)[1].split("</fieldset>", 1)[0]
    assert f'href="{PRIVACY}"' in class_code
    assert f'href="{PRIVACY}"' in quiz.split('data-quiz-submit', 1)[1].split("</div>", 1)[0]

    teacher = Client()
    sign_in(teacher, counselor)
    form = teacher.get(reverse("assessments:cohort_create"), **HTTPS).content.decode()
    assert f'href="{PRIVACY}"' in form.split("<main", 1)[1]


def blocks(html: str) -> list[str]:
    """The text of each heading, paragraph, list item and definition, in order."""
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    found = re.findall(r"<(h1|h2|p|li|dt|dd)\b[^>]*>(.*?)</\1>", main, re.S)
    return [re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", body))).strip() for _, body in found]


def test_it_is_written_in_plain_words(privacy_html):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # textstat 0.7.3 imports the deprecated pkg_resources
        import textstat

    text = page_text(privacy_html)
    assert textstat.lexicon_count(text) > 500  # the whole story, not a stub
    assert textstat.flesch_kincaid_grade(text) <= 8.0  # about 8th grade at most
    sentences = [s for block in blocks(privacy_html) for s in re.split(r"(?<=[.!?;])\s+", block)]
    assert [s for s in sentences if len(s.split()) > 30] == []


def test_it_states_the_retention_age_from_the_setting(client):
    assert "We keep your quiz results for 365 days." in page_text(client.get(PRIVACY, **HTTPS).content.decode())
    cache.clear()  # a changed setting comes with a restart; the stored page expires on its own
    with override_settings(RESULT_RETENTION_DAYS=90):
        html = Client().get(PRIVACY, **HTTPS).content.decode()
    text = page_text(html)
    assert "We keep your quiz results for 90 days." in text
    assert "Quiz results: 90 days from the day you sent your answers." in text
    assert "365" not in text


def test_it_names_the_cookies_the_site_actually_sets(privacy_html):
    text = page_text(privacy_html)
    assert f"{settings.CSRF_COOKIE_NAME} A random code that stops other websites" in text
    assert f"{settings.SESSION_COOKIE_NAME} Only for counselors who sign in. It keeps them signed in for up to 8 hours." in text
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.CSRF_COOKIE_AGE <= 366 * 24 * 60 * 60  # "up to a year"


def test_what_it_lists_for_a_result_a_cohort_and_an_account_is_all_the_model_holds(privacy_html):
    """A new field on these models must be described on the privacy page: update both."""
    described = {
        Result: {"id", "token", "created", "answers", "profile", "matches", "hidden", "cohort", "display_name",
                 "scoring_model", "summary"},
        Cohort: {"id", "counselor", "name", "join_code", "created", "is_open"},
        CounselorProfile: {"id", "user", "school"},
    }
    for model, fields in described.items():
        assert {f.name for f in model._meta.concrete_fields} == fields, model.__name__
    text = page_text(privacy_html)
    for phrase in (
        "your answer to each statement", "the scores and job matches", "which version of our scoring made them", "the jobs you mark “not for me”",
        "the date and time you sent your answers", "a long random code", "which class you joined and the name you typed",
        "its name, its join code, the date it was made, whether it is open to new students, and which counselor made it",
        "a user name, an email address, a name if one was given, the school, and the password in scrambled form",
    ):
        assert phrase in text


def test_the_quiz_asks_for_nothing_personal_but_an_optional_short_name(quiz_items):
    form = QuizForm(None, items=Item.objects.for_form())
    extra = set(form.fields) - {item.code for item in quiz_items}
    assert extra == {"join_code", "display_name"}
    assert not form.fields["display_name"].required and form.fields["display_name"].max_length == 40
    assert Result._meta.get_field("display_name").max_length == 40


def test_what_it_says_about_wrong_class_codes_and_sign_ins_holds(privacy_html):
    from assessments import ratelimit

    text = page_text(privacy_html)
    assert ratelimit.WINDOW_SECONDS == 10 * 60 and "we count them for 10 minutes" in text
    key = ratelimit.JoinCodeLimiter("198.51.100.4").key
    assert "198.51.100.4" not in key  # "a scrambled form of the network address"
    assert settings.AXES_FAILURE_LIMIT > 0 and "Failed sign-ins are counted too" in text


def test_what_it_says_about_copies_of_pages_holds(privacy_html):
    text = page_text(privacy_html)
    assert settings.PAGE_CACHE_SECONDS == 10 * 60 and "for up to 10 minutes" in text and "expire within 10 minutes" in text
    # "never shown again": tests/assessments/test_result_page_state.py (deleted by another server).


def test_it_is_served_from_the_page_cache_without_queries(client, django_assert_num_queries):
    client.get(PRIVACY, **HTTPS)
    with django_assert_num_queries(0):
        again = client.get(PRIVACY, **HTTPS)
    assert again.status_code == 200 and not again.cookies


def test_the_results_page_links_to_it_next_to_the_delete_button(client):
    result = ResultFactory(matches=match_rows([RoleFactory()]))
    html = client.get(result.get_absolute_url(), **HTTPS).content.decode()
    section = html.split('id="your-data-title"', 1)[1].split("</section>", 1)[0]
    assert f'href="{PRIVACY}"' in section and "Delete my results" in section
