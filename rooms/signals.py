"""Tell open room connections when someone's rights may have changed.

Delivering a message to a connection never asks the database (that would be one query per
recipient per message). Instead, whatever can take access away sends a "recheck" to the
connections concerned (``broadcast.access_changed``), which ask the parent policy again and close
if access is gone:

- a person is saved (deactivated, moved to another agency…) or their focal-point claim changes;
- a standalone room's member list changes;
- a registered parent is saved or deleted (an exchange changes state), or one of its
  many-to-many fields changes (agencies leave a network, speakers leave a webinar);
- a row that links a person to a registered parent is saved or deleted (an enrolment in a
  cohort, a registration to a webinar): any model with a foreign key to a parent model and one
  to the user model.

A change made without signals (``QuerySet.update``) is caught by each connection's periodic
re-check (``ROOMS_RECHECK_SECONDS``) or at the person's next action, whichever comes first.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save

from . import parents


def _is_parent_model(model) -> bool:
    return any(base in parents.registered_models() for base in model.__mro__)


@cache
def _links() -> dict:
    """{model: [user foreign key attnames]} for models linking a person to a parent."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    links = {}
    for model in apps.get_models():
        fks = [f for f in model._meta.concrete_fields if f.many_to_one and f.remote_field]
        to_parent = any(_is_parent_model(f.related_model) for f in fks)
        to_user = [f.attname for f in fks if f.related_model is user_model]
        if to_parent and to_user and not _is_parent_model(model):
            links[model] = to_user
    return links


def _rooms_of(model, pks) -> list[int]:
    from .models import Room

    content_type = ContentType.objects.get_for_model(model)
    rooms = Room.objects.filter(content_type=content_type)
    if pks is not None:
        rooms = rooms.filter(object_id__in=list(pks))
    return list(rooms.values_list("pk", flat=True))


def _saved_or_deleted(sender, instance, **kwargs):
    from cms.accounts.models import AgencyClaim

    from . import broadcast

    if sender is apps.get_model(settings.AUTH_USER_MODEL):
        if not kwargs.get("created"):
            broadcast.access_changed(user_ids=[instance.pk])
    elif sender is AgencyClaim:
        broadcast.access_changed(user_ids=[instance.user_id])
    elif _is_parent_model(sender):
        if not kwargs.get("created"):
            broadcast.access_changed(room_ids=_rooms_of(sender, [instance.pk]))
    elif sender in _links():
        broadcast.access_changed(user_ids=[getattr(instance, name) for name in _links()[sender]])


def _m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    from . import broadcast
    from .models import Room

    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if isinstance(instance, Room) and not reverse:
        if action == "pre_clear":
            pk_set = set(instance.members.values_list("pk", flat=True))
        if action != "post_clear":
            broadcast.access_changed(user_ids=pk_set or ())
    elif action == "pre_clear":
        return
    elif _is_parent_model(type(instance)) and not reverse:
        broadcast.access_changed(room_ids=_rooms_of(type(instance), [instance.pk]))
    elif reverse and model is Room:  # user.rooms.remove(room)
        broadcast.access_changed(user_ids=[instance.pk])
    elif reverse and _is_parent_model(model):
        broadcast.access_changed(room_ids=_rooms_of(model, pk_set))  # None: every such room


def connect() -> None:
    post_save.connect(_saved_or_deleted, dispatch_uid="rooms_access_saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="rooms_access_deleted")
    m2m_changed.connect(_m2m_changed, dispatch_uid="rooms_access_m2m")
