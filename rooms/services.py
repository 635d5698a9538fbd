"""Everything that changes a room: post, edit, delete, hide, mute, lock, report, purge, promote.

Each write is saved in a transaction first; only after the commit is the room's channel-layer
group told about it (``rooms/broadcast.py``). Refusals are :class:`RoomError`
(a :class:`cms.refusals.Refusal`); whether a person may post now is the posting rule's answer
(``rooms.permissions.posting``).
"""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cms.notify import notify
from cms.permissions import is_secretariat

from . import parents
from .broadcast import broadcast
from .models import STANDALONE, Mention, Message, MessageReport, Mute, Room
from .permissions import RoomError, access_for, posting, require
from .ratelimit import rate_limit, take_rate_slot
from .serializers import display_name, serialize_message, serialize_report, serialize_user

__all__ = ["RoomError"]

MAX_BODY = 4000
MAX_MUTE_MINUTES = 7 * 24 * 60
MAX_MENTIONS = 5
MENTION_RE = re.compile(r"(?<![\w@])@([\w][\w.\-]{1,59})")


def _clean_body(body) -> str:
    if not isinstance(body, str):
        raise RoomError(_("A message must be text."), code="invalid_body")
    body = body.strip()
    if not body:
        raise RoomError(_("Write something before sending."), code="invalid_body")
    if len(body) > MAX_BODY:
        raise RoomError(
            _("A message may have at most %(max)s characters.") % {"max": MAX_BODY},
            code="invalid_body",
        )
    return body


def _may_post_now(room: Room, user) -> None:
    answer = posting(user, room)
    if not answer.allowed:
        raise answer.refusal()


def room_for_parent(*, parent) -> Room:
    """The room of a registered parent, created on first use in the parent's language
    (``parents.language_of``) and titled after the parent in that language (a network's name)."""
    parent = getattr(parent, "specific", parent)
    kind = parents.kind_of(parent)
    content_type = ContentType.objects.get_for_model(parent)
    room = Room.objects.filter(content_type=content_type, object_id=parent.pk).first()
    if room is not None:
        return room
    language = parents.language_of(parent)
    with translation.override(language):
        title = str(parent)[:200]
    room, _created = Room.objects.get_or_create(
        content_type=content_type,
        object_id=parent.pk,
        defaults={"title": title, "kind": kind, "language": language},
    )
    return room


@transaction.atomic
def room_create(*, title: str, by, members=(), language: str = settings.LANGUAGE_CODE) -> Room:
    """A standalone room (no parent); only the secretariat creates them."""
    if not is_secretariat(by):
        raise RoomError(_("Only the secretariat creates rooms without a parent."))
    room = Room.objects.create(title=title, kind=STANDALONE, language=language, created_by=by)
    room.members.set(members)
    return room


def message_post(*, room: Room, user, body) -> Message:
    """Save a message (the posting rule allows it, the text is 1–4 000 characters, the person is
    under the rate limit), then notify the room and anyone mentioned."""
    _may_post_now(room, user)
    body = _clean_body(body)
    if not take_rate_slot(room.pk, user.pk):
        count, seconds = rate_limit()
        raise RoomError(
            _("Slow down: at most %(count)s messages every %(seconds)s seconds.")
            % {"count": count, "seconds": seconds},
            code="rate_limited",
        )
    with transaction.atomic():
        message = Message.objects.create(room=room, author=user, body=body)
        _mention(message)
        broadcast(room.pk, {"type": "message", "message": serialize_message(message)})
    return message


def _mention(message: Message) -> None:
    handles = []
    for handle in MENTION_RE.findall(message.body):
        handle = handle.rstrip(".-").lower()
        if handle and handle not in handles:
            handles.append(handle)
    if not handles:
        return
    query = Q()
    for handle in handles[:MAX_MENTIONS]:
        query |= Q(email__istartswith=f"{handle}@") | Q(first_name__iexact=handle)
    people = get_user_model().objects.filter(query, is_active=True).exclude(pk=message.author_id)
    named = [person for person in people[:20] if access_for(person, message.room).read]
    mentions = Mention.objects.bulk_create(
        [Mention(message=message, user=person) for person in named], ignore_conflicts=True
    )
    if mentions:
        notify(
            named,
            "rooms/mention",
            {
                "author": display_name(message.author),
                "room": message.room.title,
                "room_id": message.room_id,
                "text": message.body,
            },
        )


def _own_recent(message: Message, user, too_late) -> None:
    if message.author_id != user.pk:
        raise RoomError(_("Only the author may change this message."))
    if not message.is_visible:
        raise RoomError(_("This message is no longer there."), code="not_found")
    window = timedelta(minutes=settings.ROOMS_EDIT_MINUTES)
    if timezone.now() - message.created_at > window:
        raise RoomError(too_late % {"minutes": settings.ROOMS_EDIT_MINUTES}, code="too_late")


def message_edit(*, message: Message, user, body) -> Message:
    """The author corrects their message within ``ROOMS_EDIT_MINUTES``, if the posting rule
    lets them post now."""
    _may_post_now(message.room, user)
    _own_recent(
        message, user, _("Messages can be edited only within %(minutes)s minutes of posting.")
    )
    message.body = _clean_body(body)
    message.edited_at = timezone.now()
    with transaction.atomic():
        message.save(update_fields=["body", "edited_at"])
        broadcast(message.room_id, {"type": "update", "message": serialize_message(message)})
    return message


