"""The Redis cache, made to degrade instead of failing: when Redis is unreachable every read is
a miss and every write a no-op, so pages are served from the database (sessions are
``cached_db``: written through, read back from the database on a miss).

After a failure the cache stays out of the way for ``RETRY_SECONDS`` (no request waits for a
connection timeout meanwhile) and then tries again: recovery is automatic. While Redis is down,
allauth's login limits cannot count, so they do not apply — the log says so once per retry.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_SECONDS = 5.0


def _degrading(fallback):
    """Run the Redis operation; on a Redis error, remember the outage and return
    ``fallback(*args, **kwargs)`` instead."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._down_until > time.monotonic():
                return fallback(*args, **kwargs)
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                self._down_until = time.monotonic() + RETRY_SECONDS
                logger.warning(
                    "Cache (Redis) unreachable, serving without it for %ss: %s",
                    RETRY_SECONDS, error,
                )
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def _none(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _default(key, default=None, version=None):
    return default


def _empty(*args, **kwargs):
    return {}


def _all_failed(data, *args, **kwargs):
    return list(data)


def _delta(key, delta=1, version=None):
    return delta


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        super().__init__(server, params)
        self._down_until = 0.0

    def is_down(self) -> bool:
        """True while Redis is taken as unreachable (callers that count, such as rate limits,
        then let the request through rather than refuse everyone)."""
        return self._down_until > time.monotonic()

    @_degrading(_false)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_degrading(_default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrading(_none)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_degrading(_false)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_degrading(_false)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_degrading(_empty)
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    @_degrading(_false)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_degrading(_delta)
    def incr(self, key, delta=1, version=None):
        return super().incr(key, delta, version)

    @_degrading(_all_failed)
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_degrading(_none)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_degrading(_false)
    def clear(self):
        return super().clear()
