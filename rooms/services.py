"""Everything that changes a room: post, edit, delete, hide, mute, lock, report, purge, promote.

Each write is saved in a transaction first; only after the commit is the room's channel-layer
group told about it (``_broadcast``). The channel layer is a notifier, never a store: a client
that missed a notification asks ``room_history(after=…)`` and the database fills the gap.
"""

import asyncio
import json
import re
import threading
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from . import parents
from .models import STANDALONE, Mention, Message, MessageReport, Mute, Presence, Room
from .permissions import Access, access_for

MAX_BODY = 4000
PAGE_SIZE = 50
SINCE_LIMIT = 200
MAX_MUTE_MINUTES = 7 * 24 * 60
MAX_MENTIONS = 5
MENTION_RE = re.compile(r"(?<![\w@])@([\w][\w.\-]{1,59})")


class RoomError(Exception):
    """A refused action. ``code`` is the documented error code sent in the WebSocket error
    frame; the message is shown to the person."""

    def __init__(self, code: str, message):
        super().__init__(str(message))
        self.code = code
        self.message = message


def group_name(room_id: int) -> str:
    return f"room_{room_id}"


def user_group_name(user_id: int) -> str:
    """Every room connection of one person, whatever the room: told when their rights change."""
    return f"rooms_user_{user_id}"


RECHECK_EVENT = {"type": "room.recheck"}


def access_changed(*, user_ids=(), room_ids=()) -> None:
    """Someone's rights may have changed: after the commit, the open connections of these people
    (in any room) and of these rooms ask the parent policy again and close if access is gone.

    Called by the signal handlers in ``rooms/signals.py``; the delivery of messages never asks
    the database, so this is how a silent reader loses access at once."""
    groups = [user_group_name(pk) for pk in set(user_ids) if pk is not None]
    groups += [group_name(pk) for pk in set(room_ids) if pk is not None]
    if not groups:
        return

    async def send_all():
        layer = get_channel_layer()
        for group in groups:
            await layer.group_send(group, RECHECK_EVENT)

    transaction.on_commit(lambda: _run_soon(send_all), robust=True)


_collector = threading.local()


@contextmanager
def collect_sends():
    """Within this block (in the consumer's database thread), channel-layer sends are not made
    but handed back: the consumer awaits them on its own event loop once the thread returns,
    instead of the thread waiting for the loop (one loop round trip less per post)."""
    sends: list = []
    _collector.sends = sends
    try:
        yield sends
    finally:
        _collector.sends = None


def _run_soon(coroutine_function) -> None:
    """Run a channel-layer coroutine from sync code: handed to the consumer when it collects
    them; waited for in a worker thread; scheduled on the loop when this thread runs one (a save
    made from async code, a browser test)."""
    sends = getattr(_collector, "sends", None)
    if sends is not None:
        sends.append(coroutine_function)
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        async_to_sync(coroutine_function)()
    else:
        task = loop.create_task(coroutine_function())
        _pending.add(task)
        task.add_done_callback(_pending.discard)


_pending: set = set()  # keeps scheduled sends alive until they finish


def display_name(user) -> str:
    # Never the email address: other members see the name only.
    return user.get_full_name() or str(_("Member #%(id)s") % {"id": user.pk})


def serialize_user(user) -> dict:
    return {"id": user.pk, "name": display_name(user)}


def serialize_message(message: Message) -> dict:
    if message.hidden_at:
        state = "hidden"
    elif message.deleted_at:
        state = "deleted"
    else:
        state = "visible"
    return {
        "id": message.pk,
        "author": serialize_user(message.author),
        "body": message.body if state == "visible" else "",
        "state": state,
        "created_at": message.created_at.isoformat(),
        "edited_at": message.edited_at.isoformat() if message.edited_at else None,
    }


def serialize_report(report: MessageReport) -> dict:
    return {
        "id": report.pk,
        "message": serialize_message(report.message),
        "reporter": serialize_user(report.reporter),
        "reason": report.reason,
        "created_at": report.created_at.isoformat(),
    }


