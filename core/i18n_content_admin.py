"""Admin support for content with Spanish beside it (core.i18n_content).

The admin edits rows as stored: English in X, Spanish in X_es (the model puts each X_es field
right after its X, so the forms show them side by side; nested `_es` keys inside JSON fields are
edited in the JSON as before). Every admin view reads rows inside raw_content(), so a page
opened in Spanish never shows, or saves, Spanish in an English field.
"""

from django.contrib import admin

from core.i18n_content import SUFFIX, raw_content


def spanish_beside_english(fields) -> list:
    """fields with each X_es moved right after its X (a list of names, as ModelAdmin.fields)."""
    names = list(fields)
    spanish = {f for f in names if isinstance(f, str) and f.endswith(SUFFIX) and f[: -len(SUFFIX)] in names}
    out = []
    for name in names:
        if name in spanish:
            continue
        out.append(name)
        if isinstance(name, str) and f"{name}{SUFFIX}" in spanish:
            out.append(f"{name}{SUFFIX}")
    return out


class RawContentAdminMixin:
    """For ModelAdmins and inlines of Localized models: stored values, Spanish beside English."""

    def get_fields(self, request, obj=None):
        return spanish_beside_english(super().get_fields(request, obj))

    def changeform_view(self, *args, **kwargs):
        return _raw(super().changeform_view, *args, **kwargs)

    def changelist_view(self, *args, **kwargs):
        return _raw(super().changelist_view, *args, **kwargs)

    def delete_view(self, *args, **kwargs):
        return _raw(super().delete_view, *args, **kwargs)

    def history_view(self, *args, **kwargs):
        return _raw(super().history_view, *args, **kwargs)


def _raw(view, *args, **kwargs):
    """Run an admin view and render its (lazy) template response inside raw_content()."""
    with raw_content():
        response = view(*args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.render()
        return response


class ContentLanguageAdmin(RawContentAdminMixin, admin.ModelAdmin):
    """A ModelAdmin for a Localized model."""
