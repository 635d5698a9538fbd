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

    def follow_apps(self, *app_labels: str) -> None:
        """Replace the version whenever a row of one of ``app_labels`` is saved or deleted, or a
        many-to-many of theirs changes. Writes that bypass signals (``bulk_create``,
        ``update()``) call ``replace()`` themselves. Called from ``AppConfig.ready()``."""
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        def changed(sender, **kwargs) -> None:
            if sender._meta.app_label in app_labels:
                self.replace()

        post_save.connect(changed, weak=False, dispatch_uid=f"{self.key}-save")
        post_delete.connect(changed, weak=False, dispatch_uid=f"{self.key}-delete")
        for label in app_labels:
            for model in apps.get_app_config(label).get_models():
                for field in model._meta.local_many_to_many:
                    m2m_changed.connect(
                        self.replace, sender=field.remote_field.through,
                        dispatch_uid=f"{self.key}-m2m-{model._meta.label}-{field.name}",
                    )


def kept(parts, compute, timeout: int = 60 * 60):
    """``compute()``'s value, kept in the shared cache under ``parts`` (which must name every
    version and every input the value depends on, the language included)."""
    key = ":".join(map(str, parts))
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
