"""Django's model permissions, kept in the cache between requests.

Every signed-in page asks at least once whether the person may open the admin; Django's
ModelBackend answers with two queries per request (own and group permissions). The answer
changes only when permissions, groups or the person's flags change, so it is cached under a
*permissions version* that any such change replaces (see ``connect_signals``). The same version
keys other answers that depend on those rows: Wagtail's page permissions (the edit link), the
person's role names and the agencies they represent (``cms.permissions``).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import GroupCollectionPermission, GroupPagePermission

from cms.versions import Version

PERMISSIONS = Version("puente:perms:version")
TIMEOUT = 60 * 60


def permissions_version() -> str:
    """Replaced whenever groups, permissions, Wagtail's page/collection permissions or agency
    claims change."""
    return PERMISSIONS.current()


def permissions_changed(**kwargs) -> None:
    """Forget every cached permission set, now and once the transaction commits."""
    PERMISSIONS.replace()


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if (
            obj is not None
            or not user_obj.is_active
            or user_obj.is_anonymous
            or hasattr(user_obj, "_perm_cache")
        ):
            return super().get_all_permissions(user_obj, obj)
        # is_active is checked above on every call; is_superuser changes the answer.
        key = f"puente:perms:{permissions_version()}:{user_obj.pk}:{int(user_obj.is_superuser)}"
        perms = cache.get(key)
        if perms is None:
            perms = super().get_all_permissions(user_obj)
            cache.set(key, perms, TIMEOUT)
        user_obj._perm_cache = perms
        return perms


def connect_signals() -> None:
    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(permissions_changed, sender=through, dispatch_uid=f"perms-{through}")
    from cms.accounts.models import AgencyClaim

    for model in (Group, Permission, GroupPagePermission, GroupCollectionPermission, AgencyClaim):
        post_save.connect(permissions_changed, sender=model, dispatch_uid=f"perms-save-{model}")
        post_delete.connect(permissions_changed, sender=model, dispatch_uid=f"perms-del-{model}")
