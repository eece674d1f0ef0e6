"""Rendered content pages are cached; any content change bumps a version that is part of
every cache key, so an edit shows at once on every app server sharing the cache."""

import hashlib

from django.core.cache import cache

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


def cache_content_page(view):
    """Cache a content page's rendered response per URL and content version.

    Only anonymous GET/HEAD requests are served from the cache: the pages carry no per-visitor
    data, and a content change (admin save or load_content) bumps the version in every key.
    """
    from functools import wraps

    from django.conf import settings
    from django.http import HttpResponse

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return view(request, *args, **kwargs)
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{content_version()}:{path}"
        hit = cache.get(key)
        if hit is not None:
            status, content_type, body = hit
            return HttpResponse(body, status=status, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            cache.set(key, (response.status_code, response["Content-Type"], response.content), settings.PAGE_CACHE_SECONDS)
        return response

    return wrapper
