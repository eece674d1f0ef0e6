"""Pages rendered once and served to everyone, before sessions, auth and CSRF run.

The contract between views and the middleware is ``Storable``, set on a response by one of two
helpers: ``cache_content_page`` (a catalogue page, the same for every visitor) and
``render_cached`` (a page whose HTML is the same for everyone but for the CSRF token and the
site's address, rendered once per key). A view names the query parameters it reads; a response
to an address with any other parameter is not stored, and each path stores at most
PAGE_CACHE_VARIANTS query-string variants per content generation.

Stored HTML holds placeholders for the two per-visitor values, filled on every response: the
visitor's own CSRF token, and the site's address (SITE_URL, or the scheme and validated Host of
this request): a stored page never carries the first visitor's Host.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.template.loader import render_to_string
from django.utils.translation import get_language

from core import cache as keys

CSRF_PLACEHOLDER = "csrf-token-placeholder-9c1e"
ORIGIN_PLACEHOLDER = "site-origin-placeholder-4b7d"
_CSRF = CSRF_PLACEHOLDER.encode()
_ORIGIN = ORIGIN_PLACEHOLDER.encode()


@dataclass(frozen=True)
class Storable:
    """What the middleware may store for a response: the HTML with placeholders, the query
    parameters the page reads, and the freshness check that every hit must pass (``fresh``:
    check name, its argument, the version the page was rendered from; see ``freshness_check``)."""

    body: tuple  # prepare()d HTML
    params: frozenset = frozenset()
    fresh: tuple[str, str, str] | None = None


#: name -> fn(argument) returning the current version of what a stored page shows, or None when
#: it no longer exists. Registered by the apps at start-up (AppConfig.ready).
_checks: dict[str, Callable[[str], str | None]] = {}


def freshness_check(name: str, version_of: Callable[[str], str | None]) -> None:
    """Register a check for pages stored with ``fresh=(name, argument, version)``.

    Such a page is served from the cache only while ``version_of(argument)`` still returns the
    version it was rendered from; otherwise the request goes to the view (which renders and
    stores it anew, or answers 404). The check reads the source of truth on every hit, so no
    write anywhere has to remember to forget the page, in this process or any other.
    """
    _checks[name] = version_of


def _still_fresh(fresh) -> bool:
    if fresh is None:
        return True
    name, argument, version = fresh
    check = _checks.get(name)
    return check is not None and check(argument) == version


def site_origin(request) -> str:
    """The address links to this site start with: SITE_URL, or this request's validated one.

    While a page is rendered for storing, a placeholder, filled per response.
    """
    if settings.SITE_URL:
        return settings.SITE_URL.rstrip("/")
    if getattr(request, "rendering_for_cache", False):
        return ORIGIN_PLACEHOLDER
    return f"{request.scheme}://{request.get_host()}"


ORIGIN, CSRF = 0, 1  # where the two per-visitor values go in prepared HTML


def prepare(html: bytes) -> tuple:
    """Stored HTML split at its placeholders (ORIGIN and CSRF in their places), so that filling it
    is one join instead of a search and a copy of the whole page per placeholder."""
    parts: list = []
    for i, chunk in enumerate(html.split(_CSRF)):
        if i:
            parts.append(CSRF)
        for j, piece in enumerate(chunk.split(_ORIGIN)):
            if j:
                parts.append(ORIGIN)
            parts.append(piece)
    return tuple(parts)


def fill(request, parts: tuple) -> bytes:
    """Put this visitor's values into prepared HTML (see ``prepare``)."""
    if len(parts) == 1:
        return parts[0]
    values = [b"", b""]
    if ORIGIN in parts:
        values[ORIGIN] = f"{request.scheme}://{request.get_host()}".encode()
    if CSRF in parts:
        values[CSRF] = get_token(request).encode()
    return b"".join([values[p] if p.__class__ is int else p for p in parts])


