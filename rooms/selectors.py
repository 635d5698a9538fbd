"""Reads of the rooms: a page of history, the open reports, one message of a room. Each asks the
permission first, so no caller can forget to."""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.permissions import is_active_user

from . import parents as room_parents
from .models import Message, MessageReport, Mute, Room
from .permissions import RoomError, access_for, require

PAGE_SIZE = 50
SINCE_LIMIT = 200


def room_history(
    *, room: Room, user, before: int | None = None, after: int | None = None,
    limit: int = PAGE_SIZE,
) -> tuple[list[Message], bool]:
    """A page of messages, oldest first, and whether there are more.

    ``before``: the page just older than that id (scrolling back); ``after``: every message newer
    than that id, oldest first (catching up after a reconnect); neither: the latest page.
    """
    require(access_for(user, room), "read")
    messages = Message.objects.filter(room=room).select_related("author")
    if after is not None:
        page = list(messages.filter(id__gt=after).order_by("id")[: limit + 1])
        return page[:limit], len(page) > limit
    if before is not None:
        messages = messages.filter(id__lt=before)
    page = list(messages.order_by("-id")[: limit + 1])
    return list(reversed(page[:limit])), len(page) > limit


def latest_message_id(room: Room) -> int:
    """The id of the room's newest message (0 when it has none)."""
    return (
        Message.objects.filter(room=room).order_by("-id").values_list("id", flat=True).first()
        or 0
    )


def open_reports(room: Room):
    """The moderation queue of ``room``, oldest first (callers show it to moderators only)."""
    return (
        MessageReport.objects.filter(message__room=room, status=MessageReport.Status.OPEN)
        .select_related("message__author", "reporter")
        .order_by("created_at")
    )


def message_in(room: Room, message_id: int) -> Message:
    """Message ``message_id`` of ``room`` (with its room and author), or a ``not_found``
    refusal."""
    message = (
        Message.objects.select_related("room", "author")
        .filter(pk=message_id, room_id=room.pk)
        .first()
    )
    if message is None:
        raise RoomError(_("There is no such message in this room."), code="not_found")
    return message


def muted_user_ids(room: Room) -> set[int]:
    """Who a moderator muted in ``room`` right now (moderators see "Unmute" on their messages)."""
    return set(
        Mute.objects.filter(room=room, until__gt=timezone.now()).values_list("user_id", flat=True)
    )


def readable_rooms_of(user, parents) -> list[Room]:
    """The rooms of ``parents`` (instances of registered parent models: a course's cohorts, a
    webinar, an exchange) that ``user`` may read, in the order of ``parents``. One query per
    kind of parent whatever their number when its policy answers for a queryset
    (``readable``), so a page listing many cohorts links their rooms at a constant cost."""
    if not is_active_user(user):
        return []
    by_model: dict[type, list] = {}
    for parent in parents:
        parent = getattr(parent, "specific", parent)
        if type(parent) in room_parents.registered_models():
            by_model.setdefault(type(parent), []).append(parent)
    found: dict[tuple[type, int], Room] = {}
    for model, instances in by_model.items():
        ids = [parent.pk for parent in instances]
        rooms = Room.objects.filter(content_type=ContentType.objects.get_for_model(model))
        batch = getattr(room_parents.policy_for(instances[0]), "readable", None)
        if batch is not None:
            allowed = batch(user, model._default_manager.filter(pk__in=ids)).values("pk")
            readable = list(rooms.filter(object_id__in=allowed))
        else:
            candidates = {room.object_id: room for room in rooms.filter(object_id__in=ids)}
            allowed = room_parents.readable_ids(user, model, candidates)
            readable = [candidates[pk] for pk in allowed]
        found.update(((model, room.object_id), room) for room in readable)
    return [
        found[(model, parent.pk)]
        for model, instances in by_model.items()
        for parent in instances
        if (model, parent.pk) in found
    ]
