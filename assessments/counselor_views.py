"""Counselor pages: cohorts, their students' results, the class charts, printing and export.

Every view is for signed-in counselors, and a counselor reaches only their own cohorts: anyone
else's cohort is a 404, exactly like a cohort that does not exist.
"""

import csv
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.cohort_forms import CohortForm
from assessments.cohort_stats import profile_spread, top_match_counts
from assessments.deletion import cohort_delete as delete_cohort
from assessments.deletion import result_delete
from assessments.map_views import cohort_marks
from assessments.models import Cohort, CounselorProfile, Result
from assessments.print_views import build_packets
from careers.map_views import render_career_map
from careers.models import Role
from core.page_cache import site_origin
from worksamples.selectors import cohort_tries

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def counselor_required(view):
    """Signed-in counselors only: visitors go to the login page, other accounts get a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not CounselorProfile.objects.filter(user=request.user).exists():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return never_cache(login_required(wrapper))


def _own_cohort(request, pk) -> Cohort:
    return get_object_or_404(Cohort.objects.owned_by(request.user), pk=pk)


def _names_of_top_roles(results) -> dict[str, str]:
    slugs = {slug for r in results for slug in r.top_slugs(3)}
    return {slug: role.name for slug, role in Role.objects.in_bulk(slugs, field_name="slug").items()}


def csv_safe(value) -> str:
    """The cell as text, with a leading quote when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


@require_safe
@counselor_required
def cohort_list(request):
    cohorts = Cohort.objects.owned_by(request.user).with_result_counts()
    return render(request, "assessments/cohort_list.html", {"cohorts": cohorts, "nav": "counselors"})


@require_http_methods(["GET", "HEAD", "POST"])
@counselor_required
def cohort_create(request):
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = form.save(counselor=request.user)
        messages.success(request, _("Cohort created. Its join code is %(code)s.") % {"code": cohort.join_code_display})
        return redirect(cohort)
    return render(request, "assessments/cohort_form.html", {"form": form, "nav": "counselors"})


def _cohort_rows(cohort):
    """The cohort's results, newest first, with each one's top three (slug, role name) pairs."""
    results = list(Result.objects.in_cohort(cohort))
    names = _names_of_top_roles(results)
    rows = [{"result": r, "top": [(s, names.get(s, s)) for s in r.top_slugs(3)]} for r in results]
    return results, names, rows


@require_safe
@counselor_required
def cohort_detail(request, pk):
    cohort = _own_cohort(request, pk)
    results, names, rows = _cohort_rows(cohort)
    context = {
        "cohort": cohort,
        "rows": rows,
        "spread": profile_spread(r.profile for r in results),
        "top_matches": top_match_counts((r.top_slugs(3) for r in results), names),
        "retention_days": settings.RESULT_RETENTION_DAYS,
        "cohort_tries": cohort_tries(results),  # worksamples: samples tried and enjoyment, no scores
        "nav": "counselors",
    }
    return render(request, "assessments/cohort_detail.html", context)


@require_safe
@counselor_required
def cohort_result(request, pk, token):
    cohort = _own_cohort(request, pk)
    result = get_object_or_404(Result.objects.in_cohort(cohort).by_token(token))
    packets, sources = build_packets([result])
    # Only the class's own counselor sees the student's display name; the shared link never does.
    context = {"packet": packets[0], "sources": sources, "back_url": cohort.get_absolute_url(), "show_name": True}
    return render(request, "assessments/result_print.html", context)


@require_safe
@counselor_required
def cohort_print(request, pk):
    cohort = _own_cohort(request, pk)
    packets, sources = build_packets(Result.objects.in_cohort(cohort))
    context = {
        "cohort": cohort,
        "packets": packets,
        "sources": sources,
        "back_url": cohort.get_absolute_url(),
        "show_name": True,
        "printed": timezone.localdate(),
    }
    return render(request, "assessments/cohort_print.html", context)


