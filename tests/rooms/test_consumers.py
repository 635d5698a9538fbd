"""The room WebSocket, end to end through the real ASGI stack (origin check, session auth)."""

import asyncio
import json
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.test import Client

import pytest
from asgiref.sync import SyncToAsync, sync_to_async
from channels.testing import WebsocketCommunicator

from cms.accounts import roles
from cms.asgi import application
from rooms import consumers
from rooms.models import Message, Presence
from tests.factories import (
    AgencyFactory,
    NetworkFactory,
    UserFactory,
    focal_point_for,
    staff_of,
)
from tests.factories.rooms import MessageFactory, RoomFactory, network_room

pytestmark = pytest.mark.django_db(transaction=True)

TIMEOUT = 3


@pytest.fixture(scope="module", autouse=True)
def _close_consumer_connections(django_db_setup):
    """The consumers' database calls run on asgiref's one sync thread, whose connection
    outlives the tests; close it, or the test database cannot be dropped at the end."""
    yield
    SyncToAsync.single_thread_executor.submit(connections.close_all).result()


def _session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


async def open_socket(user, room_id, *, origin="http://localhost"):
    headers = [(b"host", b"localhost")]
    if origin:
        headers.append((b"origin", origin.encode()))
    if user is not None:
        cookie = await sync_to_async(_session_cookie)(user)
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    communicator = WebsocketCommunicator(application, f"/ws/rooms/{room_id}/", headers=headers)
    connected, code = await communicator.connect(timeout=TIMEOUT)
    return communicator, connected, code


async def refused_with(user, room_id) -> int:
    """Issue 16, point 14: a refusal is accepted, then closed with the documented code (a
    close before accept is an HTTP 403, which a browser reports as 1006)."""
    communicator, connected, _code = await open_socket(user, room_id)
    assert connected, "refusals must be accepted, then closed with their code"
    output = await communicator.receive_output(timeout=TIMEOUT)
    assert output["type"] == "websocket.close"
    return output["code"]


async def receive_type(communicator, frame_type, timeout=TIMEOUT):
    """The next frame of ``frame_type``, skipping others (typing, acks…)."""
    while True:
        frame = await communicator.receive_json_from(timeout=timeout)
        if frame["type"] == frame_type:
            return frame


async def output_after_presence(communicator, timeout=TIMEOUT):
    """The next raw output, skipping the ``presence`` frames of people coming and going."""
    while True:
        output = await communicator.receive_output(timeout=timeout)
        if '"type": "presence"' not in output.get("text", ""):
            return output


async def request(communicator, frame, reply_type):
    await communicator.send_json_to(frame)
    return await receive_type(communicator, reply_type)


@pytest.fixture
def people(db):
    member_agency = AgencyFactory()
    network = NetworkFactory(members=[member_agency, AgencyFactory()])
    # A focal point of a member agency who does not work there (e.g. a consultant).
    focal = focal_point_for(member_agency)
    focal.agency = None
    focal.save(update_fields=["agency"])
    return {
        "network": network,
        "room": network_room(network),
        "staff": staff_of(member_agency),
        "colleague": staff_of(member_agency, first_name="Lucia"),
        "focal": focal,
        "outsider": UserFactory(agency=AgencyFactory()),
        "secretariat": UserFactory(roles=[roles.SECRETARIAT]),
    }


# Connecting ----------------------------------------------------------------------------------


async def test_anonymous_is_refused_with_4401(people):
    assert await refused_with(None, people["room"].pk) == consumers.CLOSE_UNAUTHENTICATED


async def test_outsider_is_refused_with_4403(people):
    assert await refused_with(people["outsider"], people["room"].pk) == consumers.CLOSE_FORBIDDEN


async def test_self_declared_agency_is_refused_with_4403(people):
    """Issue 16, point 5: an unverified account that picked a member agency in its profile."""
    member_agency = await sync_to_async(people["network"].members.first)()
    self_declared = await sync_to_async(UserFactory)(agency=member_agency)
    assert await refused_with(self_declared, people["room"].pk) == consumers.CLOSE_FORBIDDEN


async def test_unknown_room_is_refused_with_4404(people):
    assert await refused_with(people["staff"], 999_999) == consumers.CLOSE_NOT_FOUND


async def test_foreign_origin_is_refused(people):
    _comm, connected, _code = await open_socket(
        people["staff"], people["room"].pk, origin="http://evil.example"
    )
    assert connected is False


@pytest.mark.parametrize("who", ["staff", "focal", "secretariat"])
async def test_network_members_and_secretariat_may_connect(people, who):
    communicator, connected, _code = await open_socket(people[who], people["room"].pk)
    assert connected
    joined = await request(communicator, {"type": "join"}, "joined")
    assert joined["you"]["moderator"] is (who == "secretariat")
    assert joined["you"]["may_post"] is True
    await communicator.disconnect()