def _broadcast(room_id: int, frame: dict, *, moderators_only: bool = False) -> None:
    """Tell the room's connections about ``frame`` once the transaction has committed."""
    # Encoded once here rather than once per connection in the consumers.
    event = {"type": "room.event", "text": json.dumps(frame), "moderators_only": moderators_only}

    async def send():
        await get_channel_layer().group_send(group_name(room_id), event)

    # robust: a broken channel layer must not undo or hide a message already saved.
    transaction.on_commit(lambda: _run_soon(send), robust=True)


def _require(access: Access, what: str) -> None:
    if not getattr(access, what):
        raise RoomError("forbidden", _("You may not do this in this room."))


def _clean_body(body) -> str:
    if not isinstance(body, str):
        raise RoomError("invalid_body", _("A message must be text."))
    body = body.strip()
    if not body:
        raise RoomError("invalid_body", _("Write something before sending."))
    if len(body) > MAX_BODY:
        raise RoomError(
            "invalid_body",
            _("A message may have at most %(max)s characters.") % {"max": MAX_BODY},
        )
    return body


def rate_limit() -> tuple[int, int]:
    count, _sep, seconds = settings.ROOMS_RATE_LIMIT.partition("/")
    return int(count), int(seconds)


def _take_rate_slot(room: Room, user) -> bool:
    """Take one of the person's N slots for S seconds in this room; False when all are taken.

    Each slot is a cache key added atomically (SET NX on Redis), so the limit holds across
    processes and is a true sliding window: a slot frees exactly S seconds after its message.
    """
    count, seconds = rate_limit()
    keys = [f"rooms:rate:{room.pk}:{user.pk}:{slot}" for slot in range(count)]
    taken = cache.get_many(keys)  # one round trip to skip the slots already in use
    return any(cache.add(key, 1, timeout=seconds) for key in keys if key not in taken)


def is_muted(room: Room, user) -> Mute | None:
    return Mute.objects.filter(room=room, user=user, until__gt=timezone.now()).first()


def room_for_parent(*, parent) -> Room:
    """The room of a registered parent, created (titled after the parent) on first use."""
    parent = getattr(parent, "specific", parent)
    kind = parents.kind_of(parent)
    content_type = ContentType.objects.get_for_model(parent)
    language = getattr(getattr(parent, "locale", None), "language_code", settings.LANGUAGE_CODE)
    room, _created = Room.objects.get_or_create(
        content_type=content_type,
        object_id=parent.pk,
        defaults={"title": str(parent)[:200], "kind": kind, "language": language},
    )
    return room


@transaction.atomic
def room_create(*, title: str, by, members=(), language: str = settings.LANGUAGE_CODE) -> Room:
    """A standalone room (no parent); only the secretariat creates them."""
    from cms.permissions import is_secretariat

    if not is_secretariat(by):
        raise RoomError("forbidden", _("Only the secretariat creates rooms without a parent."))
    room = Room.objects.create(title=title, kind=STANDALONE, language=language, created_by=by)
    room.members.set(members)
    return room


def message_post(*, room: Room, user, body) -> Message:
    """Save a message (the person may post, the room is open, they are not muted, the text is
    1–4 000 characters, they are under the rate limit), then notify the room and anyone
    mentioned."""
    access = access_for(user, room)
    _require(access, "post")
    if room.locked and not access.moderate:
        raise RoomError("locked", _("This room is locked: it is read-only for now."))
    mute = is_muted(room, user)
    if mute:
        raise RoomError(
            "muted",
            _("A moderator muted you in this room until %(until)s.")
            % {"until": timezone.localtime(mute.until).strftime("%Y-%m-%d %H:%M")},
        )
    body = _clean_body(body)
    if not _take_rate_slot(room, user):
        count, seconds = rate_limit()
        raise RoomError(
            "rate_limited",
            _("Slow down: at most %(count)s messages every %(seconds)s seconds.")
            % {"count": count, "seconds": seconds},
        )
    with transaction.atomic():
        message = Message.objects.create(room=room, author=user, body=body)
        _mention(message)
        _broadcast(room.pk, {"type": "message", "message": serialize_message(message)})
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
        from .tasks import send_mention_emails

        message_id = message.pk
        user_ids = [person.pk for person in named]
        transaction.on_commit(
            lambda: send_mention_emails.enqueue(message_id=message_id, user_ids=user_ids),
            robust=True,
        )


