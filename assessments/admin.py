"""Admin for the questionnaire, the results (read-only), cohorts and counselor accounts.

A counselor account is a user with a CounselorProfile: the user page carries the profile inline,
so an administrator makes one in a single step (or runs manage.py create_counselor).
"""

import json

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from assessments import models as m
from core.i18n_content_admin import ContentLanguageAdmin


@admin.register(m.Dimension)
class DimensionAdmin(ContentLanguageAdmin):
    list_display = ["code", "name", "nickname", "order"]
    ordering = ["order"]


@admin.register(m.Facet)
class FacetAdmin(ContentLanguageAdmin):
    list_display = ["name", "slug", "order"]
    ordering = ["order"]


@admin.register(m.Item)
class ItemAdmin(ContentLanguageAdmin):
    list_display = ["code", "text", "dimension", "facet", "order", "active"]
    list_filter = ["active", "dimension", "facet"]
    search_fields = ["code", "text"]
    list_select_related = ["dimension", "facet"]


@admin.register(m.Result)
class ResultAdmin(admin.ModelAdmin):
    """Results are what students submitted: they can be looked at and deleted, never edited."""

    list_display = ["__str__", "created", "holland", "cohort", "display_name"]
    list_filter = ["created"]
    search_fields = ["display_name", "cohort__name"]
    list_select_related = ["cohort"]
    date_hierarchy = "created"
    fields = ["token", "created", "cohort", "display_name", "hidden", "profile_view", "matches_view", "answers_view"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("Holland code"))
    def holland(self, obj):
        return obj.holland_code

    def _json(self, value):
        return format_html("<pre>{}</pre>", json.dumps(value, indent=2, ensure_ascii=False))

    @admin.display(description=_("Profile"))
    def profile_view(self, obj):
        return self._json(obj.profile)

    @admin.display(description=_("Matches"))
    def matches_view(self, obj):
        return self._json(obj.matches)

    @admin.display(description=_("Answers"))
    def answers_view(self, obj):
        return self._json(obj.answers)


@admin.register(m.Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "counselor", "code", "is_open", "created"]
    list_filter = ["is_open"]
    search_fields = ["name", "join_code", "counselor__username"]
    list_select_related = ["counselor"]
    autocomplete_fields = ["counselor"]
    readonly_fields = ["join_code", "created"]

    @admin.display(description=_("Join code"), ordering="join_code")
    def code(self, obj):
        return obj.join_code_display


@admin.register(m.CounselorProfile)
class CounselorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "school"]
    search_fields = ["user__username", "user__email", "school"]
    autocomplete_fields = ["user"]


class CounselorProfileInline(admin.StackedInline):
    model = m.CounselorProfile
    can_delete = True
    extra = 0
    max_num = 1
    verbose_name = _("counselor profile (makes this user a counselor)")


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class CounselorUserAdmin(UserAdmin):
    inlines = [*UserAdmin.inlines, CounselorProfileInline]
