"""Admin for every content model, so an editor can fix a figure without a deploy.

Cached pages show an edit at once: every save or delete of a content model starts a new content
generation (core.invalidation), whoever makes it.
"""

from django.contrib import admin

from careers import models as m
from core.i18n_content_admin import RawContentAdminMixin


class ContentAdmin(RawContentAdminMixin, admin.ModelAdmin):
    """The base of the content models' admins (cache invalidation needs nothing here). Rows are
    edited as stored: each Spanish field (X_es) sits right after its English X, and the `_es`
    keys inside JSON fields are edited in the JSON."""


class ContentInline(RawContentAdminMixin, admin.TabularInline):
    """An inline of a content model, Spanish beside English."""


class RoleAliasInline(admin.TabularInline):
    model = m.RoleAlias
    extra = 0


class RoleFacetInline(ContentInline):
    model = m.RoleFacet
    extra = 0


class SalaryBandInline(ContentInline):
    model = m.SalaryBand
    extra = 0
    fields = ["level", "amount", "text", "text_es", "status", "year", "year_es", "source_ids", "note", "note_es", "order"]


class RoleCertificationInline(ContentInline):
    model = m.RoleCertification
    extra = 0
    autocomplete_fields = ["certification"]


@admin.register(m.Role)
class RoleAdmin(ContentAdmin):
    list_display = ["name", "slug", "track", "entry_education", "remote_level", "entry_salary", "holland_code", "interest_status"]
    list_filter = ["track", "entry_education", "remote_level", "interest_status", "is_synthesis"]
    search_fields = ["name", "slug", "search_text"]
    inlines = [SalaryBandInline, RoleFacetInline, RoleCertificationInline, RoleAliasInline]
    readonly_fields = ["search_text"]


@admin.register(m.Track)
class TrackAdmin(ContentAdmin):
    list_display = ["name", "slug", "order"]


@admin.register(m.Source)
class SourceAdmin(ContentAdmin):
    list_display = ["key", "title", "year", "kind"]
    search_fields = ["key", "title"]
    list_filter = ["kind"]


class CertificationFactInline(ContentInline):
    model = m.CertificationFact
    extra = 0


@admin.register(m.Certification)
class CertificationAdmin(ContentAdmin):
    list_display = ["abbreviation", "name", "body", "fee_amount"]
    list_filter = ["body"]
    search_fields = ["abbreviation", "name"]
    inlines = [CertificationFactInline]


@admin.register(m.CertifyingBody)
class CertifyingBodyAdmin(ContentAdmin):
    list_display = ["abbreviation", "name"]


@admin.register(m.EducationPath)
class EducationPathAdmin(ContentAdmin):
    list_display = ["name", "level", "months_min", "months_max", "cost_min", "cost_max"]
    filter_horizontal = ["certifications", "roles"]


@admin.register(m.LadderStep)
class LadderStepAdmin(ContentAdmin):
    list_display = ["from_role", "to_role", "kind"]
    list_filter = ["kind"]


@admin.register(m.Directory)
class DirectoryAdmin(ContentAdmin):
    list_display = ["name", "slug", "for_all_roles", "order"]
    filter_horizontal = ["certifications"]


@admin.register(m.GlossaryTerm)
class GlossaryTermAdmin(ContentAdmin):
    list_display = ["term", "slug", "expansion"]
    search_fields = ["term", "expansion", "definition"]
