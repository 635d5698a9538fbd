"""Issue 16, point 5: a self-declared agency grants nothing. A new, unverified account that picks
an agency in its profile must not read or post in that agency's network room; only an approved
claim (``cms.permissions.represented_agency_ids``) gives access that depends on an agency."""

import pytest

from cms.accounts.models import AgencyClaim
from rooms.models import Message
from rooms.permissions import NO_ACCESS, access_for, readable_rooms
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, staff_of
from tests.factories.rooms import network_room


@pytest.fixture
def world(db):
    agency = AgencyFactory()
    room = network_room(NetworkFactory(members=[agency]))
    return {
        "room": room,
        # Picked the agency in their profile; nobody verified it.
        "self_declared": UserFactory(agency=agency),
        "verified": staff_of(agency),
    }


def test_room_page_and_form(client, world):
    room = world["room"]
    client.force_login(world["self_declared"])
    assert client.get(f"/en/rooms/{room.pk}/").status_code == 404
    assert client.post(f"/en/rooms/{room.pk}/", {"body": "Hola"}).status_code == 404
    assert not Message.objects.exists()
    client.force_login(world["verified"])
    assert client.get(f"/en/rooms/{room.pk}/").status_code == 200


def test_room_list(world):
    assert readable_rooms(world["self_declared"]) == []
    assert readable_rooms(world["verified"]) == [world["room"]]


def test_policy(world):
    assert access_for(world["self_declared"], world["room"]) == NO_ACCESS
    assert access_for(world["verified"], world["room"]).post


def test_a_pending_or_rejected_claim_is_not_a_grant_either(world):
    room = world["room"]
    agency = room.parent.members.get()
    for status in (AgencyClaim.Status.PENDING, AgencyClaim.Status.REJECTED):
        person = UserFactory(agency=agency)
        AgencyClaim.objects.create(user=person, agency=agency, status=status)
        assert access_for(person, room) == NO_ACCESS


# The WebSocket connect is in test_consumers.py (test_self_declared_agency_is_refused_with_4403).
