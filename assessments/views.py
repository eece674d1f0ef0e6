"""HTTP glue for the fit questionnaire and its results: parse, call the service, render."""

import logging

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from assessments.forms import QuizForm, quiz_items, scale_labels
from assessments.map_views import result_marks
from assessments.models import Result
from assessments.next_steps import with_next_steps
from assessments.ratelimit import JoinCodeLimiter
from assessments.scoring import AnswerError
from assessments.selectors import RESULT_CHECK, page_version, result_view, whole_result
from assessments.services import result_set_hidden, result_submit
from careers.map_views import render_career_map
from core.page_cache import render_cached
from core.secret_links import csrf_protect_without_referrer, private_link

logger = logging.getLogger(__name__)


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


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
            form.add_error(None, _("The questions changed while you were answering. Check the statements below and send your answers again."))
        except ValueError:
            logger.exception("The questionnaire could not be scored")
            form.add_error(None, _("We could not work out your results just now. Your answers are kept below: please try again in a few minutes."))
        else:
            return HttpResponseSeeOther(result.get_absolute_url())
    return render(request, "assessments/quiz.html", _quiz_context(form))


def _quiz_context(form) -> dict:
    return {"form": form, "stages": form.stages(), "answer_errors": form.answer_errors(), "unsure_label": scale_labels()[2], "nav": "quiz"}


@require_safe
@never_cache
def result(request, token):
    state = Result.objects.page_state(token)
    if state is None:
        raise Http404
    version = page_version(state)
    response = render_cached(
        request,
        f"result:{version}",
        "assessments/result.html",
        lambda: _result_context(whole_result(state)),
        fresh=(RESULT_CHECK, state.token, version),
    )
    return private_link(response)


def _result_context(result) -> dict:
    view = result_view(result)
    # The first three matches each get a "Next steps" block (assessments.next_steps).
    return {"view": view, "top_with_steps": with_next_steps(view.top), "private_path": result.get_absolute_url(), "nav": "quiz"}


@require_safe
@never_cache
def result_map(request, token):
    """The career map with this result's top five highlighted and "not for me" roles dimmed."""
    result = get_object_or_404(Result.objects.by_token(token))
    overlay = {
        "title": _("Your matches on the career map"),
        "intro": _("Your top five matches are outlined with their fit; roles you marked “not for me” are dimmed. Arrows show the usual steps between roles."),
        "back_url": result.get_absolute_url(),
        "back_text": _("Back to your results"),
        "legend": _("your top five matches"),
        "dim_legend": _("dimmed: not for me, or doesn't fit your filters"),
        "private": True,
    }
    return private_link(render_career_map(request, marks=result_marks(result), context={"overlay": overlay, "nav": "quiz"}))


@csrf_protect_without_referrer
@require_POST
def result_hide(request, token):
    """"Not for me" (form field ``role`` = slug) hides a match; with ``undo`` it comes back."""
    result = get_object_or_404(Result.objects.by_token(token))
    # The stored pages show it at once: each of their hits reads the row first (page_state).
    result_set_hidden(result=result, slug=request.POST.get("role", ""), hidden=not request.POST.get("undo"))
    return private_link(HttpResponseSeeOther(f"{result.get_absolute_url()}#matches"))
