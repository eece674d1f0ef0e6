"""An administrator closes a counselor's account: everything it owns is deleted, nothing else."""

import io

import pytest
from axes.models import AccessLog
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from assessments.models import Cohort, CounselorProfile, Result
from tests.assessments.factories import CohortFactory, ResultFactory
from tests.privacy.conftest import HTTPS, make_counselor

pytestmark = pytest.mark.django_db
User = get_user_model()


def close(*args, **kwargs) -> str:
    out = io.StringIO()
    call_command("close_counselor", *args, stdout=out, **kwargs)
    return out.getvalue()


@pytest.fixture
def leaving():
    user = make_counselor("leaving")
    cohorts = CohortFactory.create_batch(2, counselor=user)
    for cohort in cohorts:
        ResultFactory.create_batch(2, cohort=cohort, display_name="Kit")
    AccessLog.objects.create(username="leaving", ip_address="198.51.100.4", user_agent="x")
    return user


def test_closing_deletes_the_account_its_cohorts_results_and_sign_in_records(leaving, client):
    staying = make_counselor("staying")
    kept = ResultFactory(cohort=CohortFactory(counselor=staying))
    loose = ResultFactory()  # a result without a class belongs to no counselor
    links = [r.get_absolute_url() for r in Result.objects.of_counselor(leaving)]
    for link in links:
        client.get(link, **HTTPS)  # cached

    output = close("leaving", "--yes")

    assert "removed 2 cohort(s), 4 result(s) and 1 sign-in record(s)" in output
    assert not User.objects.filter(username="leaving").exists()
    assert not CounselorProfile.objects.filter(user_id=leaving.pk).exists()
    assert not Cohort.objects.filter(counselor_id=leaving.pk).exists()
    assert set(Result.objects.all()) == {kept, loose}
    assert not AccessLog.objects.filter(username="leaving").exists()
    assert User.objects.filter(username="staying").exists()
    for link in links:
        assert client.get(link, **HTTPS).status_code == 404


def test_it_asks_before_deleting(leaving, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Nothing was deleted"):
        close("leaving")

    assert User.objects.filter(username="leaving").exists() and Result.objects.count() == 4


def test_it_names_what_it_will_delete_and_goes_ahead_on_yes(leaving, monkeypatch):
    prompts = []
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or "yes")

    close("leaving")

    assert prompts == ["Delete leaving with 2 cohort(s) and 4 result(s)? Type yes: "]
    assert Result.objects.count() == 0


def test_an_unknown_user_is_a_clear_error():
    with pytest.raises(CommandError, match="no user named 'nobody'"):
        close("nobody", "--yes")


def test_deleting_the_user_in_the_admin_removes_the_same_rows(leaving):
    leaving.delete()  # what the admin's delete does

    assert Cohort.objects.count() == 0
    assert Result.objects.count() == 0  # results go with their cohort, names included
