"""The questionnaire form and page: validation, error paths, submission and class codes."""

import re

import pytest
from django.urls import reverse

from assessments.forms import QuizForm
from assessments.models import Item, Result
from assessments.ratelimit import FAILURE_LIMIT, JoinCodeLimiter
from tests.assessments.factories import CohortFactory, answers_for, item_bank, post_data
from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db

QUIZ = reverse("assessments:quiz")


@pytest.fixture
def items():
    bank = item_bank(per_dimension=2, per_facet=1)
    RoleFactory(slug="medical-coder", name="Medical coder", plural="medical coders")
    return bank


@pytest.fixture
def answers(items):
    return answers_for(items, interests={"C": 5, "I": 4, "A": 1}, facets={"clinical_detail": 5})


def form_for(data, **kwargs):
    return QuizForm(data, items=Item.objects.for_form(), **kwargs)


def checked_values(html: str) -> dict[str, str]:
    """{item code: value} for every radio the page renders as checked."""
    found = {}
    for tag in re.findall(r"<input[^>]*type=\"radio\"[^>]*>", html):
        if " checked" in tag:
            name = re.search(r'name="([^"]+)"', tag).group(1)
            found[name] = re.search(r'value="([^"]+)"', tag).group(1)
    return found


# --- the form --------------------------------------------------------------------------------------


def test_it_asks_every_active_item_once_with_the_five_point_scale(items):
    Item.objects.filter(code="R2").update(active=False)

    form = form_for(None)

    codes = [code for code in form.fields if code not in ("join_code", "display_name")]
    assert codes == [i.code for i in items if i.code != "R2"]
    assert all(form.fields[c].required for c in codes)
    assert [label for _, label in form.fields["C1"].choices] == ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]


def test_it_cleans_answers_to_whole_numbers(answers):
    form = form_for(post_data(answers))

    assert form.is_valid(), form.errors
    assert form.answers() == answers
    assert all(type(v) is int for v in form.answers().values())


@pytest.mark.parametrize("tampered", ["9", "0", "x", "3.0", " "])
def test_a_tampered_answer_gets_a_clear_field_error(answers, tampered):
    data = post_data(answers, C1=tampered)

    form = form_for(data)

    assert not form.is_valid()
    assert list(form.errors) == ["C1"]
    assert form.errors["C1"][0] in (
        "That answer was not one of the five choices. Choose one of them.",
        "Choose an answer for this statement.",
    )


def test_unknown_extra_codes_are_ignored(answers):
    form = form_for(post_data(answers, ZZ1="5", X99="2"))

    assert form.is_valid()
    assert "ZZ1" not in form.answers()


def test_a_class_code_is_normalised_and_finds_an_open_class(answers):
    cohort = CohortFactory(join_code="ACDE3467")

    form = form_for(post_data(answers, join_code=" acde-3467 ", display_name="  Sam  R "))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["join_code"] == "ACDE3467"
    assert form.cohort == cohort
    assert form.cleaned_data["display_name"] == "Sam R"


@pytest.mark.parametrize("code", ["ACDE3468", "ABC", "ACDE-346!"])
def test_an_unknown_or_malformed_class_code_is_an_error(answers, code):
    CohortFactory(join_code="ACDE3467")

    form = form_for(post_data(answers, join_code=code))

    assert not form.is_valid()
    assert list(form.errors) == ["join_code"]


def test_a_closed_class_cannot_be_joined(answers):
    CohortFactory(join_code="ACDE3467", is_open=False)

    form = form_for(post_data(answers, join_code="ACDE3467"))

    assert not form.is_valid()
    assert form.cohort is None


def test_a_name_without_a_class_is_dropped(answers):
    form = form_for(post_data(answers, display_name="Sam"))

    assert form.is_valid()
    assert form.cleaned_data["display_name"] == ""
    assert form.cohort is None


# --- the page ----------------------------------------------------------------------------------------


def test_the_page_shows_every_statement_in_numbered_sections(client, items):
    response = client.get(QUIZ)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Part 1: What you like doing" in html and "Part 2: How you like to work" in html
    assert all(f"Section {n} of 7" in html for n in range(1, 8))
    assert all(item.text in html for item in items)
    assert html.count('type="radio"') == 5 * len(items)
    assert "Realistic" not in html.replace("Realistic activity", "")  # dimension names stay hidden
    assert 'name="join_code"' in html and 'name="display_name"' in html


def test_the_page_has_unique_ids_its_own_stylesheet_and_script(client, items):
    html = client.get(QUIZ).content.decode()

    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))
    assert 'href="/static/css/quiz.css"' in html.split("</head>")[0]
    assert 'src="/static/js/quiz.js"' in html
    assert " style=" not in html and "<script>" not in html