def _own_recent(message: Message, user, too_late: str) -> None:
    if message.author_id != user.pk:
        raise RoomError("forbidden", _("Only the author may change this message."))
    if not message.is_visible:
        raise RoomError("not_found", _("This message is no longer there."))
    window = timedelta(minutes=settings.ROOMS_EDIT_MINUTES)
    if timezone.now() - message.created_at > window:
        raise RoomError("too_late", too_late % {"minutes": settings.ROOMS_EDIT_MINUTES})


def message_edit(*, message: Message, user, body) -> Message:
    """The author corrects their message within ``ROOMS_EDIT_MINUTES``."""
    access = access_for(user, message.room)
    _require(access, "post")
    if message.room.locked and not access.moderate:
        raise RoomError("locked", _("This room is locked: it is read-only for now."))
    _own_recent(
        message, user, _("Messages can be edited only within %(minutes)s minutes of posting.")
    )
    message.body = _clean_body(body)
    message.edited_at = timezone.now()
    with transaction.atomic():
        message.save(update_fields=["body", "edited_at"])
        _broadcast(message.room_id, {"type": "update", "message": serialize_message(message)})
    return message


def message_delete(*, message: Message, user) -> Message:
    """The author withdraws their message within ``ROOMS_EDIT_MINUTES``."""
    _require(access_for(user, message.room), "read")
    _own_recent(
        message, user, _("Messages can be deleted only within %(minutes)s minutes of posting.")
    )
    message.deleted_at = timezone.now()
    with transaction.atomic():
        message.save(update_fields=["deleted_at"])
        _broadcast(message.room_id, {"type": "update", "message": serialize_message(message)})
    return message


@transaction.atomic
def message_hide(*, message: Message, by, hidden: bool = True) -> Message:
    """A moderator hides a message (or shows it again); open reports on it are closed."""
    _require(access_for(by, message.room), "moderate")
    message.hidden_at = timezone.now() if hidden else None
    message.hidden_by = by if hidden else None
    message.save(update_fields=["hidden_at", "hidden_by"])
    if hidden:
        message.reports.filter(status=MessageReport.Status.OPEN).update(
            status=MessageReport.Status.HIDDEN, resolved_at=timezone.now(), resolved_by=by
        )
    _broadcast(message.room_id, {"type": "update", "message": serialize_message(message)})
    return message


@transaction.atomic
def report_dismiss(*, report: MessageReport, by) -> MessageReport:
    """A moderator closes a report without hiding the message."""
    _require(access_for(by, report.message.room), "moderate")
    if report.status != MessageReport.Status.OPEN:
        raise RoomError("not_found", _("This report has already been dealt with."))
    report.status = MessageReport.Status.DISMISSED
    report.resolved_at = timezone.now()
    report.resolved_by = by
    report.save(update_fields=["status", "resolved_at", "resolved_by"])
    return report


@transaction.atomic
def user_mute(*, room: Room, user, by, minutes: int) -> Mute | None:
    """A moderator stops ``user`` posting in ``room`` for ``minutes`` (0 lifts the mute)."""
    _require(access_for(by, room), "moderate")
    if not isinstance(minutes, int) or isinstance(minutes, bool):
        raise RoomError("bad_frame", _("The duration must be a whole number of minutes."))
    if not 0 <= minutes <= MAX_MUTE_MINUTES:
        raise RoomError(
            "invalid_duration",
            _("A mute lasts from 1 to %(max)s minutes (0 lifts it).") % {"max": MAX_MUTE_MINUTES},
        )
    target = access_for(user, room)
    if not target.read:
        raise RoomError("not_found", _("This person is not a member of the room."))
    if target.moderate:
        raise RoomError("forbidden", _("Moderators cannot be muted."))
    if minutes == 0:
        Mute.objects.filter(room=room, user=user).delete()
        mute, until = None, None
    else:
        until = timezone.now() + timedelta(minutes=minutes)
        mute, _created = Mute.objects.update_or_create(
            room=room, user=user, defaults={"until": until, "by": by}
        )
    _broadcast(
        room.pk,
        {
            "type": "muted",
            "user": serialize_user(user),
            "until": until.isoformat() if until else None,
        },
    )
    return mute


