"""Error pages in the site's style, with no detail about the failure."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    # The reason names Django internals; the page only says what the visitor can do.
    return render(request, "403_csrf.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the database (or anything else) may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