def test_missing_answers_are_listed_and_every_given_answer_stays_checked(client, answers):
    partial = dict(answers)
    for code in ("I2", "F3"):
        del partial[code]

    response = client.post(QUIZ, post_data(partial))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    summary = html.split('id="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_I2_0"' in summary and 'href="#id_F3_0"' in summary
    assert "2 statements still need an answer" in summary
    assert 'id="q-I2" data-quiz-item="I2" aria-describedby="id_I2-error"' in html
    assert 'id="id_I2-error"' in html
    assert checked_values(html) == {code: str(v) for code, v in partial.items()}
    assert not Result.objects.exists()


def test_a_tampered_answer_is_listed_with_its_message(client, answers):
    response = client.post(QUIZ, post_data(answers, C2="9"))

    html = response.content.decode()
    assert "That answer was not one of the five choices" in html
    assert 'href="#id_C2_0"' in html
    assert "C2" not in checked_values(html)


def test_a_complete_submission_redirects_to_a_private_results_link(client, answers):
    response = client.post(QUIZ, post_data(answers, ZZ1="5"))

    result = Result.objects.get()
    assert response.status_code == 303
    assert response["Location"] == reverse("assessments:result", args=[result.token])
    assert len(result.token) >= 43
    assert result.answers == answers
    assert result.cohort is None


def test_a_class_submission_stores_the_class_and_the_name(client, answers):
    cohort = CohortFactory(join_code="ACDE3467")

    response = client.post(QUIZ, post_data(answers, join_code="acde 3467", display_name="Sam"))

    assert response.status_code == 303
    result = Result.objects.get()
    assert (result.cohort, result.display_name) == (cohort, "Sam")


def test_a_wrong_class_code_keeps_the_answers(client, answers):
    response = client.post(QUIZ, post_data(answers, join_code="ACDE3467"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "couldn&#x27;t find an open class" in html
    assert 'href="#id_join_code"' in html
    assert 'aria-invalid="true"' in html
    assert checked_values(html) == {code: str(v) for code, v in answers.items()}
    assert 'value="ACDE3467"' in html


def test_too_many_wrong_class_codes_from_one_address_are_refused_but_answers_stay(client, answers):
    CohortFactory(join_code="ACDE3467")
    for _ in range(FAILURE_LIMIT):
        client.post(QUIZ, post_data(answers, join_code="ACDE3469"), REMOTE_ADDR="203.0.113.9")

    response = client.post(QUIZ, post_data(answers, join_code="ACDE3467"), REMOTE_ADDR="203.0.113.9")

    html = response.content.decode()
    assert "Too many wrong class codes from this network" in html
    assert checked_values(html) == {code: str(v) for code, v in answers.items()}
    assert not Result.objects.exists()
    other = client.post(QUIZ, post_data(answers, join_code="ACDE3467"), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 303


def test_a_class_of_sixty_on_one_school_address_is_never_blocked(client, answers):
    CohortFactory(join_code="ACDE3467")

    codes = [client.post(QUIZ, post_data(answers, join_code="ACDE-3467", display_name=f"S{n}"), REMOTE_ADDR="192.0.2.50").status_code for n in range(60)]

    assert codes == [303] * 60
    assert Result.objects.filter(cohort__join_code="ACDE3467").count() == 60
    assert not JoinCodeLimiter("192.0.2.50").is_blocked()


def test_the_page_says_so_when_there_are_no_statements(client):
    response = client.get(QUIZ)

    assert response.status_code == 200
    assert "questionnaire isn't available right now" in response.content.decode()


def test_other_methods_are_refused(client, items):
    assert client.put(QUIZ).status_code == 405


# --- fields built once per content generation ---------------------------------------------------


def test_the_statements_and_their_fields_are_read_once_per_content_generation(items, django_assert_num_queries):
    from assessments.forms import quiz_items

    first = quiz_items()
    form = QuizForm(None, items=first)

    with django_assert_num_queries(0):
        again = quiz_items()
        second = QuizForm(None, items=again)
    assert again is first
    assert second.fields["R1"] is form.fields["R1"]  # built once, shared
    assert second.fields["join_code"] is not form.fields["join_code"]  # the form's own, per form

    item = Item.objects.get(code="R1")
    item.text = "Repair a hospital bed"
    item.save()  # a content write starts a new generation: the statements are read again

    assert QuizForm(None, items=quiz_items()).fields["R1"].label == "Repair a hospital bed"


def test_one_visitors_errors_do_not_reach_the_next_visitors_form(client, items, answers):
    bad = post_data(answers | {"R1": ""}, join_code="bad")
    html = client.post(QUIZ, bad).content.decode()
    assert 'aria-invalid="true"' in html

    fresh = client.get(QUIZ).content.decode()
    assert 'aria-invalid="true"' not in fresh
    assert "Choose an answer for this statement." not in fresh