@transaction.atomic
def room_lock(*, room: Room, by, locked: bool) -> Room:
    """A moderator makes the room read-only for its members, or opens it again."""
    _require(access_for(by, room), "moderate")
    room.locked = bool(locked)
    room.save(update_fields=["locked"])
    _broadcast(room.pk, {"type": "locked", "locked": room.locked})
    return room


def message_report(*, message: Message, user, reason: str = "") -> MessageReport:
    """Any member reports a message; it enters the moderators' queue."""
    _require(access_for(user, message.room), "read")
    if not isinstance(reason, str) or len(reason) > 500:
        raise RoomError("invalid_reason", _("The reason may have at most 500 characters."))
    if message.author_id == user.pk:
        raise RoomError("forbidden", _("You cannot report your own message."))
    if not message.is_visible:
        raise RoomError("not_found", _("This message is no longer there."))
    try:
        with transaction.atomic():
            report = MessageReport.objects.create(
                message=message, reporter=user, reason=reason.strip()
            )
            _broadcast(
                message.room_id,
                {"type": "report", "report": serialize_report(report)},
                moderators_only=True,
            )
    except IntegrityError:
        raise RoomError(
            "already_reported", _("You have already reported this message.")
        ) from None
    return report


def open_reports(room: Room):
    return (
        MessageReport.objects.filter(message__room=room, status=MessageReport.Status.OPEN)
        .select_related("message__author", "reporter")
        .order_by("created_at")
    )


def room_history(
    *, room: Room, user, before: int | None = None, after: int | None = None,
    limit: int = PAGE_SIZE,
) -> tuple[list[Message], bool]:
    """A page of messages, oldest first, and whether there are more.

    ``before``: the page just older than that id (scrolling back); ``after``: every message newer
    than that id, oldest first (catching up after a reconnect); neither: the latest page.
    """
    _require(access_for(user, room), "read")
    messages = Message.objects.filter(room=room).select_related("author")
    if after is not None:
        page = list(messages.filter(id__gt=after).order_by("id")[: limit + 1])
        return page[:limit], len(page) > limit
    if before is not None:
        messages = messages.filter(id__lt=before)
    page = list(messages.order_by("-id")[: limit + 1])
    return list(reversed(page[:limit])), len(page) > limit


def presence_join(*, room: Room, user, channel_name: str) -> None:
    Presence.objects.update_or_create(
        channel_name=channel_name,
        defaults={"room": room, "user": user, "seen_at": timezone.now()},
    )


def presence_touch(*, channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).update(seen_at=timezone.now())


def presence_leave(*, channel_name: str) -> None:
    Presence.objects.filter(channel_name=channel_name).delete()


def online_users(room: Room) -> list[dict]:
    since = timezone.now() - timedelta(seconds=settings.ROOMS_PRESENCE_SECONDS)
    people = (
        get_user_model().objects.filter(
            pk__in=Presence.objects.filter(room=room, seen_at__gte=since).values("user")
        ).order_by("first_name", "last_name", "pk")
    )
    return [serialize_user(person) for person in people]


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
    """A moderator turns the room's visible thread into a draft StandardPage (under the home
    page of the room's language) for an editor to polish and publish."""
    from wagtail.models import Locale

    from cms.pages.models import HomePage, StandardPage

    _require(access_for(by, room), "moderate")
    title = (title or "").strip()
    if not title or len(title) > 255:
        raise RoomError("invalid_title", _("Give the page a title of at most 255 characters."))
    home = (
        HomePage.objects.filter(locale__language_code=room.language, depth=2).first()
        or HomePage.objects.filter(
            locale=Locale.get_default(), depth=2
        ).first()
    )
    if home is None:
        raise RoomError("not_found", _("There is no home page to put the draft under."))
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
    page = StandardPage(title=title, intro=intro, body=body, live=False, owner=by)
    home.add_child(instance=page)
    page.save_revision(user=by, log_action=True)
    return page
