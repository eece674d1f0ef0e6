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


def page_key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page:{content_version()}:{path}"


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
    """Serve cached content pages before sessions, auth and CSRF run, and store new ones.

    Sits right after the security, CSP and static-file middleware, so a hit still gets those
    headers, and the stored headers already include what the inner middleware added.
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
            return HttpResponse(body, headers=headers)
        response = self.get_response(request)
        if (
            getattr(response, "content_page", False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            cache.set(key, (dict(response.headers), response.content), settings.PAGE_CACHE_SECONDS)
        return response


_CSRF_SENTINEL = "csrf-token-placeholder-9c1e"


def render_cached(request, key: str, template: str, build_context, *, timeout=None) -> HttpResponse:
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
    if _CSRF_SENTINEL in html:
        html = html.replace(_CSRF_SENTINEL, get_token(request))
    return HttpResponse(html)
