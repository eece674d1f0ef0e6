"""HTTP glue for the catalogue: parse, ask the QuerySets, render."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from careers.charts import salary_bars
from careers.durations import first_job
from careers.forms import RoleFilterForm
from careers.glance import field_at_a_glance
from careers.models import Certification, Directory, Facet, GlossaryTerm, Role, Source
from core.page_cache import cache_content_page

COMPARE_MIN, COMPARE_MAX = 2, 4


@require_safe
@cache_content_page
def home(request):
    return render(request, "careers/home.html", {"glance": field_at_a_glance()})


@require_safe
@cache_content_page(params=RoleFilterForm.base_fields)
def role_list(request):
    form = RoleFilterForm(request.GET or None)
    roles = Role.objects.for_directory().matching(**form.filters())
    if form.query:
        roles = roles.search(form.query)
    return render(
        request,
        "careers/role_list.html",
        {"form": form, "roles": list(roles), "searching": bool(form.query), "nav": "roles"},
    )


@require_safe
@cache_content_page
def role_detail(request, slug):
    role = get_object_or_404(Role.objects.with_details(), slug=slug)
    context = {
        "role": role,
        "first_job": first_job(role),
        "directories": Directory.objects.for_role(role),
        "chart": salary_bars(role.salary_bands.all()),
        "sources": Source.objects.for_keys(role.source_keys()),
        "nav": "roles",
    }
    return render(request, "careers/role_detail.html", context)


@require_safe
@cache_content_page(params=("roles", "pick"))
def role_compare(request):
    # ?roles=a,b,c (shareable links) and ?pick=a&pick=b (the no-JavaScript picker) both work.
    asked = ",".join([request.GET.get("roles", ""), *request.GET.getlist("pick")])
    slugs = Role.parse_slug_list(asked, limit=COMPARE_MAX + 1)
    roles = sorted(Role.objects.with_details().filter(slug__in=slugs), key=lambda r: slugs.index(r.slug)) if slugs else []
    error = ""
    if asked.strip(",") and not COMPARE_MIN <= len(roles) <= COMPARE_MAX:
        error = _("Choose between %(min)s and %(max)s roles to compare.") % {"min": COMPARE_MIN, "max": COMPARE_MAX}
        roles = roles[:COMPARE_MAX]
    context = {
        "roles": roles,
        "all_roles": Role.objects.for_directory(),
        "selected": [r.slug for r in roles],
        "error": error,
        "facet_rows": [{"value": v, "label": label} for v, label in Facet.choices],
        "first_jobs": {r.slug: first_job(r) for r in roles},
        "charts": {r.slug: salary_bars(r.salary_bands.all(), width=360, label_width=90, scale_max=160_000) for r in roles},
        "nav": "roles",
    }
    return render(request, "careers/role_compare.html", context)


@require_safe
@cache_content_page
def certification_list(request):
    certifications = Certification.objects.for_directory()
    return render(request, "careers/certification_list.html", {"certifications": certifications, "nav": "certifications"})


@require_safe
@cache_content_page
def certification_detail(request, slug):
    certification = Certification.objects.with_details().filter(slug=slug).first()
    if certification is None:
        renamed = Certification.objects.renamed_from(slug)
        if renamed is None:
            raise Http404
        return redirect(renamed, permanent=True)
    context = {
        "certification": certification,
        "sources": Source.objects.for_keys(certification.source_keys()),
        "nav": "certifications",
    }
    return render(request, "careers/certification_detail.html", context)


@require_safe
@cache_content_page
def glossary(request):
    return render(request, "careers/glossary.html", {"terms": GlossaryTerm.objects.all(), "nav": "glossary"})


@require_safe
@cache_content_page
def about_data(request):
    return render(request, "careers/about_data.html", {"sources": Source.objects.all()})
