"""The page cache's keys and state: one content generation, hashed keys, and forgetting pages.

Every stored page is keyed by the content generation (a random value that any content write
replaces, see core.invalidation), its path and its query string, all hashed: a result token
never appears in a key name. Pages are kept in Django's default cache.

Pages are stored in Redis (REDIS_URL) or per-process memory alike; a result's pages too, whose
every hit is first checked against the result's row (core.page_cache.freshness_check), so a
change made on another app server shows at once. While a configured Redis is unreachable
nothing is stored and pages are rendered on every request: the stand-in memory cache could not
see another server's new content generation.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache

from core.i18n import every_language

GENERATION_KEY = "core:content-generation"


def cache_down() -> bool:
    """Whether a configured Redis is unreachable (see the module's docstring). Costs no cache call."""
    backend = caches["default"]
    if isinstance(backend, LocMemCache):
        return False
    is_shared = getattr(backend, "is_shared", None)
    return is_shared is not None and not is_shared()


_last_generation: str | None = None  # the generation this process read last (a guess, checked)


def content_generation() -> str:
    """The current content generation: any content save or delete replaces it."""
    global _last_generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY) or "0"
    _last_generation = generation
    return generation


def generation_and_get(key_of) -> tuple[str, object]:
    """(the current generation, cache.get(key_of(generation))) in one cache call when the
    generation is the one this process read last, which it nearly always is: both keys are read
    together (one MGET, one round trip to Redis) and the stored value is used only if the
    generation read with it is the guessed one. Otherwise two more calls, as before."""
    guess = _last_generation
    if guess is not None:
        key = key_of(guess)
        found = cache.get_many([GENERATION_KEY, key])
        if found.get(GENERATION_KEY) == guess:
            return guess, found.get(key)
    generation = content_generation()
    return generation, cache.get(key_of(generation))


def bump_content_generation() -> None:
    """Start a new generation: every stored page and rendering becomes unreachable at once.

    A random value, not a counter: after a cache flush a counter would start again at 1 and
    could meet pages stored under an old 1.
    """
    cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


# The layout of what is stored under these keys (core.page_cache): a new one after a change,
# so that a server never reads what an older version of the code stored in a shared cache.
FORMAT = "2"


def page_key(generation: str, path: str, query: str = "") -> str:
    """The stored copy of one address (path and raw query string) in one generation."""
    return f"page{FORMAT}:{_digest(generation, path, query)}"


def rendering_key(generation: str, key: str) -> str:
    """A view's own rendering (render_cached) in one generation; the key may hold a token."""
    return f"rendered{FORMAT}:{_digest(generation, key)}"


def variant_allowed(generation: str, path: str) -> bool:
    """Whether one more query-string variant of this path may be stored (PAGE_CACHE_VARIANTS
    per path and generation; the allowance refills when the stored pages expire)."""
    key = f"page-variants:{_digest(generation, path)}"
    cache.add(key, 0, timeout=settings.PAGE_CACHE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        return False
    return count <= settings.PAGE_CACHE_VARIANTS


def forget_pages(*paths: str) -> None:
    """Drop the stored copies of these addresses in every language (their plain form: only
    pages that use a query parameter store variants, and a result's pages use none)."""
    generation = content_generation()
    cache.delete_many([page_key(generation, path) for path in every_language(*paths)])
