"""HTTP glue for the work samples: validate, grade, save an attempt, show it privately."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.models import Result
from assessments.views import HttpResponseSeeOther
from core.page_cache import cache_content_page
from core.secret_links import csrf_protect_without_referrer, private_link
from worksamples.catalogue import SAMPLES, sample_info
from worksamples.codeset import ATTRIBUTION, ATTRIBUTION_ES
from worksamples.forms import FORMS, AttachForm, CodingForm, EnjoymentForm
from worksamples.models import Attempt, IcdEntry
from worksamples.samples import bi
from worksamples.selectors import attempt_grade


@require_safe
@cache_content_page
def index(request):
    return render(request, "worksamples/index.html", {"samples": SAMPLES.values(), "nav": "try"})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sample(request, slug):
    info = sample_info(slug)
    if info is None:
        raise Http404
    form_class = FORMS[slug]
    if request.method == "POST" and request.POST.get("action") != "search":
        form = form_class(request.POST)
        if form.is_valid():
            answers = form.answers()
            attempt = Attempt(sample=slug, answers=answers)
            grade = attempt_grade(attempt)
            attempt.score, attempt.out_of = grade.score, grade.out_of
            attempt.save()
            return HttpResponseSeeOther(attempt.get_absolute_url())
    else:
        # A search keeps what was typed (unbound, so no errors yet); errors wait for "Check".
        form = form_class(initial=(request.POST if request.method == "POST" else request.GET).dict())
    context = {"info": info, "form": form, "nav": "try", "module": info.module}
    if form_class is CodingForm:
        context["query"], context["hits"] = _search_query(request)
        context["attribution"] = bi(ATTRIBUTION, ATTRIBUTION_ES)
    return render(request, f"worksamples/{slug}.html", context)


def _search_query(request) -> tuple[str, list]:
    q = (request.POST.get("q") if request.method == "POST" else request.GET.get("q")) or ""
    q = q.strip()[:200]
    return q, (IcdEntry.objects.search(q, limit=15) if q else [])


def _attempt_page(request, attempt, *, enjoy_form=None, attach_form=None, status=200):
    context = {
        "attempt": attempt,
        "info": SAMPLES[attempt.sample],
        "grade": attempt_grade(attempt),
        "enjoy_form": enjoy_form or EnjoymentForm(initial={"enjoyment": attempt.enjoyment}),
        "attach_form": attach_form or AttachForm(),
        "nav": "try",
    }
    return private_link(render(request, "worksamples/attempt.html", context, status=status))


@never_cache
@require_safe
def attempt(request, token):
    return _attempt_page(request, get_object_or_404(Attempt.objects.by_token(token)))


@csrf_protect_without_referrer
@require_POST
def attempt_rate(request, token):
    attempt = get_object_or_404(Attempt.objects.by_token(token))
    form = EnjoymentForm(request.POST)
    if not form.is_valid():
        return _attempt_page(request, attempt, enjoy_form=form, status=400)
    attempt.rate(form.cleaned_data["enjoyment"])  # the results page shows it at once (page_state)
    return private_link(HttpResponseSeeOther(f"{attempt.get_absolute_url()}#next"))


@csrf_protect_without_referrer
@require_POST
def attempt_attach(request, token):
    attempt = get_object_or_404(Attempt.objects.by_token(token))
    form = AttachForm(request.POST)
    result = Result.objects.by_token(form.cleaned_data["link"]).first() if form.is_valid() else None
    if form.is_valid() and result is None:
        form.add_error("link", _("We found no results at that link. Check that you copied all of it."))
    if result is None:
        return _attempt_page(request, attempt, attach_form=form, status=400)
    attempt.attach_to(result)  # the results page shows it at once (page_state)
    return private_link(HttpResponseSeeOther(f"{attempt.get_absolute_url()}#next"))