async def test_standalone_room_lets_in_listed_members_only(people):
    room = await sync_to_async(RoomFactory)(members=[people["outsider"]])
    communicator, connected, _code = await open_socket(people["outsider"], room.pk)
    assert connected
    await communicator.disconnect()
    assert await refused_with(people["staff"], room.pk) == consumers.CLOSE_FORBIDDEN


async def test_join_returns_last_50_messages_and_who_is_online(people):
    await sync_to_async(MessageFactory.create_batch)(
        55, room=people["room"], author=people["colleague"]
    )
    other, _c, _code = await open_socket(people["colleague"], people["room"].pk)
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    joined = await request(communicator, {"type": "join"}, "joined")
    assert len(joined["messages"]) == 50
    assert joined["has_more"] is True
    ids = [m["id"] for m in joined["messages"]]
    assert ids == sorted(ids)
    assert ids[-1] == await sync_to_async(lambda: Message.objects.latest("id").pk)()
    assert {p["id"] for p in joined["online"]} == {people["staff"].pk, people["colleague"].pk}
    assert "@" not in json.dumps(joined["online"])  # names, never email addresses
    await communicator.disconnect()
    await other.disconnect()
    assert await sync_to_async(Presence.objects.count)() == 0


# Frames ---------------------------------------------------------------------------------------


async def test_message_is_saved_then_broadcast_to_everyone(people):
    room = people["room"]
    alice, _c, _code = await open_socket(people["staff"], room.pk)
    bob, _c, _code = await open_socket(people["colleague"], room.pk)
    await alice.send_json_to({"type": "message", "body": "  Hola a todos  ", "ref": "r1"})
    ack = await receive_type(alice, "ack")
    assert ack["ref"] == "r1"
    saved = await sync_to_async(Message.objects.get)(pk=ack["id"])
    assert saved.body == "Hola a todos"
    for communicator in (alice, bob):
        frame = await receive_type(communicator, "message")
        assert frame["message"]["id"] == saved.pk
        assert frame["message"]["body"] == "Hola a todos"
        assert frame["message"]["author"]["id"] == people["staff"].pk
    await alice.disconnect()
    await bob.disconnect()


@pytest.mark.parametrize(
    "body", ["", "    ", "x" * 4001, 42, None, ["list"]], ids=["empty", "blank", "long", "int",
                                                              "null", "list"]
)
async def test_bad_message_bodies_get_an_error_and_save_nothing(people, body):
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    error = await request(communicator, {"type": "message", "body": body}, "error")
    assert error["code"] == "invalid_body"
    assert await sync_to_async(Message.objects.count)() == 0
    await communicator.disconnect()


async def test_message_of_exactly_4000_characters_is_accepted(people):
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(communicator, {"type": "message", "body": "é" * 4000}, "ack")
    await communicator.disconnect()


async def test_edit_and_delete_by_author_within_window(people):
    room = people["room"]
    message = await sync_to_async(MessageFactory)(room=room, author=people["staff"])
    communicator, _c, _code = await open_socket(people["staff"], room.pk)
    await communicator.send_json_to({"type": "edit", "id": message.pk, "body": "Corrected"})
    update = await receive_type(communicator, "update")
    assert update["message"]["body"] == "Corrected"
    assert update["message"]["edited_at"]
    await communicator.send_json_to({"type": "delete", "id": message.pk})
    update = await receive_type(communicator, "update")
    assert update["message"]["state"] == "deleted"
    assert update["message"]["body"] == ""
    await sync_to_async(message.refresh_from_db)()
    assert message.deleted_at is not None
    await communicator.disconnect()


async def test_others_cannot_edit_or_delete(people):
    message = await sync_to_async(MessageFactory)(room=people["room"], author=people["staff"])
    communicator, _c, _code = await open_socket(people["colleague"], people["room"].pk)
    for frame in ({"type": "edit", "id": message.pk, "body": "mine now"},
                  {"type": "delete", "id": message.pk}):
        error = await request(communicator, frame, "error")
        assert error["code"] == "forbidden"
    await sync_to_async(message.refresh_from_db)()
    assert message.body.startswith("Message number") and message.deleted_at is None
    await communicator.disconnect()


async def test_edit_after_15_minutes_is_refused(people, time_machine):
    message = await sync_to_async(MessageFactory)(room=people["room"], author=people["staff"])
    time_machine.move_to(message.created_at + timedelta(minutes=16))
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    error = await request(communicator, {"type": "edit", "id": message.pk, "body": "late"},
                          "error")
    assert error["code"] == "too_late"
    await communicator.disconnect()


async def test_typing_reaches_the_others_not_the_sender(people):
    alice, _c, _code = await open_socket(people["staff"], people["room"].pk)
    bob, _c, _code = await open_socket(people["colleague"], people["room"].pk)
    while len((await receive_type(alice, "presence"))["online"]) < 2:  # Bob's arrival
        pass
    await alice.send_json_to({"type": "typing"})
    frame = await receive_type(bob, "typing")
    assert frame["user"]["id"] == people["staff"].pk
    assert await alice.receive_nothing(timeout=0.3)
    await alice.disconnect()
    await bob.disconnect()


