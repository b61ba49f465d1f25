"""The production cache: Redis, shared by every app server and worker, and never fatal.

The site uses the cache for pages (`page_cache.py`), sessions (the database keeps them
too), the search API's rate limit and Wagtail's own look-ups. None of these is worth an
error page: when Redis is stopped or unreachable, every cache call answers as a miss (a
write is dropped, `add` says the key exists, `incr` counts from nothing), a warning is
logged, and Redis is left alone for `RETRY_SECONDS` (default 5) so that a dead server costs
one failed connection per process every few seconds rather than one per call.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

import redis

logger = logging.getLogger(__name__)

# What each client call answers while Redis is unavailable: the answer of a cache that has
# nothing and keeps nothing. `get` answers the caller's default; `incr` the increment.
ANSWERS_WHEN_DOWN = {
    "add": lambda key, value, timeout: False,
    "get": lambda key, default: default,
    "set": lambda key, value, timeout: None,
    "touch": lambda key, timeout: False,
    "delete": lambda key: False,
    "get_many": lambda keys: {},
    "has_key": lambda key: False,
    "incr": lambda key, delta: delta,
    "set_many": lambda data, timeout: [],
    "delete_many": lambda keys: None,
    "clear": lambda: False,
}


class ResilientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with each call answered as a miss while Redis is down."""

    def __init__(self, servers, retry_seconds=5, **options):
        super().__init__(servers, **options)
        self.retry_seconds = retry_seconds
        self.down_until = 0.0

    def mark_down(self, error):
        self.down_until = time.monotonic() + self.retry_seconds
        logger.warning(
            "Cache unavailable (%s); going on without it for %ss", error, self.retry_seconds
        )


def answer_as_miss_when_down(name, call):
    answer_when_down = ANSWERS_WHEN_DOWN[name]

    @functools.wraps(call)
    def guarded(client, *args):
        if time.monotonic() < client.down_until:
            return answer_when_down(*args)
        try:
            return call(client, *args)
        except redis.RedisError as error:
            client.mark_down(error)
            return answer_when_down(*args)

    return guarded


for _name in ANSWERS_WHEN_DOWN:
    setattr(
        ResilientRedisCacheClient,
        _name,
        answer_as_miss_when_down(_name, getattr(RedisCacheClient, _name)),
    )


class ResilientRedisCache(RedisCache):
    """`django.core.cache.backends.redis.RedisCache` that degrades to no cache at all.

    OPTIONS are Django's (passed on to redis-py's connection pool), plus RETRY_SECONDS.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_seconds = options.pop("RETRY_SECONDS", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = functools.partial(ResilientRedisCacheClient, retry_seconds=retry_seconds)
