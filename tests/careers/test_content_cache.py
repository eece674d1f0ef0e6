import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import RoleFactory

pytestmark = pytest.mark.django_db


def test_a_content_page_is_served_from_cache_on_the_second_visit(client, django_assert_num_queries):
    role = RoleFactory(name="Medical coder")
    client.get(role.get_absolute_url())
    with django_assert_num_queries(0):
        assert "Medical coder" in client.get(role.get_absolute_url()).content.decode()


def test_an_admin_edit_shows_at_once_on_cached_pages(client):
    role = RoleFactory(name="Medical coder", summary="Old summary.")
    assert "Old summary." in client.get(role.get_absolute_url()).content.decode()
    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-editor-password")
    editor = type(client)()
    editor.force_login(admin)
    page = editor.get(reverse("admin:careers_role_change", args=[role.pk]))
    assert page.status_code == 200
    role.refresh_from_db()
    # Save through the admin's own hook, as an editor would.
    from django.contrib.admin.sites import site

    from careers.models import Role

    model_admin = site._registry[Role]
    role.summary = "New summary."
    model_admin.save_model(page.wsgi_request, role, form=None, change=True)
    assert "New summary." in client.get(role.get_absolute_url()).content.decode()
