"""Issue 16, point 11: rooms after a channel-layer (Redis) failure. The watcher survives errors
and keeps re-checking access; a message saved and acknowledged whose broadcast failed still
reaches every connected client (the watcher fills the gap, as ``since`` would)."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer

from rooms import consumers
from rooms.models import Message
from tests.rooms.test_consumers import TIMEOUT, open_socket, receive_type, request

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_message_whose_broadcast_failed_reaches_connected_clients(
    people, settings, monkeypatch
):
    settings.ROOMS_RECHECK_SECONDS = 0.3
    listener, _c, _code = await open_socket(people["colleague"], people["room"].pk)
    await request(listener, {"type": "join"}, "joined")
    sender, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(sender, {"type": "join"}, "joined")
    layer = get_channel_layer()
    real_send = layer.group_send

    async def redis_down(group, message):
        if message.get("type") == "room.event":
            raise ConnectionError("Redis is down")
        await real_send(group, message)

    monkeypatch.setattr(layer, "group_send", redis_down)
    ack = await request(sender, {"type": "message", "body": "Saved while Redis was down"}, "ack")
    caught_up = await receive_type(listener, "since", timeout=TIMEOUT)
    assert [m["id"] for m in caught_up["messages"]] == [ack["id"]]
    assert caught_up["posting"]
    await listener.disconnect()
    await sender.disconnect()


async def test_the_watcher_survives_errors_and_still_closes_a_revoked_socket(
    people, settings, monkeypatch
):
    settings.ROOMS_RECHECK_SECONDS = 0.2
    listener, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(listener, {"type": "join"}, "joined")
    real = consumers.fresh_access
    failures = []

    def flaky(user_id, room_id):
        if len(failures) < 2:
            failures.append(1)
            raise ConnectionError("Redis is down")
        return real(user_id, room_id)

    monkeypatch.setattr(consumers, "fresh_access", flaky)
    await asyncio.sleep(0.6)
    assert failures, "the watcher never ran"
    await sync_to_async(lambda: people["staff"].__class__.objects.filter(
        pk=people["staff"].pk).update(is_active=False))()
    output = await listener.receive_output(timeout=TIMEOUT)
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_FORBIDDEN}
    assert await sync_to_async(Message.objects.count)() == 0
