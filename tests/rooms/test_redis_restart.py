"""Issue 16, point 11, the chaos test: a Redis of the test's own is killed and restarted while
people post; every connected client still gets every message that was acknowledged."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from channels.layers import channel_layers

from tests.cms.test_outages import REDIS_SERVER, _free_port, _start_redis
from tests.rooms.test_consumers import TIMEOUT, open_socket, receive_type, request

pytestmark = pytest.mark.django_db(transaction=True)
ACK_TIMEOUT = 20  # a post while Redis is down waits for the layer's bounded attempt


@pytest.fixture
def own_layer(settings):
    if REDIS_SERVER is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    settings.CACHES = {"default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": url}}
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [url]},
        }
    }
    settings.ROOMS_RATE_LIMIT = "1000/10"
    settings.ROOMS_RECHECK_SECONDS = 0.5
    channel_layers.backends.clear()
    state = {"process": _start_redis(port), "port": port}
    yield state
    state["process"].kill()
    state["process"].wait()
    channel_layers.backends.clear()


async def _collect(communicator, expected: set[int], seen: set[int], timeout: float):
    """Read frames until every expected message id was delivered (live or caught up)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not expected <= seen and loop.time() < deadline:
        try:
            frame = await communicator.receive_json_from(timeout=deadline - loop.time())
        except TimeoutError:
            break
        if frame["type"] == "message":
            seen.add(frame["message"]["id"])
        elif frame["type"] in ("since", "joined", "history"):
            seen.update(m["id"] for m in frame["messages"])
    return seen


async def test_no_acknowledged_message_is_missed_across_a_redis_restart(people, own_layer):
    listeners = []
    for who in ("colleague", "focal", "secretariat"):
        communicator, connected, _code = await open_socket(people[who], people["room"].pk)
        assert connected
        await request(communicator, {"type": "join"}, "joined")
        listeners.append(communicator)
    sender, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(sender, {"type": "join"}, "joined")

    acked = set()

    async def post(n):
        for i in range(n):
            await sender.send_json_to({"type": "message", "body": f"m{len(acked)}-{i}"})
            ack = await receive_type(sender, "ack", timeout=ACK_TIMEOUT)
            acked.add(ack["id"])

    await post(3)
    own_layer["process"].kill()
    await sync_to_async(own_layer["process"].wait)()
    await post(3)  # saved and acknowledged while Redis is down
    own_layer["process"] = await sync_to_async(_start_redis)(own_layer["port"])
    await asyncio.sleep(1.0)
    await post(3)

    for communicator in listeners:
        seen = await _collect(communicator, acked, set(), timeout=TIMEOUT * 3)
        assert acked - seen == set(), "messages missed by a connected client"
    for communicator in [*listeners, sender]:
        await communicator.disconnect()
