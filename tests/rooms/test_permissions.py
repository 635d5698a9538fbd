import pytest

from cms.accounts import roles
from rooms import parents
from rooms.permissions import NO_ACCESS, Access, access_for, readable_rooms
from tests.factories import (
    AgencyFactory,
    NetworkFactory,
    UserFactory,
    focal_point_for,
    staff_of,
)
from tests.factories.rooms import RoomFactory, network_room


@pytest.fixture
def agency(db):
    return AgencyFactory()


@pytest.fixture
def room(agency):
    return network_room(NetworkFactory(members=[agency]))


def test_network_staff_post_but_do_not_moderate(room, agency):
    assert access_for(staff_of(agency), room) == Access(True, True, False)


def test_focal_point_of_member_agency_without_working_there(room, agency):
    focal = focal_point_for(agency)
    focal.agency = None
    focal.save()
    assert access_for(focal, room).post


def test_pending_claim_gives_no_access(room, agency):
    from cms.accounts.models import AgencyClaim

    person = UserFactory()
    AgencyClaim.objects.create(user=person, agency=agency)
    assert access_for(person, room) == NO_ACCESS


def test_secretariat_moderates_every_room(room):
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    assert access_for(secretariat, room) == Access(True, True, True)
    assert access_for(secretariat, RoomFactory()).moderate


def test_outsiders_inactive_and_anonymous_get_nothing(room, agency):
    from django.contrib.auth.models import AnonymousUser

    assert access_for(UserFactory(agency=AgencyFactory()), room) == NO_ACCESS
    assert access_for(staff_of(agency, is_active=False), room) == NO_ACCESS
    assert access_for(AnonymousUser(), room) == NO_ACCESS


def test_standalone_room_members(db):
    member = UserFactory()
    room = RoomFactory(members=[member])
    assert access_for(member, room) == Access(True, True, False)
    assert access_for(UserFactory(), room) == NO_ACCESS


def test_room_of_a_deleted_parent_is_closed_except_to_the_secretariat(room, agency):
    room.parent.delete()
    room.refresh_from_db()
    assert access_for(staff_of(agency), room) == NO_ACCESS
    assert access_for(UserFactory(roles=[roles.SECRETARIAT]), room).read


def test_network_policy_is_registered():
    from cms.directory.models import Network

    assert parents.policy_for(Network()).kind == "network"
    assert Network in parents.registered_models()


def test_readable_rooms(room, agency):
    staff = staff_of(agency)
    mine = RoomFactory(members=[staff], title="A standalone room")
    RoomFactory(title="Not mine")
    network_room(NetworkFactory(members=[AgencyFactory()]))
    assert {r.pk for r in readable_rooms(staff)} == {room.pk, mine.pk}
