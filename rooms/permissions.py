"""Who may read, post and moderate in a room: one answer for the page, the form, the WebSocket
consumer and the admin — and the one posting rule, "may this person post in this room now".

A room with a parent asks the parent's registered policy (``rooms/parents.py``) every time, so a
person removed from the parent loses access at once. A standalone room (created by the
secretariat) lets in the members listed on it; the secretariat moderates it.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cms.permissions import is_active_user, is_secretariat
from cms.refusals import Refusal

from . import parents
from .models import Mention, Mute, Room


class RoomError(Refusal):
    """A refused room action. ``code`` is the documented error code of the WebSocket error
    frame (and of the API's 409); the message is shown to the person."""

    default_code = "forbidden"


@dataclass(frozen=True)
class Access:
    read: bool = False
    post: bool = False
    moderate: bool = False


NO_ACCESS = Access()


def require(access: Access, what: str) -> None:
    """Refuse unless ``access`` allows ``what`` ("read", "post" or "moderate")."""
    if not getattr(access, what):
        raise RoomError(_("You may not do this in this room."), code="forbidden")


def access_for(user, room: Room) -> Access:
    """What ``user`` may do in ``room`` according to the parent policy (or the member list).

    Remembered on the user object, which lives for one request or one WebSocket frame."""
    if not is_active_user(user):
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


# The posting rule ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Posting:
    """The posting rule's answer: may the person post now and, when not, why (``code``) in words
    they can read (``message``); ``until``: the end of their mute. The page renders it, the
    socket sends it (``as_dict``) and room.js only displays it."""

    allowed: bool
    code: str = ""
    message: str = ""
    until: datetime.datetime | None = None

    def as_dict(self) -> dict:
        return {
            "allowed": self.allowed,
            "code": self.code,
            "message": str(self.message),
            "until": self.until.isoformat() if self.until else None,
        }

    def refusal(self) -> RoomError:
        return RoomError(self.message, code=self.code)


ALLOWED = Posting(allowed=True)
_UNKNOWN = object()


def active_mute_until(user, room: Room) -> datetime.datetime | None:
    """The end of the person's current mute in ``room``, if a moderator muted them."""
    return (
        Mute.objects.filter(room=room, user=user, until__gt=timezone.now())
        .values_list("until", flat=True)
        .first()
    )


def posting(user, room: Room, *, access: Access | None = None, muted_until=_UNKNOWN) -> Posting:
    """THE rule "may ``user`` post in ``room`` now": a poster of the room (parent policy or
    member list), and — unless they moderate it — the room is not locked and no moderator muted
    them. ``muted_until`` may be given when the caller already read it (the page does, with the
    room); otherwise it is asked here."""
    access = access if access is not None else access_for(user, room)
    if not access.read:
        return Posting(False, "forbidden", _("You may not do this in this room."))
    if not access.post:
        return Posting(False, "read_only", _("You may read this room but not post in it."))
    if access.moderate:
        return ALLOWED
    if room.locked:
        return Posting(False, "locked", _("This room is locked: it is read-only for now."))
    until = active_mute_until(user, room) if muted_until is _UNKNOWN else muted_until
    if until is not None and until > timezone.now():
        shown = formats.date_format(timezone.localtime(until), "SHORT_DATETIME_FORMAT")
        return Posting(
            False,
            "muted",
            _("A moderator muted you in this room until %(until)s.") % {"until": shown},
            until,
        )
    return ALLOWED


# Reading across rooms ------------------------------------------------------------------------


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
    """The rooms ``user`` may read, by title — the list of what ``access_for`` answers room by
    room: standalone rooms listing them (every one for the secretariat), and parent rooms whose
    policy lets them read — asked once per kind of parent (``parents.readable_ids``), so the
    cost does not grow with the rooms. The secretariat too asks the policies: a draft
    exchange's room, say, is nobody's yet."""
    if not is_active_user(user):
        return []
    rooms = Room.objects.order_by("title")
    if secretariat := is_secretariat(user):
        standalone = Q(content_type__isnull=True)
    else:
        standalone = Q(pk__in=Room.members.through.objects.filter(user_id=user.pk)
                       .values("room_id"))
    candidates = list(rooms.filter(Q(content_type__isnull=False) | standalone))
    by_type: dict[int, list[int]] = {}
    for room in candidates:
        if room.content_type_id is not None:
            by_type.setdefault(room.content_type_id, []).append(room.object_id)
    allowed: set[tuple[int, int]] = set()
    for type_id, object_ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or model not in parents.registered_models():
            continue
        readable = parents.readable_ids(user, model, object_ids)
        allowed.update((type_id, pk) for pk in readable)
        unread = set(object_ids) - readable
        if secretariat and unread:  # a room whose parent is gone stays theirs to look at (_ask)
            existing = set(model._default_manager.filter(pk__in=unread)
                           .values_list("pk", flat=True))
            allowed.update((type_id, pk) for pk in unread - existing)
    return [
        room for room in candidates
        if room.content_type_id is None or (room.content_type_id, room.object_id) in allowed
    ]


def unseen_mentions_badge(request) -> int | None:
    user = request.user
    if not is_active_user(user):
        return None
    count = getattr(request, "_puente_unseen_mentions", None)  # known when the list showed them
    if count is None:
        count = Mention.objects.filter(user=user, seen_at__isnull=True).count()
    return count or None
