"""The room socket, continued: moderation, access re-checks and the posting rule's answer
(split from test_consumers.py; its helpers and fixtures are shared)."""

import json

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer

from rooms import broadcast, consumers
from rooms.models import Message, MessageReport, Mute, Room
from tests.factories.rooms import MessageFactory, RoomFactory
from tests.rooms.test_consumers import (  # noqa: F401 - the socket helpers
    TIMEOUT,
    open_socket,
    output_after_presence,
    receive_type,
    refused_with,
    request,
)

pytestmark = pytest.mark.django_db(transaction=True)



async def test_member_cannot_use_moderator_frames(people):
    message = await sync_to_async(MessageFactory)(room=people["room"], author=people["colleague"])
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    for frame in (
        {"type": "hide", "id": message.pk},
        {"type": "mute", "user": people["colleague"].pk, "minutes": 10},
        {"type": "lock", "locked": True},
    ):
        assert (await request(communicator, frame, "error"))["code"] == "forbidden"
    room = await sync_to_async(Room.objects.get)(pk=people["room"].pk)
    assert room.locked is False
    assert not await sync_to_async(Mute.objects.exists)()
    await communicator.disconnect()


async def test_report_reaches_moderators_only_and_hide_resolves_it(people):
    message = await sync_to_async(MessageFactory)(room=people["room"], author=people["colleague"])
    moderator, _c, _code = await open_socket(people["secretariat"], people["room"].pk)
    member, _c, _code = await open_socket(people["staff"], people["room"].pk)
    bystander, _c, _code = await open_socket(people["focal"], people["room"].pk)
    await member.send_json_to({"type": "report", "id": message.pk, "reason": "Off topic"})
    assert (await receive_type(member, "ack"))["report"]
    report = await receive_type(moderator, "report")
    assert report["report"]["reason"] == "Off topic"
    # Nothing about the report reaches a member who is not a moderator (presence and other
    # room-wide frames may arrive meanwhile).
    frames = []
    while not await bystander.receive_nothing(timeout=0.3):
        frames.append(await bystander.receive_json_from())
    assert not [f for f in frames if f["type"] == "report" or "report" in f], frames
    again = await request(member, {"type": "report", "id": message.pk}, "error")
    assert again["code"] == "already_reported"
    # The queue is in the moderator's join frame.
    joined = await request(moderator, {"type": "join"}, "joined")
    assert [r["message"]["id"] for r in joined["reports"]] == [message.pk]
    await moderator.send_json_to({"type": "hide", "id": message.pk})
    for communicator in (moderator, member, bystander):
        update = await receive_type(communicator, "update")
        assert update["message"]["state"] == "hidden" and update["message"]["body"] == ""
    status = await sync_to_async(lambda: MessageReport.objects.get().status)()
    assert status == MessageReport.Status.HIDDEN
    for communicator in (moderator, member, bystander):
        await communicator.disconnect()


async def test_mute_stops_posting_and_can_be_lifted(people):
    moderator, _c, _code = await open_socket(people["secretariat"], people["room"].pk)
    member, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(moderator, {"type": "mute", "user": people["staff"].pk, "minutes": 30}, "ack")
    muted = await receive_type(member, "muted")
    assert muted["user"]["id"] == people["staff"].pk and muted["until"]
    error = await request(member, {"type": "message", "body": "let me talk"}, "error")
    assert error["code"] == "muted"
    await request(moderator, {"type": "mute", "user": people["staff"].pk, "minutes": 0}, "ack")
    await request(member, {"type": "message", "body": "thanks"}, "ack")
    bad = await request(moderator, {"type": "mute", "user": people["staff"].pk,
                                    "minutes": 10**6}, "error")
    assert bad["code"] == "invalid_duration"
    nobody = await request(moderator, {"type": "mute", "user": people["outsider"].pk,
                                       "minutes": 5}, "error")
    assert nobody["code"] == "not_found"
    await moderator.disconnect()
    await member.disconnect()


