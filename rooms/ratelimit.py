"""How fast one person may post in one room (``ROOMS_RATE_LIMIT``, "N/S": N messages every S
seconds), shared by every process through the cache."""

from django.conf import settings
from django.core.cache import cache


def rate_limit() -> tuple[int, int]:
    count, _sep, seconds = settings.ROOMS_RATE_LIMIT.partition("/")
    return int(count), int(seconds)


def take_rate_slot(room_id: int, user_id: int) -> bool:
    """Take one of the person's N slots for S seconds in this room; False when all are taken.

    Each slot is a cache key added atomically (SET NX on Redis), so the limit holds across
    processes and is a true sliding window: a slot frees exactly S seconds after its message.
    """
    count, seconds = rate_limit()
    keys = [f"rooms:rate:{room_id}:{user_id}:{slot}" for slot in range(count)]
    taken = cache.get_many(keys)  # one round trip to skip the slots already in use
    if any(cache.add(key, 1, timeout=seconds) for key in keys if key not in taken):
        return True
    # Redis down (cms/cache.py): nothing can be counted; posting goes on rather than stopping
    # for everyone, as the login limits do.
    return bool(getattr(cache, "is_down", lambda: False)())