@require_safe
@counselor_required
def cohort_export(request, pk):
    cohort = _own_cohort(request, pk)
    rows = _cohort_rows(cohort)[2]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cohort-{cohort.pk}-results.csv"'
    writer = csv.writer(response)
    # Absolute links: a spreadsheet opens them, a path alone goes nowhere.
    origin = site_origin(request)
    writer.writerow([_("Name"), _("Date"), _("Holland code"), _("Match 1"), _("Match 2"), _("Match 3"), _("Link")])
    for row in rows:
        r = row["result"]
        top = [name for _slug, name in row["top"]]
        top += [""] * (3 - len(top))
        link = origin + reverse("assessments:cohort_result", args=[cohort.pk, r.token])
        cells = [r.display_name, timezone.localdate(r.created).isoformat(), r.holland_code, *top, link]
        writer.writerow([csv_safe(cell) for cell in cells])
    return response


@require_POST
@counselor_required
def cohort_set_open(request, pk):
    """Close a cohort to new students, or open it again (``open`` is "yes" or "no")."""
    cohort = _own_cohort(request, pk)
    wanted = request.POST.get("open")
    if wanted not in ("yes", "no"):
        return HttpResponseBadRequest(_("Say whether the cohort should be open: open=yes or open=no."))
    cohort.is_open = wanted == "yes"
    cohort.save(update_fields=["is_open"])
    if cohort.is_open:
        messages.success(request, _("“%(name)s” is open: students can join with the code again.") % {"name": cohort.name})
    else:
        messages.success(request, _("“%(name)s” is closed: no new students can join. Its results stay.") % {"name": cohort.name})
    return redirect(cohort)


def _confirmed(request) -> bool:
    return request.method == "POST" and request.POST.get("confirm") == "yes"


@require_http_methods(["GET", "HEAD", "POST"])
@counselor_required
def cohort_result_delete(request, pk, token):
    """Delete one student's result from the cohort, after a confirmation page."""
    cohort = _own_cohort(request, pk)
    result = get_object_or_404(Result.objects.in_cohort(cohort).by_token(token))
    if _confirmed(request):
        result_delete(result=result)
        messages.success(request, _("The result was deleted."))
        return redirect(cohort)
    context = {"cohort": cohort, "result": result, "nav": "counselors"}
    return render(request, "assessments/cohort_result_delete.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@counselor_required
def cohort_delete(request, pk):
    """Delete a whole cohort with its results, after a confirmation page that offers the CSV."""
    cohort = _own_cohort(request, pk)
    if _confirmed(request):
        count = delete_cohort(cohort=cohort)
        messages.success(
            request,
            ngettext("“%(name)s” and its %(count)d result were deleted.", "“%(name)s” and its %(count)d results were deleted.", count)
            % {"name": cohort.name, "count": count},
        )
        return redirect("assessments:cohort_list")
    count = Result.objects.in_cohort(cohort).count()
    context = {"cohort": cohort, "result_count": count, "nav": "counselors"}
    return render(request, "assessments/cohort_delete.html", context)


@require_safe
@counselor_required
def cohort_map(request, pk):
    """The career map with, on each role, how many of the cohort's students have it in their top three."""
    cohort = _own_cohort(request, pk)
    marks, total = cohort_marks(r.top_slugs(3) for r in Result.objects.in_cohort(cohort))
    overlay = {
        "title": _("%(name)s on the career map") % {"name": cohort.name},
        "intro": _(
            "Each outlined role shows how many of this class's students have it among their top three matches ("
            "after any they marked “not for me”)."
        ),
        "back_url": cohort.get_absolute_url(),
        "back_text": _("Back to %(name)s") % {"name": cohort.name},
        "legend": _("in at least one student's top three"),
        "count_text": ngettext("%(count)d student result in this class.", "%(count)d student results in this class.", total) % {"count": total},
    }
    return render_career_map(request, marks=marks, context={"overlay": overlay, "nav": "counselors"})
