"""Version tokens for data kept in the shared cache.

Cached answers that depend on a set of rows (the page tree, permissions, the directory) are
stored under a key that includes the set's current *version*. Any change to those rows replaces
the version, so every answer computed before it is simply never read again (and ages out): a
change shows on the next request, with no timeout to wait for and no key to hunt down.
"""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction


class Version:
    def __init__(self, key: str):
        self.key = key

    def current(self) -> str:
        version = cache.get(self.key)
        if version is None:
            cache.add(self.key, uuid4().hex, None)
            version = cache.get(self.key)
        # The cache is unreachable (cms/cache.py degrades to misses): a version of this request
        # alone, so nothing cached is trusted and every answer is computed from the database.
        return version or f"uncached-{uuid4().hex}"

    def _replace_now(self) -> None:
        cache.set(self.key, uuid4().hex, None)

    def replace(self, **signal_kwargs) -> None:
        """A new version now, and again once the transaction commits.

        The second covers a request that read the old rows and cached its answer between the
        change and the commit. Usable directly as a signal receiver.
        """
        self._replace_now()
        transaction.on_commit(self._replace_now)
