"""The reference for `make bench`: the smallest Django site that serves a page.

One module is its settings, its URLconf and its WSGI entry point. bench/run.py starts it under
gunicorn with the same flags as the app (`gunicorn --pythonpath bench reference:application`)
and divides each page's requests/s by this page's, measured in the same run.

It is deliberately bare: no middleware, no database, no templates. The one view returns a
pre-built HTML page of REFERENCE_BYTES bytes (run.py passes the size of the role page as the
app serves it), so the ratio says what the app costs over Django and gunicorn sending the same
number of bytes.
"""

import os
import secrets

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

DEFAULT_BYTES = 25_000


def build_page(size: int) -> bytes:
    """Return an HTML page of exactly ``size`` bytes (at least the bare skeleton)."""
    head = b'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Reference</title></head><body><main>\n'
    tail = b"</main></body></html>\n"
    line = b"<p>Reference paragraph standing in for a page of the same size as the role page.</p>\n"
    room = max(size - len(head) - len(tail), 0)
    return head + (line * (room // len(line) + 1))[:room] + tail


PAGE = build_page(int(os.environ.get("REFERENCE_BYTES", DEFAULT_BYTES)))


def page(request):
    return HttpResponse(PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page), path("<path:anything>", page)]

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],
        ROOT_URLCONF=__name__,
        MIDDLEWARE=[],
        INSTALLED_APPS=[],
        DATABASES={},
        USE_I18N=False,
        LOGGING_CONFIG=None,
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings.configure)

application = get_wsgi_application()
