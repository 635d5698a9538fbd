"""Who may read, post and moderate in a room: one answer for the page, the form, the WebSocket
consumer and the admin.

A room with a parent asks the parent's registered policy (``rooms/parents.py``) every time, so a
person removed from the parent loses access at once. A standalone room (created by the
secretariat) lets in the members listed on it; the secretariat moderates it.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

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
    """The rooms ``user`` may read, by title. The secretariat reads every room. Otherwise:
    standalone rooms listing them, and parent rooms whose policy lets them read — asked once per
    kind of parent (``parents.readable_ids``), so the cost does not grow with the rooms."""
    if not _active(user):
        return []
    rooms = Room.objects.order_by("title")
    if is_secretariat(user):
        return list(rooms)
    listed = Room.members.through.objects.filter(user_id=user.pk).values("room_id")
    candidates = list(rooms.filter(Q(content_type__isnull=False) | Q(pk__in=listed)))
    by_type: dict[int, list[int]] = {}
    for room in candidates:
        if room.content_type_id is not None:
            by_type.setdefault(room.content_type_id, []).append(room.object_id)
    allowed: set[tuple[int, int]] = set()
    for type_id, object_ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or model not in parents.registered_models():
            continue
        allowed.update((type_id, pk) for pk in parents.readable_ids(user, model, object_ids))
    return [
        room for room in candidates
        if room.content_type_id is None or (room.content_type_id, room.object_id) in allowed
    ]


def unseen_mentions_badge(request) -> int | None:
    user = request.user
    if not _active(user):
        return None
    count = getattr(request, "_puente_unseen_mentions", None)  # known when the list showed them
    if count is None:
        count = Mention.objects.filter(user=user, seen_at__isnull=True).count()
    return count or None