async def test_lock_makes_room_read_only_for_members(people):
    moderator, _c, _code = await open_socket(people["secretariat"], people["room"].pk)
    member, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await moderator.send_json_to({"type": "lock", "locked": True})
    assert (await receive_type(member, "locked"))["locked"] is True
    assert (await request(member, {"type": "message", "body": "hi"}, "error"))["code"] == "locked"
    await request(moderator, {"type": "message", "body": "Closing note"}, "ack")
    await moderator.send_json_to({"type": "lock", "locked": False})
    assert (await receive_type(member, "locked"))["locked"] is False
    await request(member, {"type": "message", "body": "hi again"}, "ack")
    await moderator.disconnect()
    await member.disconnect()


# Losing access --------------------------------------------------------------------------------


async def test_removed_from_network_loses_access_on_next_action(people, settings):
    settings.ROOMS_RECHECK_SECONDS = 3600
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(communicator, {"type": "ping"}, "pong")
    # Removed behind the signals' back (a raw delete of the link): the next action still sees it.
    through = people["network"].members.through
    await sync_to_async(lambda: through.objects.filter(
        network=people["network"], agency=people["staff"].agency)._raw_delete("default"))()
    error = await request(communicator, {"type": "message", "body": "still here?"}, "error")
    assert error["code"] == "forbidden"
    output = await communicator.receive_output(timeout=TIMEOUT)
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_FORBIDDEN}
    assert await sync_to_async(Message.objects.count)() == 0


async def test_silent_member_is_cut_off_at_once_when_their_agency_leaves_the_network(people):
    listener, _c, _code = await open_socket(people["staff"], people["room"].pk)
    colleague, _c, _code = await open_socket(people["colleague"], people["room"].pk)
    focal, _c, _code = await open_socket(people["focal"], people["room"].pk)
    # No frame from anyone: the m2m signal alone closes the sockets of the agency's people.
    await sync_to_async(people["network"].members.remove)(people["staff"].agency)
    for socket_ in (listener, colleague):
        output = await output_after_presence(socket_)
        assert output == {"type": "websocket.close", "code": consumers.CLOSE_FORBIDDEN}
    # The focal point's claim on the agency does not count any more either.
    output = await output_after_presence(focal)
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_FORBIDDEN}


async def test_silent_member_is_cut_off_at_once_when_their_claim_is_revoked(people):
    from cms.accounts.models import AgencyClaim

    listener, _c, _code = await open_socket(people["staff"], people["room"].pk)
    poster, _c, _code = await open_socket(people["colleague"], people["room"].pk)

    def revoke():
        claim = AgencyClaim.objects.get(user=people["staff"])
        claim.status = AgencyClaim.Status.REJECTED
        claim.save()

    await sync_to_async(revoke)()
    output = await output_after_presence(listener)
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_FORBIDDEN}
    # The colleague, still a member, keeps the connection and the room.
    assert (await request(poster, {"type": "message", "body": "still here"}, "ack"))["id"]
    await poster.disconnect()


async def test_removed_from_standalone_room_is_cut_off_at_once(people):
    room = await sync_to_async(RoomFactory)(members=[people["staff"], people["colleague"]])
    listener, connected, _code = await open_socket(people["staff"], room.pk)
    assert connected
    await sync_to_async(room.members.remove)(people["staff"])
    output = await listener.receive_output(timeout=TIMEOUT)
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_FORBIDDEN}


async def test_change_without_signal_is_caught_by_the_periodic_recheck(people, settings):
    settings.ROOMS_RECHECK_SECONDS = 0.3
    listener, _c, _code = await open_socket(people["staff"], people["room"].pk)
    # QuerySet.update sends no signal: only the background re-check can see it.
    await sync_to_async(lambda: people["staff"].__class__.objects.filter(
        pk=people["staff"].pk).update(is_active=False))()
    output = await listener.receive_output(timeout=TIMEOUT)
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_FORBIDDEN}


