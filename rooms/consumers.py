"""The room WebSocket at /ws/rooms/<id>/: authenticate, parse, call a service, relay.

The protocol (frames, error codes, close codes) is documented in docs/rooms.md; the constants
below are its single source. Every refusal reaches the client as one ``error`` frame
(``Refusal.as_frame``); whether the person may post now is the posting rule's answer
(``rooms.permissions.posting``), sent in ``joined``, ``since`` and ``pong`` and, when a lock, a
mute or a change of rights may have changed it, in a ``posting`` frame.
"""

import asyncio
import json
import logging
import random
import time

from django.conf import settings
from django.utils.translation import gettext as _

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from cms.inputs import first_unsafe_text
from cms.refusals import Refusal

from . import presence, selectors, services
from .broadcast import collect_sends, group_name, user_group_name
from .permissions import NO_ACCESS, RoomError, fresh_access, posting
from .serializers import serialize_message, serialize_report, serialize_user

logger = logging.getLogger(__name__)

# Close codes (the connection ends).
CLOSE_UNAUTHENTICATED = 4401  # not logged in
CLOSE_FORBIDDEN = 4403  # not (or no longer) allowed to read this room
CLOSE_NOT_FOUND = 4404  # no such room

BROADCAST_TIMEOUT = 1.0  # seconds a broadcast may take before the watcher is left to catch up
TYPING_INTERVAL = 2.0  # seconds between two relayed "typing" frames of one connection


class BadFrame(Refusal):
    """A frame the protocol cannot read (a field of the wrong type)."""

    default_code = "bad_frame"


def _int_field(content: dict, name: str, *, required: bool = True) -> int | None:
    value = content.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BadFrame(_("“%(field)s” must be a whole number.") % {"field": name})
    return value


