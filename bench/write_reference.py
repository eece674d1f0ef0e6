"""The write reference for `make bench`: the smallest Django site that takes a form and saves it.

Like bench/reference.py, one module is its settings, URLconf and WSGI entry point, started under
gunicorn with the app's flags (`gunicorn --pythonpath bench write_reference:application`). GET /
answers a small form with a CSRF token (and its cookie); POST / checks the token
(CsrfViewMiddleware, the only middleware), checks that every field but the token is an answer
from 1 to 5, inserts one row in a transaction and answers 303. bench/run.py posts exactly the
fields of the quiz submission it measures, so the quiz's ratio to this page says what the quiz
costs beyond the unavoidable: parsing the same form, the CSRF check, one durable insert.

The database is the app's own: DATABASES comes from himcareers/settings.py read in the same
environment, so SQLite has the same file, PRAGMAs (WAL, synchronous=NORMAL, busy timeout),
IMMEDIATE transactions and kept-open connections, and PostgreSQL the same server, database and
persistent connections.

    python bench/write_reference.py --create-table   # once per database, before gunicorn starts
"""

import json
import secrets
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.urls import path
from django.utils import timezone
from django.utils.html import escape

TABLE = "bench_write_reference"
ANSWERS = {"1", "2", "3", "4", "5"}
FORM = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Write reference</title></head><body>\n<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{token}"><button>Send</button></form>\n</body></html>\n'


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def form(request):
    if request.method != "POST":
        return HttpResponse(FORM.format(token=escape(get_token(request))), content_type="text/html; charset=utf-8")
    answers = {k: v for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    if not answers or any(v not in ANSWERS for v in answers.values()):
        return HttpResponseBadRequest("every field must be an answer from 1 to 5")
    token = secrets.token_urlsafe(32)
    created = connection.ops.adapt_datetimefield_value(timezone.now())
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {TABLE} (token, created, answers) VALUES (%s, %s, %s)", [token, created, json.dumps({k: int(v) for k, v in answers.items()})])  # noqa: S608 (a constant table name)
    return HttpResponseSeeOther(f"/saved/{token}/")


def create_table() -> None:
    """Create the table (dropped first): a unique token, a timestamp and the answers, as a Result has."""
    key = "bigserial PRIMARY KEY" if connection.vendor == "postgresql" else "integer PRIMARY KEY AUTOINCREMENT"
    created = "timestamp with time zone" if connection.vendor == "postgresql" else "datetime"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cursor.execute(f"CREATE TABLE {TABLE} (id {key}, token varchar(64) NOT NULL UNIQUE, created {created} NOT NULL, answers text NOT NULL)")


urlpatterns = [path("", form)]

if not settings.configured:
    sys.path.append(str(Path(__file__).resolve().parent.parent))  # the project, when run as a script
    from himcareers.settings import (  # the app's database, from the same environment
        ALLOWED_HOSTS,
        DATABASES,
    )

    settings.configure(
        DEBUG=False,
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=ALLOWED_HOSTS,
        ROOT_URLCONF=__name__,
        MIDDLEWARE=["django.middleware.csrf.CsrfViewMiddleware"],
        INSTALLED_APPS=[],
        DATABASES=DATABASES,
        SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
        USE_I18N=False,
        USE_TZ=True,
        LOGGING_CONFIG=None,
    )

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings.configure)

application = get_wsgi_application()

if __name__ == "__main__" and "--create-table" in sys.argv:
    create_table()
