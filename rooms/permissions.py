"""Who may read, post and moderate in a room: one answer for the page, the form, the WebSocket
consumer and the admin.

A room with a parent asks the parent's registered policy (``rooms/parents.py``) every time, so a
person removed from the parent loses access at once. A standalone room (created by the
secretariat) lets in the members listed on it; the secretariat moderates it.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from cms.permissions import is_secretariat

from . import parents
from .models import Mention, Room


@dataclass(frozen=True)
class Access:
    read: bool = False
    post: bool = False
    moderate: bool = False


NO_ACCESS = Access()


def _active(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


def access_for(user, room: Room) -> Access:
    """What ``user`` may do in ``room`` according to the parent policy (or the member list).

    Remembered on the user object, which lives for one request or one WebSocket frame."""
    if not _active(user):
        return NO_ACCESS
    cache = user.__dict__.setdefault("_rooms_access", {})
    if room.pk not in cache:
        cache[room.pk] = _ask(user, room)
    return cache[room.pk]


def _ask(user, room: Room) -> Access:
    if room.is_standalone:
        moderate = is_secretariat(user)
        member = moderate or room.members.filter(pk=user.pk).exists()
        return Access(read=member, post=member, moderate=moderate)
    parent = room.parent
    if parent is None:  # the parent was deleted; only the secretariat may still look
        moderate = is_secretariat(user)
        return Access(read=moderate, post=False, moderate=moderate)
    policy = parents.policy_for(parent)
    moderate = policy.may_moderate(user, parent)
    post = moderate or policy.may_post(user, parent)
    read = post or policy.may_read(user, parent)
    return Access(read=read, post=post, moderate=moderate)


def fresh_access(user_id: int | None, room_id: int) -> tuple[Room | None, object, Access]:
    """Reload the room and the person from the database and ask again; for long-lived
    connections, whose cached user and room would otherwise hide a change of rights."""
    room = Room.objects.select_related("content_type").filter(pk=room_id).first()
    if room is None or user_id is None:
        return room, None, NO_ACCESS
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return room, None, NO_ACCESS
    return room, user, access_for(user, room)


def readable_rooms(user) -> list[Room]:
    """The rooms ``user`` may read. The secretariat reads every room. Otherwise standalone rooms
    list their members; parent rooms are asked of their policy one by one."""
    if not _active(user):
        return []
    rooms = Room.objects.select_related("content_type").order_by("title")
    if is_secretariat(user):
        return list(rooms)
    standalone = list(rooms.filter(content_type__isnull=True, members=user))
    with_parent = list(rooms.filter(content_type__isnull=False).prefetch_related("parent"))
    return standalone + [room for room in with_parent if access_for(user, room).read]


def unseen_mentions_badge(request) -> int | None:
    user = request.user
    if not _active(user):
        return None
    return Mention.objects.filter(user=user, seen_at__isnull=True).count() or None

