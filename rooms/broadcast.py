"""The channel-layer plumbing of the rooms: group names, and telling open connections about a
change once it is committed.

The channel layer is a notifier, never a store: every write is saved first, and only after the
commit is the room's group told (:func:`broadcast`). A client that missed a notification asks
``since`` and the database fills the gap.
"""

import asyncio
import json
import threading
from contextlib import contextmanager

from django.db import transaction

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


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


def broadcast(
    room_id: int, frame: dict, *, moderators_only: bool = False, posting_for=None
) -> None:
    """Tell the room's connections about ``frame`` once the transaction has committed.

    ``posting_for``: the change may alter whether people may post now (a lock: ``"all"``; a
    mute: that person's id); their connections then send them the posting rule's new answer."""
    # Encoded once here rather than once per connection in the consumers.
    event = {"type": "room.event", "text": json.dumps(frame), "moderators_only": moderators_only}
    if posting_for is not None:
        event["posting_for"] = posting_for
    if frame.get("type") == "message":
        # Connections note the newest id delivered; the watcher sends what a failed send lost.
        event["message_id"] = frame["message"]["id"]

    async def send():
        await get_channel_layer().group_send(group_name(room_id), event)

    # robust: a broken channel layer must not undo or hide a message already saved.
    transaction.on_commit(lambda: _run_soon(send), robust=True)


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