def message_delete(*, message: Message, user) -> Message:
    """The author withdraws their message within ``ROOMS_EDIT_MINUTES``."""
    require(access_for(user, message.room), "read")
    _own_recent(
        message, user, _("Messages can be deleted only within %(minutes)s minutes of posting.")
    )
    message.deleted_at = timezone.now()
    with transaction.atomic():
        message.save(update_fields=["deleted_at"])
        broadcast(message.room_id, {"type": "update", "message": serialize_message(message)})
    return message


@transaction.atomic
def message_hide(*, message: Message, by, hidden: bool = True) -> Message:
    """A moderator hides a message (or shows it again); open reports on it are closed."""
    require(access_for(by, message.room), "moderate")
    message.hidden_at = timezone.now() if hidden else None
    message.hidden_by = by if hidden else None
    message.save(update_fields=["hidden_at", "hidden_by"])
    if hidden:
        message.reports.filter(status=MessageReport.Status.OPEN).update(
            status=MessageReport.Status.HIDDEN, resolved_at=timezone.now(), resolved_by=by
        )
    broadcast(message.room_id, {"type": "update", "message": serialize_message(message)})
    return message


@transaction.atomic
def report_dismiss(*, report: MessageReport, by) -> MessageReport:
    """A moderator closes a report without hiding the message."""
    require(access_for(by, report.message.room), "moderate")
    if report.status != MessageReport.Status.OPEN:
        raise RoomError(_("This report has already been dealt with."), code="not_found")
    report.status = MessageReport.Status.DISMISSED
    report.resolved_at = timezone.now()
    report.resolved_by = by
    report.save(update_fields=["status", "resolved_at", "resolved_by"])
    return report


@transaction.atomic
def user_mute(*, room: Room, user, by, minutes: int) -> Mute | None:
    """A moderator stops ``user`` posting in ``room`` for ``minutes`` (0 lifts the mute)."""
    require(access_for(by, room), "moderate")
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise RoomError(_("The duration must be a whole number of minutes."), code="bad_frame")
    if not 0 <= minutes <= MAX_MUTE_MINUTES:
        raise RoomError(
            _("A mute lasts from 1 to %(max)s minutes (0 lifts it).") % {"max": MAX_MUTE_MINUTES},
            code="invalid_duration",
        )
    target = access_for(user, room)
    if not target.read:
        raise RoomError(_("This person is not a member of the room."), code="not_found")
    if target.moderate:
        raise RoomError(_("Moderators cannot be muted."))
    if minutes == 0:
        Mute.objects.filter(room=room, user=user).delete()
        mute, until = None, None
    else:
        until = timezone.now() + timedelta(minutes=minutes)
        mute, _created = Mute.objects.update_or_create(
            room=room, user=user, defaults={"until": until, "by": by}
        )
    broadcast(
        room.pk,
        {
            "type": "muted",
            "user": serialize_user(user),
            "until": until.isoformat() if until else None,
        },
        posting_for=user.pk,
    )
    return mute


@transaction.atomic
def room_lock(*, room: Room, by, locked: bool) -> Room:
    """A moderator makes the room read-only for its members, or opens it again."""
    require(access_for(by, room), "moderate")
    room.locked = bool(locked)
    room.save(update_fields=["locked"])
    broadcast(room.pk, {"type": "locked", "locked": room.locked}, posting_for="all")
    return room


def message_report(*, message: Message, user, reason: str = "") -> MessageReport:
    """Any member reports a message; it enters the moderators' queue."""
    require(access_for(user, message.room), "read")
    if not isinstance(reason, str) or len(reason) > 500:
        raise RoomError(_("The reason may have at most 500 characters."), code="invalid_reason")
    if message.author_id == user.pk:
        raise RoomError(_("You cannot report your own message."))
    if not message.is_visible:
        raise RoomError(_("This message is no longer there."), code="not_found")
    try:
        with transaction.atomic():
            report = MessageReport.objects.create(
                message=message, reporter=user, reason=reason.strip()
            )
            broadcast(
                message.room_id,
                {"type": "report", "report": serialize_report(report)},
                moderators_only=True,
            )
    except IntegrityError:
        raise RoomError(
            _("You have already reported this message."), code="already_reported"
        ) from None
    return report


def purge(*, now=None, dry_run: bool = False) -> dict[str, int]:
    """Delete messages older than their room kind's retention period; returns counts per kind."""
    now = now or timezone.now()
    retention = settings.ROOMS_RETENTION_DAYS
    kinds = set(Room.objects.values_list("kind", flat=True).distinct())
    counts = {}
    for kind in sorted(kinds):
        days = retention.get(kind, retention.get("default"))
        if days is None:
            continue
        old = Message.objects.filter(room__kind=kind, created_at__lt=now - timedelta(days=days))
        counts[kind] = old.count() if dry_run else old.delete()[1].get("rooms.Message", 0)
    return counts


@transaction.atomic
def thread_promote(*, room: Room, by, title: str):
    """A moderator turns the room's visible thread into a draft standard page (in the room's
    language) for an editor to polish and publish."""
    from cms.pages.services import standard_page_create

    require(access_for(by, room), "moderate")
    title = (title or "").strip()
    if not title or len(title) > 255:
        raise RoomError(
            _("Give the page a title of at most 255 characters."), code="invalid_title"
        )
    messages = (
        Message.objects.filter(room=room, deleted_at__isnull=True, hidden_at__isnull=True)
        .select_related("author")
        .order_by("id")
    )
    with translation.override(room.language):
        intro = str(_("Drafted from the discussion in the room “%(room)s”.") % {"room": room})
    body = [
        ("quote", {"text": message.body, "attribution": display_name(message.author)})
        for message in messages
    ]
    return standard_page_create(
        language=room.language, title=title, intro=intro, body=body, owner=by
    )
