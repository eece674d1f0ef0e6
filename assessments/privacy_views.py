"""The privacy page, and a student deleting their own results (with a confirmation step that
works without JavaScript)."""

from django.conf import settings
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from assessments.deletion import result_delete
from assessments.models import Result
from assessments.views import HttpResponseSeeOther
from core.page_cache import cache_content_page
from core.secret_links import csrf_protect_without_referrer, private_link


@require_safe
@cache_content_page
def privacy(request):
    context = {
        "retention_days": settings.RESULT_RETENTION_DAYS,
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_hours": settings.SESSION_COOKIE_AGE // 3600,
        "language_cookie": settings.LANGUAGE_COOKIE_NAME,  # set by the language switch only
        "nav": "privacy",
    }
    return render(request, "assessments/privacy.html", context)


@require_safe
@cache_content_page
def result_deleted(request):
    return render(request, "assessments/result_deleted.html", {"nav": "quiz"})


@csrf_protect_without_referrer
@require_http_methods(["GET", "HEAD", "POST"])
@never_cache
def result_delete_view(request, token):
    """GET (or a POST without ``confirm``) asks "are you sure?"; a POST with it deletes."""
    result = get_object_or_404(Result.objects.by_token(token))
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        result_delete(result=result)
        return private_link(HttpResponseSeeOther(reverse("assessments:result_deleted")))
    context = {"result": result, "nav": "quiz"}
    return private_link(render(request, "assessments/result_delete_confirm.html", context))
