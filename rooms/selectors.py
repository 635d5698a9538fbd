"""Reads of the rooms: a page of history, the open reports, one message of a room. Each asks the
permission first, so no caller can forget to."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
