"""Languages: English at unprefixed addresses, Spanish under /es/, and the visitor's choice.

The page's language comes from its address alone (``i18n_patterns`` with the default language
unprefixed), so a stored page is keyed by its path and never needs a Vary on a cookie. The
language switch is a plain link: ``/language/es/?next=/roles/medical-coder/`` remembers the
choice in Django's language cookie (only when a visitor clicks it) and redirects to the same page
in that language. Later, an unprefixed page asked for with that cookie set to Spanish redirects to
its /es/ address, before the page cache runs. The JSON API has no prefix: it answers in the
language of ``?lang=`` or of the Accept-Language header.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from core.vocabulary import months_words

DEFAULT = settings.LANGUAGE_CODE
CODES = tuple(code for code, _ in settings.LANGUAGES)
OTHERS = tuple(code for code in CODES if code != DEFAULT)
#: Addresses outside the language prefixes: never redirected to /es/.
UNPREFIXED = ("/api/", "/admin/", "/static/", "/language/", "/favicon", "/robots.txt", "/healthz")


def language_code() -> str:
    """The active language's base code ("es" for es, es-mx...; "en" when none is active): the one
    test every part of the site uses to pick a language's words."""
    return (translation.get_language() or DEFAULT).lower().split("-")[0]


def months_in_words(months: int) -> str:
    """core.vocabulary.months_words in the active language ("18 meses", "1 año")."""
    return months_words(months, gettext=translation.gettext, ngettext=translation.ngettext)


def language_prefix(path: str) -> str | None:
    """'es' for '/es/...' (or '/es'), None for an unprefixed path."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in OTHERS else None


def unprefixed(path: str) -> str:
    """The path without its language prefix: '/es/roles/' -> '/roles/'."""
    code = language_prefix(path)
    return (path[len(code) + 1:] or "/") if code else path


def in_language(path: str, code: str) -> str:
    """The same path in language ``code`` ('/roles/' -> '/es/roles/' for Spanish)."""
    bare = unprefixed(path)
    return bare if code == DEFAULT else f"/{code}{bare}"


def every_language(*paths: str) -> list[str]:
    """Each path in every language: what forgetting a stored page must forget."""
    return [in_language(path, code) for path in paths for code in CODES]


def _safe_next(request, target: str) -> str:
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc:
            return target
    return "/"


@never_cache
def switch_language(request, code: str):
    """Remember the chosen language and show the page the visitor was on in it."""
    if code not in CODES:
        code = DEFAULT
    target = _safe_next(request, request.GET.get("next", ""))
    path, _, query = target.partition("?")
    response = HttpResponseRedirect(in_language(path, code) + (f"?{query}" if query else ""))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def remembered_language(get_response):
    """Send a visitor who chose Spanish from an unprefixed page to its /es/ address.

    Runs before the page cache: a stored English page is never served to them. Only GET and
    HEAD, only pages (not the API, the admin or static files), only for a language cookie
    the switch could have set.
    """

    def middleware(request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if (
            chosen in OTHERS
            and request.method in ("GET", "HEAD")
            and language_prefix(request.path_info) is None
            and not request.path_info.startswith(UNPREFIXED)
        ):
            query = request.META.get("QUERY_STRING", "")
            response = HttpResponseRedirect(in_language(request.path_info, chosen) + (f"?{query}" if query else ""))
            add_never_cache_headers(response)
            return response
        return get_response(request)

    return middleware


def api_language(request) -> str:
    """The API's language: ``?lang=``, else the best of Accept-Language, else English."""
    asked = request.GET.get("lang", "")
    if asked in CODES:
        return asked
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for code, _ in translation.trans_real.parse_accept_lang_header(header):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return DEFAULT


def api_languages(get_response):
    """Activate the API's language for /api/ requests (after LocaleMiddleware, which would
    otherwise pick English for every unprefixed address) and say which one answered."""

    def middleware(request):
        if not request.path_info.startswith("/api/"):
            return get_response(request)
        code = api_language(request)
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = get_response(request)
        response.headers["Content-Language"] = code
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return middleware


def _query(request) -> str:
    query = request.META.get("QUERY_STRING", "")
    return f"?{query}" if query else ""


def language_links(request) -> dict:
    """The switch and the hreflang alternates of the page being rendered."""
    current = translation.get_language() or DEFAULT
    path = request.path_info
    if path.startswith(UNPREFIXED):
        return {"language_switch": [], "language_alternates": []}
    names = dict(settings.LANGUAGES)
    alternates = [(code, in_language(path, code)) for code in CODES]
    # A page reached by a private link (a result, an attempt) switches by a plain link to its
    # other address: the token is never put in another address's query string.
    private = "token" in getattr(getattr(request, "resolver_match", None), "kwargs", {})
    switch = [
        {"code": code, "name": names[code], "href": target + _query(request) if private else f"/language/{code}/?next={quote(target + _query(request))}"}
        for code, target in alternates
        if code != current
    ]
    return {"language_switch": switch, "language_alternates": alternates, "language_default_path": in_language(path, DEFAULT)}
