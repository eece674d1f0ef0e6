"""One invalidation path: every write of a content model starts a new content generation,
whoever makes it; the visitors' own rows (results, classes) never do."""

import os

import pytest
from django.core.management import call_command
from django.db.models.signals import m2m_changed, post_delete, post_save

from core.cache import content_generation
from core.invalidation import is_content_model
from tests.assessments.factories import CohortFactory, FacetFactory, ItemFactory, ResultFactory
from tests.conftest import CONTENT_DIR
from tests.factories import EducationPathFactory, RoleFactory

pytestmark = pytest.mark.django_db


def models_written_by_load_content() -> set:
    written = set()

    def record(sender, **kwargs):
        written.add(sender)

    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(record, dispatch_uid="test-written")
    try:
        with open(os.devnull, "w") as quiet:
            call_command("load_content", path=str(CONTENT_DIR), stdout=quiet)
    finally:
        for signal in (post_save, post_delete, m2m_changed):
            signal.disconnect(dispatch_uid="test-written")
    return written


def test_every_model_load_content_writes_starts_a_new_generation():
    written = models_written_by_load_content()
    assert len(written) >= 10  # the loader really ran

    for model in written:
        assert is_content_model(model), model._meta.label
        row = model.objects.first()
        if row is None or model._meta.auto_created:  # a many-to-many link: checked through m2m_changed below
            continue
        before = content_generation()
        row.save()
        assert content_generation() != before, f"saving a {model._meta.label} left the cached pages as they were"


@pytest.mark.parametrize("make", [RoleFactory, ItemFactory, FacetFactory], ids=["role", "item", "facet"])
def test_saving_and_deleting_content_from_the_shell_starts_a_new_generation(make):
    before = content_generation()
    row = make()
    assert content_generation() != before

    before = content_generation()
    row.delete()
    assert content_generation() != before


def test_a_many_to_many_edit_starts_a_new_generation():
    path, role = EducationPathFactory(), RoleFactory()
    before = content_generation()
    path.roles.add(role)
    assert content_generation() != before


def test_students_results_and_classes_leave_the_cached_pages_alone():
    RoleFactory()
    before = content_generation()

    ResultFactory()
    CohortFactory()

    assert content_generation() == before
