"""The people version: replaced whenever a person's account row is saved (other than the
``last_login`` stamp of each login) or deleted, so answers that show people's names (a course's
instructors) can be kept in the shared cache."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save

from cms.versions import Version

PEOPLE = Version("puente:accounts:people-version")


def _changed(sender, update_fields=None, **kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    PEOPLE.replace()


def connect_signals() -> None:
    user = get_user_model()
    post_save.connect(_changed, sender=user, dispatch_uid="puente-people-save")
    post_delete.connect(_changed, sender=user, dispatch_uid="puente-people-delete")