async def test_history_pages_backwards_with_before(people):
    messages = await sync_to_async(MessageFactory.create_batch)(
        60, room=people["room"], author=people["colleague"]
    )
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    page = await request(communicator, {"type": "history", "before": messages[55].pk}, "history")
    assert [m["id"] for m in page["messages"]] == [m.pk for m in messages[5:55]]
    assert page["has_more"] is True
    page = await request(communicator, {"type": "history", "before": messages[5].pk}, "history")
    assert [m["id"] for m in page["messages"]] == [m.pk for m in messages[:5]]
    assert page["has_more"] is False
    await communicator.disconnect()


async def test_reconnect_with_since_misses_nothing(people):
    room = people["room"]
    alice, _c, _code = await open_socket(people["staff"], room.pk)
    await alice.send_json_to({"type": "message", "body": "before the drop"})
    last_seen = (await receive_type(alice, "message"))["message"]["id"]
    await alice.disconnect()
    # While Alice is away, Bob posts three messages.
    bob, _c, _code = await open_socket(people["colleague"], room.pk)
    for n in range(3):
        await request(bob, {"type": "message", "body": f"while away {n}"}, "ack")
    await bob.disconnect()
    alice, _c, _code = await open_socket(people["staff"], room.pk)
    caught_up = await request(alice, {"type": "since", "id": last_seen}, "since")
    assert [m["body"] for m in caught_up["messages"]] == [f"while away {n}" for n in range(3)]
    assert caught_up["has_more"] is False
    await alice.disconnect()


async def test_ping_answers_pong_with_online_people(people):
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    pong = await request(communicator, {"type": "ping", "ref": 7}, "pong")
    assert pong["ref"] == 7
    assert [p["id"] for p in pong["online"]] == [people["staff"].pk]
    await communicator.disconnect()


# Bad frames -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{not json", "bad_json"),
        ("[1, 2]", "bad_frame"),
        ('"text"', "bad_frame"),
        ("{}", "bad_frame"),
        ('{"type": 3}', "bad_frame"),
        ('{"type": "shout"}', "unknown_type"),
        ('{"type": "history"}', "bad_frame"),
        ('{"type": "history", "before": "12"}', "bad_frame"),
        ('{"type": "since", "id": true}', "bad_frame"),
        ('{"type": "edit", "id": -1, "body": "x"}', "bad_frame"),
        ('{"type": "delete", "id": 123456}', "not_found"),
        ('{"type": "report", "id": 1, "reason": 5}', "bad_frame"),
    ],
)
async def test_bad_frames_get_an_error_and_the_connection_stays_open(people, raw, code):
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await communicator.send_to(text_data=raw)
    error = await receive_type(communicator, "error")
    assert error["code"] == code
    assert error["message"]
    # Still usable afterwards.
    await request(communicator, {"type": "ping"}, "pong")
    await communicator.disconnect()


async def test_oversized_and_binary_frames_are_refused(people):
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    big = json.dumps({"type": "message", "body": "x" * (settings.ROOMS_MAX_FRAME_BYTES + 1)})
    await communicator.send_to(text_data=big)
    assert (await receive_type(communicator, "error"))["code"] == "too_large"
    await communicator.send_to(bytes_data=b"\x00\x01")
    assert (await receive_type(communicator, "error"))["code"] == "bad_frame"
    assert await sync_to_async(Message.objects.count)() == 0
    await request(communicator, {"type": "ping"}, "pong")
    await communicator.disconnect()


# Rate limit -----------------------------------------------------------------------------------


async def test_sixth_message_within_ten_seconds_is_refused_connection_stays(people):
    await sync_to_async(cache.clear)()
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    for n in range(5):
        await request(communicator, {"type": "message", "body": f"m{n}", "ref": n}, "ack")
    error = await request(communicator, {"type": "message", "body": "m5"}, "error")
    assert error["code"] == "rate_limited"
    assert await sync_to_async(Message.objects.count)() == 5
    # Another person in the same room is not affected.
    other, _c, _code = await open_socket(people["colleague"], people["room"].pk)
    await request(other, {"type": "message", "body": "me too"}, "ack")
    await request(communicator, {"type": "ping"}, "pong")
    await communicator.disconnect()
    await other.disconnect()


async def test_rate_limit_window_slides(people, settings):
    await sync_to_async(cache.clear)()
    settings.ROOMS_RATE_LIMIT = "2/1"
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(communicator, {"type": "message", "body": "one"}, "ack")
    await request(communicator, {"type": "message", "body": "two"}, "ack")
    assert (await request(communicator, {"type": "message", "body": "3"}, "error"))["code"] == (
        "rate_limited"
    )
    await asyncio.sleep(1.2)
    await request(communicator, {"type": "message", "body": "three"}, "ack")
    await communicator.disconnect()


# Moderation -----------------------------------------------------------------------------------