def is_cacheable_request(request) -> bool:
    """Anonymous GET/HEAD only: signed-in counselors always get a fresh page."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def cache_content_page(view=None, *, params=()):
    """Mark a catalogue page as the same for every visitor; the middleware stores it.

    ``params``: the query parameters the view reads (addresses with others are not stored).
    """
    allowed = frozenset(params)

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            request.rendering_for_cache = True
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.rendering_for_cache = False
            # A page that asked for a CSRF token holds this visitor's token: never shared.
            token_used = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            if response.status_code == 200 and not response.streaming and not response.cookies and not token_used:
                parts = prepare(response.content)
                response.page_cache = Storable(parts, allowed)
                response.content = fill(request, parts)
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


def render_cached(request, key: str, template: str, build_context, *, store_page=True, fresh=None) -> HttpResponse:
    """Render ``template`` once per key, language and content generation, and serve that HTML
    afterwards.

    For pages whose HTML depends only on ``key`` but for the CSRF token and the site's address
    (both placeholders in the stored copy). build_context() runs only on a miss. With
    ``store_page`` the middleware may also store the whole response for this address; with
    ``fresh`` (check name, argument, version: see ``freshness_check``), each hit of that stored
    response is checked against the source of truth first (a result's pages).
    """
    full_key, html = None, None
    key = f"{get_language()}:{key}"  # the same page in each language is its own rendering
    if not keys.cache_down():
        generation, html = keys.generation_and_get(lambda g: keys.rendering_key(g, key))
        full_key = keys.rendering_key(generation, key)
    if html is None:
        request.rendering_for_cache = True
        try:
            # Per-visitor values stay out of the stored HTML; flash messages are not shown here.
            context = {**build_context(), "csrf_token": CSRF_PLACEHOLDER, "messages": ()}
            html = prepare(render_to_string(template, context, request=request).encode())
        finally:
            request.rendering_for_cache = False
        if fresh is not None and not _still_fresh(fresh):
            # The source changed while the page was rendered from it: this HTML may show the
            # newer state under the older version, which could become current again (a match
            # hidden, then shown). Serve it, keep nothing.
            full_key, store_page = None, False
        if full_key:
            cache.set(full_key, html, settings.PAGE_CACHE_SECONDS)
    response = HttpResponse(fill(request, html))
    if store_page:
        response.page_cache = Storable(html, frozenset(), fresh=fresh)
    return response


class ContentPageCacheMiddleware:
    """Serve stored pages before sessions, auth and CSRF run, and store new ones.

    Sits right after the security, CSP and static-file middleware, so a hit still gets those
    headers. The Host header is validated before anything stored is served.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        request.get_host()  # raises DisallowedHost (a 400) for a Host not in ALLOWED_HOSTS
        if keys.cache_down():
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        generation, hit = keys.generation_and_get(lambda g: keys.page_key(g, request.path, query))
        key = keys.page_key(generation, request.path, query)
        if hit is not None:
            headers, body, fresh = hit
            if _still_fresh(fresh):
                return self._serve(request, headers, body)
        response = self.get_response(request)
        if self._may_store(request, response, generation, query):
            headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
            storable = response.page_cache
            cache.set(key, (headers, storable.body, storable.fresh), settings.PAGE_CACHE_SECONDS)
        return response

    def _serve(self, request, headers, body):
        needs_token = CSRF in body
        if needs_token:
            csrf = CsrfViewMiddleware(self.get_response)
            csrf.process_request(request)
        body = fill(request, body)
        response = HttpResponse(body, headers={**headers, "Content-Length": str(len(body))})
        # The visitor's own token, and the CSRF cookie when they have none.
        return csrf.process_response(request, response) if needs_token else response

    @staticmethod
    def _may_store(request, response, generation, query) -> bool:
        storable = getattr(response, "page_cache", None)
        if storable is None or response.status_code != 200 or response.streaming:
            return False
        if set(response.cookies) - {settings.CSRF_COOKIE_NAME}:
            return False
        if query and not set(request.GET) <= storable.params:
            return False
        return not query or keys.variant_allowed(generation, request.path)
