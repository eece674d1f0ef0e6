"""The one cache-invalidation path: every write to a content model starts a new content
generation, whoever makes it (the admin, the shell, load_content, a data migration).

Content models are found, not listed: every model of an app in CONTENT_APPS is content unless
named in NOT_CONTENT_MODELS (the visitors' own rows: results, classes, counselors). A model added
later to a content app is content by default, the safe side: a needless bump only costs a
re-render, a missing one serves a stale page.

A result's stored pages need no invalidation: every hit reads the row first and is served only
while it reads the same (core.page_cache.freshness_check). Deleting a result also drops its
stored copies at once (``forget_deleted_pages``), so that they do not wait out their expiry.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.module_loading import import_string

from core.cache import bump_content_generation, forget_pages


def is_content_model(model) -> bool:
    meta = model._meta
    return meta.app_label in settings.CONTENT_APPS and meta.label not in settings.NOT_CONTENT_MODELS


def content_written(sender, **kwargs) -> None:
    if is_content_model(sender):
        bump_content_generation()


def forget_deleted_pages(sender, instance, **kwargs) -> None:
    """A deleted row's stored pages go too (PAGE_CACHE_PAGES_OF: model label -> a function
    returning the paths of the row's pages), however it was deleted."""
    pages_of = settings.PAGE_CACHE_PAGES_OF.get(sender._meta.label)
    if pages_of:
        forget_pages(*import_string(pages_of)(instance))


def connect() -> None:
    """Called once from CoreConfig.ready(): listen to every model's writes."""
    post_save.connect(content_written, dispatch_uid="core-content-saved")
    post_delete.connect(content_written, dispatch_uid="core-content-deleted")
    # Many-to-many edits (an education path's roles) go through auto-created "through" models.
    m2m_changed.connect(_m2m_changed, dispatch_uid="core-content-m2m")
    for label in settings.PAGE_CACHE_PAGES_OF:
        post_delete.connect(forget_deleted_pages, sender=apps.get_model(label), dispatch_uid=f"core-forget-{label}")


def _m2m_changed(sender, action, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        content_written(sender)
