"""The career map page, and the one helper that renders it with an overlay (a student's
matches, a cohort's counts) for the pages in assessments."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_safe

from careers.career_map import CareerMap, MapRole, MapStep, Mark, build_map
from careers.map_filters import MapFilterForm, filter_marks, merge_marks
from careers.models import Role
from core.page_cache import cache_content_page

TEMPLATE = "careers/career_map.html"


def map_rows(roles) -> tuple[list[MapRole], list[MapStep]]:
    """Roles loaded by Role.objects.for_map() as the map's plain inputs (no further queries)."""
    roles = list(roles)
    slug_of = {role.pk: role.slug for role in roles}
    nodes, steps = [], []
    for role in roles:
        nodes.append(
            MapRole(
                slug=role.slug,
                name=role.name,
                url=role.get_absolute_url(),
                track=role.track.slug,
                track_name=role.track.name,
                level=role.level,
                pay=role.entry_band_amount,
                pay_status=role.entry_band_status or "",
                pay_year=role.entry_band_year or "",
                months=role.first_job_months,
                remote_level=role.remote_level,
                patient_contact_level=role.patient_contact_level,
            )
        )
        steps += [MapStep(role.slug, slug_of.get(s.to_role_id, ""), s.kind) for s in role.next_steps.all()]
    return nodes, steps


def level_choices() -> list[tuple[str, str]]:
    """The columns, in order: the choices of Role.level."""
    return list(Role._meta.get_field("level").choices)


def render_career_map(request, *, marks: dict[str, Mark] | None = None, context: dict | None = None, status: int = 200):
    """The map page for this request's filters, with an optional overlay.

    A query string that is not the canonical one for its filters redirects to it; invalid
    values get the page with the reasons and a 400 (never stored by the page cache).
    """
    roles, steps = map_rows(Role.objects.for_map())
    tracks = list(dict.fromkeys((r.track, r.track_name) for r in roles))
    form = MapFilterForm(request.GET, tracks=tracks)
    valid = form.is_valid()
    canonical = form.canonical_query()
    if valid and request.META.get("QUERY_STRING", "") != canonical:
        return HttpResponseRedirect(request.path + (f"?{canonical}" if canonical else ""))
    filters = form.filters()
    career_map: CareerMap = build_map(
        roles, steps, levels=level_choices(), marks=merge_marks(filter_marks(roles, filters), marks or {}), tr=translation
    )
    page = {"map": career_map, "form": form, "filters": filters, "total": len(roles), "nav": "map", **(context or {})}
    return render(request, TEMPLATE, page, status=status if valid else 400)


@require_safe
@cache_content_page(params=MapFilterForm.base_fields)
def career_map(request):
    return render_career_map(request)
