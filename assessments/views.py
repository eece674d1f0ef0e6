"""HTTP glue for the fit questionnaire and its results: parse, call the service, render."""

import logging

from django.http import HttpResponseRedirect
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import decorator_from_middleware
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.forms import QuizForm, quiz_items
from assessments.models import Result
from assessments.ratelimit import JoinCodeLimiter
from assessments.scoring import AnswerError
from assessments.selectors import result_view
from assessments.services import result_page_paths, result_set_hidden, result_submit
from core.cache import forget_pages
from core.page_cache import render_cached
from worksamples.fit import apply_worksample_fit

logger = logging.getLogger(__name__)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


class _TokenCsrfMiddleware(CsrfViewMiddleware):
    """Django's CSRF check on the form token alone, for forms on the results page.

    That page sends Referrer-Policy: no-referrer (its URL is a secret), so browsers post its
    forms with "Origin: null" and no Referer, which the usual Origin and Referer checks refuse.
    The token check stays; the cookie is __Host- prefixed in production, so no other host can
    plant one, and the form's URL itself holds the unguessable result token.
    """

    def _origin_verified(self, request):
        return request.META.get("HTTP_ORIGIN") == "null" or super()._origin_verified(request)

    def _check_referer(self, request):
        return None


def csrf_protect_without_referrer(view):
    return csrf_exempt(decorator_from_middleware(_TokenCsrfMiddleware)(view))


def _private(response):
    """Results live at secret links: keep them out of referrers and search engines."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@cache_control(private=True, no_store=True)  # answers typed in must not outlive the visit
def quiz(request):
    if request.method != "POST":
        # The empty form is the same for everyone but for the CSRF token: render it once.
        return render_cached(request, "quiz-form", "assessments/quiz.html", lambda: _quiz_context(QuizForm(None, items=quiz_items())))
    form = QuizForm(request.POST, items=quiz_items(), limiter=JoinCodeLimiter.for_request(request))
    if form.is_bound and form.is_valid():
        try:
            result = result_submit(answers=form.answers(), cohort=form.cohort, display_name=form.cleaned_data["display_name"])
        except AnswerError:
            form.add_error(None, "The questions changed while you were answering. Check the statements below and send your answers again.")
        except ValueError:
            logger.exception("The questionnaire could not be scored")
            form.add_error(None, "We could not work out your results just now. Your answers are kept below: please try again in a few minutes.")
        else:
            return HttpResponseSeeOther(result.get_absolute_url())
    return render(request, "assessments/quiz.html", _quiz_context(form))


def _quiz_context(form) -> dict:
    return {"form": form, "stages": form.stages(), "answer_errors": form.answer_errors(), "nav": "quiz"}


@require_safe
@never_cache
def result(request, token):
    result = get_object_or_404(Result.objects.by_token(token))
    tried = apply_worksample_fit(result)  # work samples the student attached (worksamples app)
    response = render_cached(
        request,
        f"result:{result.token}:{','.join(result.hidden)}:{tried}",
        "assessments/result.html",
        lambda: {"view": result_view(result), "private_path": result.get_absolute_url(), "nav": "quiz"},
        private=True,
    )
    return _private(response)


@csrf_protect_without_referrer
@require_POST
def result_hide(request, token):
    """"Not for me" (form field ``role`` = slug) hides a match; with ``undo`` it comes back."""
    result = get_object_or_404(Result.objects.by_token(token))
    result_set_hidden(result=result, slug=request.POST.get("role", ""), hidden=not request.POST.get("undo"))
    forget_pages(*result_page_paths(result))
    return _private(HttpResponseSeeOther(f"{result.get_absolute_url()}#matches"))
