"""The roadmap page: from where a student stands to a first job in a role, and beyond."""

from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from careers.models import Role, Source
from careers.roadmap import STARTS, build_roadmap, parse_start
from core.page_cache import cache_content_page


@require_safe
@cache_content_page(params=("start",))
def roadmap(request, slug):
    start, understood = parse_start(request.GET.get("start"))
    role = get_object_or_404(Role.objects.with_roadmap(), slug=slug)
    plan = build_roadmap(role, start=start)
    context = {
        "roadmap": plan,
        "role": role,
        "starts": STARTS,
        "start_error": "" if understood else _("We don't know that starting point, so this shows the routes from high school."),
        "sources": Source.objects.for_keys(plan.source_keys),
        "nav": "roles",
    }
    return render(request, "careers/roadmap.html", context)
