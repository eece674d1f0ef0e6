"""Rendered content pages are cached; any content change bumps a version that is part of
every cache key, so an edit shows at once on every app server sharing the cache."""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

VERSION_KEY = "careers:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def page_key(request_or_path) -> str:
    path = request_or_path if isinstance(request_or_path, str) else request_or_path.get_full_path()
    return f"page:{content_version()}:{hashlib.sha256(path.encode()).hexdigest()}"


def forget_page(path: str) -> None:
    """Drop the stored copy of one page (e.g. a results page after 'not for me')."""
    cache.delete(page_key(path))


def is_cacheable_request(request) -> bool:
    """Anonymous GET/HEAD only: signed-in counselors always get a fresh page."""
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def cache_content_page(view):
    """Mark a content page's response as shareable; ContentPageCacheMiddleware stores it.

    The pages carry no per-visitor data, and a content change (admin save or load_content)
    bumps the version in every key, so an edit shows at once.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.content_page = True
        return response

    return wrapper


class ContentPageCacheMiddleware:
    """Serve stored pages before sessions, auth and CSRF run, and store new ones.

    Stores content pages (marked by cache_content_page) and pages rendered by render_cached
    (which carry their HTML with a CSRF placeholder). Sits right after the security, CSP and
    static-file middleware, so a hit still gets those headers, and the stored headers already
    include what the inner middleware added. A stored page with a CSRF placeholder gets the
    visitor's own token, and the CSRF cookie when they have none, through Django's CSRF
    middleware hooks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request)
        hit = cache.get(key)
        if hit is not None:
            headers, body = hit
            if _CSRF_SENTINEL_BYTES not in body:
                return HttpResponse(body, headers=headers)
            from django.middleware.csrf import CsrfViewMiddleware, get_token

            csrf = CsrfViewMiddleware(self.get_response)
            csrf.process_request(request)
            body = body.replace(_CSRF_SENTINEL_BYTES, get_token(request).encode())
            return csrf.process_response(request, HttpResponse(body, headers=headers))
        response = self.get_response(request)
        if response.status_code != 200 or response.streaming:
            return response
        other_cookies = set(response.cookies) - {settings.CSRF_COOKIE_NAME}
        if getattr(response, "content_page", False) and not response.cookies:
            cache.set(key, (dict(response.headers), response.content), settings.PAGE_CACHE_SECONDS)
        elif getattr(response, "shared_body", None) is not None and not other_cookies:
            cache.set(key, (dict(response.headers), response.shared_body), settings.PAGE_CACHE_SECONDS)
        return response


_CSRF_SENTINEL = "csrf-token-placeholder-9c1e"
_CSRF_SENTINEL_BYTES = _CSRF_SENTINEL.encode()


def render_cached(request, key: str, template: str, build_context, *, timeout=None, share=True) -> HttpResponse:
    """Render `template` once per key and serve the stored HTML afterwards.

    For pages whose HTML depends only on the key (a result token, its hidden list and the content
    version) except for the CSRF token: the page is rendered with a placeholder token, and the
    visitor's own token is put in on every response. build_context() runs only on a miss.
    """
    from django.middleware.csrf import get_token
    from django.template.loader import render_to_string

    full_key = f"rendered:{content_version()}:{key}"
    html = cache.get(full_key)
    if html is None:
        # Per-visitor values stay out of the stored HTML: the CSRF token is a placeholder and
        # flash messages are not shown on these pages.
        context = {**build_context(), "csrf_token": _CSRF_SENTINEL, "messages": ()}
        html = render_to_string(template, context, request=request)
        cache.set(full_key, html, timeout or settings.PAGE_CACHE_SECONDS)
    response = HttpResponse(html.replace(_CSRF_SENTINEL, get_token(request)))
    # ContentPageCacheMiddleware stores this copy and serves later visits without the view.
    if share:
        response.shared_body = html.encode()
    return response
