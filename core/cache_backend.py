"""Redis as the shared cache, with a per-process memory cache standing in while Redis is down.

The cache is an optimisation, never a dependency: when Redis cannot be reached, every cache call
goes to a local-memory cache instead of raising, the outage is logged once (not per request),
and Redis is tried again after a few seconds. Callers that must not trust a per-process copy (the
page cache: another worker's new content generation could not reach it) ask ``is_shared()``
first.
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
_UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class _Outage:
    """Whether Redis is believed down in this process, shared by every thread's backend."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.down = False

    def is_down(self) -> bool:
        return self.down and time.monotonic() < self.down_until

    def failed(self, exc: Exception) -> None:
        with self.lock:
            first = not self.down
            self.down, self.down_until = True, time.monotonic() + RETRY_SECONDS
        if first:
            logger.warning("The shared cache (Redis) is unreachable (%s); pages are served uncached "
                           "and rate limits count per process until it is back.", type(exc).__name__)

    def recovered(self) -> None:
        if self.down:
            with self.lock:
                was_down, self.down = self.down, False
            if was_down:
                logger.warning("The shared cache (Redis) is reachable again.")


_outage = _Outage()
_fallback = LocMemCache("core-cache-fallback", {"OPTIONS": {"MAX_ENTRIES": 5000}})


def _fail_soft(name: str):
    def method(self, *args, **kwargs):
        if _outage.is_down():
            return getattr(_fallback, name)(*args, **kwargs)
        try:
            result = getattr(RedisCache, name)(self, *args, **kwargs)
        except _UNREACHABLE as exc:
            _outage.failed(exc)
            return getattr(_fallback, name)(*args, **kwargs)
        _outage.recovered()
        return result

    method.__name__ = name
    return method


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every cache call, and redis-py's constructor fills a
    table of some 170 response callbacks each time: about a tenth of a millisecond, more than
    the round trip to Redis, on every page served from the cache. A ``redis.Redis`` is safe to
    share between threads (each command takes a connection from the pool).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSoftRedisCache(RedisCache):
    """Django's Redis cache whose calls never raise because Redis is unreachable."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def is_shared(self) -> bool:
        """True unless Redis was found unreachable in the last few seconds."""
        return not _outage.is_down()

    add = _fail_soft("add")
    get = _fail_soft("get")
    set = _fail_soft("set")
    touch = _fail_soft("touch")
    delete = _fail_soft("delete")
    get_many = _fail_soft("get_many")
    has_key = _fail_soft("has_key")
    incr = _fail_soft("incr")
    set_many = _fail_soft("set_many")
    delete_many = _fail_soft("delete_many")
    clear = _fail_soft("clear")