class RoomConsumer(AsyncJsonWebsocketConsumer):
    """One connection. Delivering a room event costs no database query and no thread hop: the
    frame is encoded once by the service that broadcast it and sent on as is. Access is asked
    again (from the database) on every frame the person sends, when ``rooms/signals.py`` says
    their rights may have changed (``room.recheck``), and every ``ROOMS_RECHECK_SECONDS`` in the
    background for changes made without signals."""

    watcher = None
    seen_id = 0  # the newest message id this connection has delivered (or the client had)

    async def dispatch(self, message):
        # Channels (4.2+) hops to the shared database thread to close stale connections before
        # EVERY handler, deliveries included: 200 listeners × 10 messages/s made 2 000 thread
        # hops a second, queued in front of the posts themselves. Every handler here that touches
        # the database does so through database_sync_to_async, which closes stale connections
        # itself, so the hop is skipped.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self):
        self.room_id = self.scope["url_route"]["kwargs"]["room_id"]
        self.group = group_name(self.room_id)
        self.access = NO_ACCESS
        self.last_typing = 0.0
        user = self.scope.get("user")
        if not getattr(user, "is_authenticated", False):
            await self.refuse(CLOSE_UNAUTHENTICATED)
            return
        self.user_id = user.pk
        self.user_group = user_group_name(user.pk)
        room, access = await database_sync_to_async(self._open)()
        if room is None:
            await self.refuse(CLOSE_NOT_FOUND)
            return
        if not access.read:
            await self.refuse(CLOSE_FORBIDDEN)
            return
        self.access = access
        self.checked_at = time.monotonic()
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.channel_layer.group_add(self.user_group, self.channel_name)
        await self.accept()
        self.watcher = asyncio.create_task(self._watch())
        # The others learn of the arrival; this connection learns who is here from its
        # "joined" or "pong" answer.
        await self._tell_presence(exclude=self.channel_name)

    async def refuse(self, code: int):
        """Accept, then close with the documented code: a close before ``accept()`` is an HTTP
        403 at the handshake, which browsers report as 1006 — room.js could not tell a refusal
        from an outage and would retry forever."""
        await self.accept()
        await self.close(code=code)

    def _open(self):
        """One thread hop for the connection: ask the policy, then record the presence and the
        latest message (the client's page or ``join`` shows it; newer ones come live or are
        caught up by the watcher)."""
        room, member, access = fresh_access(self.user_id, self.room_id)
        if access.read:
            presence.presence_join(room=room, user=member, channel_name=self.channel_name)
            self.seen_id = selectors.latest_message_id(room)
        return room, access

    async def disconnect(self, code):
        if self.watcher is not None:
            self.watcher.cancel()
        if self.access.read:
            await self.channel_layer.group_discard(self.group, self.channel_name)
            await self.channel_layer.group_discard(self.user_group, self.channel_name)
            await database_sync_to_async(presence.presence_leave)(channel_name=self.channel_name)
            await self._tell_presence()

    async def _tell_presence(self, exclude=None):
        """Someone came or went: the room's connections get the new list of who is online
        (one query, one encoding for the whole group)."""
        try:
            text = await database_sync_to_async(presence.presence_frame)(self.room_id)
            await self.channel_layer.group_send(
                self.group,
                {"type": "room.event", "text": text, "moderators_only": False,
                 "exclude": exclude},
            )
        except Exception:  # a broken channel layer must not end the connection
            logger.exception("Room presence broadcast failed; the next ping catches up")

    async def _watch(self):
        """The safety net for silent readers and for lost broadcasts: every
        ROOMS_RECHECK_SECONDS (spread over time so a full room does not ask all at once) re-ask
        the policy and send the messages this connection has not seen. It survives any error
        (Redis or the database down): it logs, waits and asks again."""
        interval = max(settings.ROOMS_RECHECK_SECONDS, 0.05)
        while True:
            await asyncio.sleep(interval * random.uniform(0.5, 1.0))  # noqa: S311
            try:
                if not await self._recheck(catch_up=True):
                    return
            except Exception:
                logger.warning("Room re-check failed; trying again", exc_info=True)

    async def _recheck(self, *, catch_up: bool = False) -> bool:
        """Ask again; close the connection (and answer False) when access is gone. With
        ``catch_up``, also send (as a ``since`` frame) the messages saved after the last one
        this connection saw: their broadcast failed (the channel layer was down)."""
        # Off the shared database thread (thread_sensitive=False): a full room's re-checks must
        # not queue in front of the frames people send.
        room, access, missed = await database_sync_to_async(
            self._fresh, thread_sensitive=False
        )(catch_up)
        before, self.access, self.checked_at = self.access, access, time.monotonic()
        if not access.read:
            await self.close(code=CLOSE_NOT_FOUND if room is None else CLOSE_FORBIDDEN)
            return False
        if missed is not None:
            await self.send_json(missed)
        elif access != before:
            await self.send_posting()
        return True

    def _fresh(self, catch_up: bool):
        """The policy's answer, and a ``since`` frame of the messages missed (or None)."""
        room, user, access = fresh_access(self.user_id, self.room_id)
        if not (catch_up and access.read):
            return room, access, None
        messages, has_more = selectors.room_history(
            room=room, user=user, after=self.seen_id, limit=selectors.SINCE_LIMIT
        )
        if not messages:
            return room, access, None
        self.seen_id = max(self.seen_id, messages[-1].pk)
        frame = {
            "type": "since",
            "messages": [serialize_message(m) for m in messages],
            "has_more": has_more,
            "posting": posting(user, room, access=access).as_dict(),
        }
        return room, access, frame

    # Incoming frames -------------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        # Parsed here rather than by the parent class so that no frame can raise.
        if text_data is None:
            await self.send_error("bad_frame", _("Frames must be JSON text."))
            return
        if len(text_data) > settings.ROOMS_MAX_FRAME_BYTES or (
            len(text_data.encode()) > settings.ROOMS_MAX_FRAME_BYTES
        ):
            await self.send_error("too_large", _("This frame is too large."))
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            await self.send_error("bad_json", _("This frame is not valid JSON."))
            return
        if not isinstance(content, dict):
            await self.send_error("bad_frame", _("A frame must be a JSON object."))
            return
        reason = first_unsafe_text(content)
        if reason:
            await self.send_error("bad_text", reason, content.get("ref") if isinstance(
                content.get("ref"), int) else None)
            return
        await self.receive_json(content)

    async def receive_json(self, content, **kwargs):
        ref = content.get("ref")
        if not (ref is None or isinstance(ref, str | int) and not isinstance(ref, bool)):
            ref = None
        kind = content.get("type")
        if not isinstance(kind, str):
            await self.send_error("bad_frame", _("A frame needs a “type”."), ref)
            return
        handler = self.HANDLERS.get(kind)
        if handler is None:
            await self.send_error("unknown_type", _("Unknown frame type."), ref)
            return
        # Every action asks the parent policy again: rights removed a second ago are gone.
        sends = []
        try:
            room, user, reply = await database_sync_to_async(self._act)(handler, content, sends)
        except Refusal as refusal:
            await self.send_refusal(refusal, ref)
            return
        finally:
            # The broadcasts of what the handler committed, in commit order.
            for send in sends:
                try:
                    # A layer that is down may retry for long: the ack must not wait for it.
                    await asyncio.wait_for(send(), timeout=BROADCAST_TIMEOUT)
                except Exception:  # a broken channel layer must not end the connection
                    logger.exception("Room broadcast failed; clients catch up with since")
        if not self.access.read:
            await self.send_error("forbidden", _("You no longer have access to this room."), ref)
            await self.close(code=CLOSE_NOT_FOUND if room is None else CLOSE_FORBIDDEN)
            return
        if kind == "typing":
            await self._relay_typing(user)
        if reply is not None:
            if ref is not None:
                reply["ref"] = ref
            await self.send_json(reply)

    def _act(self, handler, content, sends):
        """One thread hop per frame: ask the policy again, then run the handler. Its broadcasts
        (sent after each commit) are collected into ``sends`` for the event loop to make."""
        room, user, access = fresh_access(self.user_id, self.room_id)
        self.access, self.checked_at = access, time.monotonic()
        if not access.read:
            return room, user, None
        with collect_sends() as collected:
            try:
                return room, user, handler(self, room, user, content)
            finally:
                sends.extend(collected)

    async def send_refusal(self, refusal: Refusal, ref=None):
        """The one error frame: ``{"type": "error", "code", "message"}`` (and the ``ref``)."""
        frame = refusal.as_frame()
        if ref is not None:
            frame["ref"] = ref
        await self.send_json(frame)

    async def send_error(self, code: str, message, ref=None):
        await self.send_refusal(Refusal(message, code=code), ref)

    # Handlers run in a worker thread (database_sync_to_async); each returns the reply frame.

    def on_join(self, room, user, content):
        messages, has_more = selectors.room_history(room=room, user=user)
        frame = {
            "type": "joined",
            "room": {"id": room.pk, "title": room.title, "locked": room.locked},
            "you": {
                **serialize_user(user),
                "may_post": self.access.post,
                "moderator": self.access.moderate,
            },
            "messages": [serialize_message(m) for m in messages],
            "has_more": has_more,
            "online": presence.online_users(room),
            "posting": self._posting(room, user),
        }
        if self.access.moderate:
            frame["reports"] = [serialize_report(r) for r in selectors.open_reports(room)]
        return frame

    def _posting(self, room, user) -> dict:
        """The posting rule's answer for this person, as room.js displays it."""
        return posting(user, room, access=self.access).as_dict()

    def on_message(self, room, user, content):
        message = services.message_post(room=room, user=user, body=content.get("body"))
        return {"type": "ack", "id": message.pk}

    def on_edit(self, room, user, content):
        message = selectors.message_in(room, _int_field(content, "id"))
        services.message_edit(message=message, user=user, body=content.get("body"))
        return {"type": "ack", "id": message.pk}

    def on_delete(self, room, user, content):
        message = selectors.message_in(room, _int_field(content, "id"))
        services.message_delete(message=message, user=user)
        return {"type": "ack", "id": message.pk}

    def on_typing(self, room, user, content):
        return None

    def on_history(self, room, user, content):
        before = _int_field(content, "before")
        messages, has_more = selectors.room_history(room=room, user=user, before=before)
        return {
            "type": "history",
            "messages": [serialize_message(m) for m in messages],
            "has_more": has_more,
        }

    def on_since(self, room, user, content):
        after = _int_field(content, "id")
        messages, has_more = selectors.room_history(
            room=room, user=user, after=after, limit=selectors.SINCE_LIMIT
        )
        if messages:
            self.seen_id = max(self.seen_id, messages[-1].pk)
        # A reconnect: the posting rule may have changed while the socket was down.
        return {
            "type": "since",
            "messages": [serialize_message(m) for m in messages],
            "has_more": has_more,
            "posting": self._posting(room, user),
        }

    def on_hide(self, room, user, content):
        message = selectors.message_in(room, _int_field(content, "id"))
        hidden = content.get("hidden", True)
        if not isinstance(hidden, bool):
            raise BadFrame(_("“%(field)s” must be true or false.") % {"field": "hidden"})
        services.message_hide(message=message, by=user, hidden=hidden)
        return {"type": "ack", "id": message.pk}

    def on_mute(self, room, user, content):
        from django.contrib.auth import get_user_model

        target = get_user_model().objects.filter(pk=_int_field(content, "user")).first()
        minutes = _int_field(content, "minutes")
        if target is None:
            raise RoomError(_("This person is not a member of the room."), code="not_found")
        services.user_mute(room=room, user=target, by=user, minutes=minutes)
        return {"type": "ack", "user": target.pk}

    def on_lock(self, room, user, content):
        locked = content.get("locked")
        if not isinstance(locked, bool):
            raise BadFrame(_("“%(field)s” must be true or false.") % {"field": "locked"})
        services.room_lock(room=room, by=user, locked=locked)
        return {"type": "ack", "locked": locked}

    def on_report(self, room, user, content):
        reason = content.get("reason", "")
        if not isinstance(reason, str):
            raise BadFrame(_("“%(field)s” must be text.") % {"field": "reason"})
        message = selectors.message_in(room, _int_field(content, "id"))
        report = services.message_report(message=message, user=user, reason=reason)
        return {"type": "ack", "id": message.pk, "report": report.pk}

    def on_ping(self, room, user, content):
        presence.presence_touch(channel_name=self.channel_name)
        # A mute that ran out sends no event: the periodic ping brings the rule's new answer.
        return {
            "type": "pong",
            "online": presence.online_users(room),
            "posting": self._posting(room, user),
        }

    HANDLERS = {
        "join": on_join,
        "message": on_message,
        "edit": on_edit,
        "delete": on_delete,
        "typing": on_typing,
        "history": on_history,
        "since": on_since,
        "hide": on_hide,
        "mute": on_mute,
        "lock": on_lock,
        "report": on_report,
        "ping": on_ping,
    }

    async def _relay_typing(self, user):
        now = time.monotonic()
        if now - self.last_typing < TYPING_INTERVAL:
            return
        self.last_typing = now
        await self.channel_layer.group_send(
            self.group,
            {
                "type": "room.event",
                "text": json.dumps({"type": "typing", "user": serialize_user(user)}),
                "moderators_only": False,
                "exclude": self.channel_name,
            },
        )

    # Events from the channel layer ---------------------------------------------------------

    async def room_event(self, event):
        if event.get("exclude") == self.channel_name:
            return
        if event.get("moderators_only") and not self.access.moderate:
            return
        await self.send(text_data=event["text"])
        if event.get("message_id", 0) > self.seen_id:
            self.seen_id = event["message_id"]
        concerned = event.get("posting_for")
        if concerned == "all" or (concerned is not None and concerned == self.user_id):
            await self.send_posting()

    async def send_posting(self):
        """Ask the posting rule again (a lock, a mute or a change of rights) and tell the
        client, whose form follows the answer."""
        answer = await database_sync_to_async(self._fresh_posting)()
        if answer is not None:
            await self.send_json({"type": "posting", "posting": answer})

    def _fresh_posting(self):
        room, user, access = fresh_access(self.user_id, self.room_id)
        self.access = access
        if not access.read:
            return None
        return posting(user, room, access=access).as_dict()

    async def room_recheck(self, event):
        await self._recheck()