async def test_delivery_is_forwarded_as_is_without_a_thread_hop(people, settings, monkeypatch):
    settings.ROOMS_RECHECK_SECONDS = 3600  # keep the background re-check out of the way
    listener, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await request(listener, {"type": "ping"}, "pong")
    hops = []
    real = consumers.database_sync_to_async
    monkeypatch.setattr(
        consumers, "database_sync_to_async", lambda fn: hops.append(fn) or real(fn)
    )
    layer = get_channel_layer()
    frames = [
        json.dumps({"type": "message", "message": {"id": n, "body": f"pre-encoded {n}"}})
        for n in range(20)
    ]
    for frame in frames:
        await layer.group_send(
            broadcast.group_name(people["room"].pk),
            {"type": "room.event", "text": frame, "moderators_only": False},
        )
    received = [await listener.receive_from(timeout=TIMEOUT) for _frame in frames]
    assert received == frames  # byte for byte: not decoded and re-encoded per connection
    assert hops == []  # no database access, no thread hop per delivered frame
    await listener.disconnect()


async def test_deactivated_user_loses_access(people):
    communicator, _c, _code = await open_socket(people["staff"], people["room"].pk)
    await sync_to_async(lambda: people["staff"].__class__.objects.filter(
        pk=people["staff"].pk).update(is_active=False))()
    assert (await request(communicator, {"type": "join"}, "error"))["code"] == "forbidden"


# The posting rule over the socket -------------------------------------------------------------


async def test_socket_sends_the_posting_rules_answer_and_its_changes(people):
    from rooms.permissions import posting

    def rule(user):
        room = Room.objects.get(pk=people["room"].pk)
        return posting(type(user).objects.get(pk=user.pk), room).as_dict()

    moderator, _c, _code = await open_socket(people["secretariat"], people["room"].pk)
    member, _c, _code = await open_socket(people["staff"], people["room"].pk)
    joined = await request(member, {"type": "join"}, "joined")
    assert joined["posting"] == await sync_to_async(rule)(people["staff"]) and joined[
        "posting"]["allowed"]
    await moderator.send_json_to({"type": "lock", "locked": True})
    pushed = await receive_type(member, "posting")
    assert pushed["posting"] == await sync_to_async(rule)(people["staff"])
    assert pushed["posting"]["code"] == "locked"
    # The moderator's own answer is pushed too, and still allows them.
    assert (await receive_type(moderator, "posting"))["posting"]["allowed"] is True
    await moderator.send_json_to({"type": "lock", "locked": False})
    assert (await receive_type(member, "posting"))["posting"]["allowed"] is True
    await request(moderator, {"type": "mute", "user": people["staff"].pk, "minutes": 30}, "ack")
    pushed = await receive_type(member, "posting")
    assert pushed["posting"] == await sync_to_async(rule)(people["staff"])
    assert pushed["posting"]["code"] == "muted" and pushed["posting"]["until"]
    # Reconnecting with since, and the periodic ping, carry the answer as well.
    since = await request(member, {"type": "since", "id": 0}, "since")
    assert since["posting"]["code"] == "muted"
    assert (await request(member, {"type": "ping"}, "pong"))["posting"]["code"] == "muted"
    await moderator.disconnect()
    await member.disconnect()


async def test_presence_frame_tells_the_room_who_comes_and_goes(people):
    """Issue 17 point 4: the list of who is online follows arrivals and departures at once,
    not only at the next ping."""
    first, _c, _code = await open_socket(people["staff"], people["room"].pk)
    assert await first.receive_nothing(timeout=0.3)  # its own arrival is not news to it
    second, _c, _code = await open_socket(people["colleague"], people["room"].pk)
    arrived = await receive_type(first, "presence")
    assert {p["id"] for p in arrived["online"]} == {people["staff"].pk, people["colleague"].pk}
    await second.disconnect()
    left = await receive_type(first, "presence")
    assert [p["id"] for p in left["online"]] == [people["staff"].pk]
    await first.disconnect()
