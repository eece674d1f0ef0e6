"""The /try/ pages: samples without an account, private attempts, and the fit they feed."""

import re

import pytest

from worksamples.models import Attempt


def _attempt_url(response):
    assert response.status_code == 303
    return response["Location"]


def test_the_index_lists_the_four_samples(client, db):
    html = client.get("/try/").content.decode()
    for slug in ("coding", "billing", "release", "registry"):
        assert f'href="/try/{slug}/"' in html


@pytest.mark.parametrize("slug", ["coding", "billing", "release", "registry"])
def test_each_sample_opens_without_an_account(client, db, slug):
    response = client.get(f"/try/{slug}/")
    assert response.status_code == 200
    assert b"Check my answers" in response.content


def test_an_unknown_sample_is_404(client, db):
    assert client.get("/try/juggling/").status_code == 404


def test_coding_search_lists_codes_and_keeps_typed_answers(client, icd_subset):
    response = client.post("/try/coding/", {"q": "torus fracture left radius", "action": "search", "visit-2": "E11.22"})
    html = response.content.decode()
    assert "S52.522A" in html and 'value="E11.22"' in html
    assert not Attempt.objects.exists()


def test_all_right_scores_full_marks_and_explains_from_the_code_set(client, icd_subset, all_right):
    url = _attempt_url(client.post("/try/coding/", {**all_right, "action": "check"}))
    page = client.get(url)
    html = page.content.decode()
    assert "8 out of 8" in html
    assert "Use additional code" in html  # the code set's own note under E11.22
    assert page["Referrer-Policy"] == "no-referrer" and "no-store" in page["Cache-Control"]


def test_a_heading_code_is_explained_as_not_billable(client, icd_subset, all_right):
    url = _attempt_url(client.post("/try/coding/", {**all_right, "visit-1": "S52.52", "action": "check"}))
    html = client.get(url).content.decode()
    assert "7 out of 8" in html and "not a billable code" in html


def test_something_that_is_not_a_code_gets_a_clear_message(client, icd_subset):
    response = client.post("/try/coding/", {"visit-1": "broken wrist", "action": "check"})
    assert response.status_code == 200
    assert "is not written like an ICD-10-CM code" in response.content.decode()


def test_a_choice_sample_needs_every_answer(client, db):
    response = client.post("/try/release/", {"patient": "release"})
    assert response.status_code == 200 and "Choose an answer" in response.content.decode()


def test_release_answers_are_scored_and_cite_the_rules(client, db):
    from worksamples.samples import release

    answers = {q.slug: q.key for q in release.QUESTIONS}
    answers["police-phone"] = "release"
    html = client.get(_attempt_url(client.post("/try/release/", answers))).content.decode()
    assert "5 out of 6" in html and "ecfr.gov" in html and "45 CFR 164.512" in html


def test_enjoyment_is_saved_and_checked(client, db):
    from worksamples.samples import registry

    url = _attempt_url(client.post("/try/registry/", {f.slug: f.key for f in registry.FIELDS}))
    token = url.rstrip("/").split("/")[-1]
    assert client.post(f"/try/done/{token}/enjoy/", {"enjoyment": "9"}).status_code == 400
    client.post(f"/try/done/{token}/enjoy/", {"enjoyment": "4"})
    assert Attempt.objects.get(token=token).enjoyment == 4


def test_attaching_to_a_result_moves_the_fit_and_adds_a_reason(client, db):
    from tests.assessments.factories import ResultFactory
    from tests.factories import RoleFactory

    RoleFactory(slug="medical-coder", name="Medical coder")
    result = ResultFactory(matches=[{"role": "medical-coder", "fit": 60, "band": "Good fit", "reasons": []}])
    before = client.get(result.get_absolute_url()).content.decode()
    assert "60% fit" in before
    url = _attempt_url(client.post("/try/coding/", {"action": "check"}))
    token = url.rstrip("/").split("/")[-1]
    assert client.post(f"/try/done/{token}/attach/", {"link": "https://x.example/quiz/results/nope/"}).status_code == 400
    client.post(f"/try/done/{token}/attach/", {"link": f"https://x.example{result.get_absolute_url()}"})
    client.post(f"/try/done/{token}/enjoy/", {"enjoyment": "5"})
    after = client.get(result.get_absolute_url()).content.decode()
    assert "66% fit" in after and "You tried coding and enjoyed it." in after
    packet = client.get(f"{result.get_absolute_url()}print/").content.decode()
    assert "66% fit" in packet and "You tried coding and enjoyed it." in packet, "the printout agrees with the page"


def test_role_pages_and_home_link_to_try(client, db):
    from tests.factories import RoleFactory

    RoleFactory(slug="cancer-registrar", name="Cancer registrar")
    assert 'href="/try/registry/"' in client.get("/roles/cancer-registrar/").content.decode()
    assert re.search(r'href="/try/"[^>]*>Try the work', client.get("/").content.decode())


@pytest.mark.parametrize("extra", [0, 20])
def test_the_attempt_page_query_count_does_not_grow(client, icd_subset, all_right, django_assert_num_queries, extra):
    for _ in range(extra):
        Attempt.objects.create(sample="coding", answers={}, score=0, out_of=8)
    url = _attempt_url(client.post("/try/coding/", {**all_right, "action": "check"}))
    with django_assert_num_queries(2):  # the attempt, the code set facts
        client.get(url)
