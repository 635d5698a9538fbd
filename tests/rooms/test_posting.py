"""One posting rule: "may this person post in this room now" is answered by
``rooms.permissions.posting`` alone. The service, the page (its form and the state it hands to
room.js) and the socket (its frames) must all say what the rule says; room.js only displays it.
Each test here fails if one of those homes starts deciding by itself again."""

import json
import re
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

import pytest

from cms.accounts import roles
from exchanges.models import State
from rooms import services
from rooms.models import Message, Mute
from rooms.permissions import RoomError, posting
from rooms.services import room_for_parent
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, focal_point_for
from tests.factories.exchanges import request_in
from tests.factories.rooms import network_room

pytestmark = pytest.mark.django_db

SITUATIONS = ["open", "locked", "muted", "locked_and_muted"]


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def world(db):
    agency = AgencyFactory()
    room = network_room(NetworkFactory(members=[agency]))
    withdrawn = request_in(State.WITHDRAWN)
    return {
        "room": room,
        "member": focal_point_for(agency),
        "moderator": UserFactory(roles=[roles.SECRETARIAT]),
        "outsider": focal_point_for(AgencyFactory()),
        # A party of a withdrawn exchange reads its room but no longer posts there.
        "reader": (withdrawn, focal_point_for(withdrawn.requesting_agency)),
    }


def _case(world, who, situation):
    if who == "reader":
        req, user = world["reader"]
        room = room_for_parent(parent=req)
    else:
        room, user = world["room"], world[who]
    room.locked = "locked" in situation
    room.save(update_fields=["locked"])
    if "muted" in situation:
        Mute.objects.update_or_create(
            room=room, user=user,
            defaults={"until": timezone.now() + timedelta(minutes=30), "by": world["moderator"]},
        )
    return room, user


def _fresh(user):
    """A new copy of the person, as the next request would load it (no remembered access)."""
    return type(user).objects.get(pk=user.pk)


EXPECTED = {
    # who: {situation: code} ("" = allowed)
    "member": {"open": "", "locked": "locked", "muted": "muted", "locked_and_muted": "locked"},
    "moderator": {"open": "", "locked": "", "muted": "", "locked_and_muted": ""},
    "reader": dict.fromkeys(SITUATIONS, "read_only"),
    "outsider": dict.fromkeys(SITUATIONS, "forbidden"),
}


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("who", list(EXPECTED))
def test_the_rule_itself(world, who, situation):
    room, user = _case(world, who, situation)
    answer = posting(_fresh(user), room)
    assert answer.code == EXPECTED[who][situation]
    assert answer.allowed is (answer.code == "")
    assert bool(answer.message) is (not answer.allowed)


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("who", list(EXPECTED))
def test_the_service_obeys_the_rule(world, who, situation):
    room, user = _case(world, who, situation)
    answer = posting(_fresh(user), room)
    if answer.allowed:
        services.message_post(room=room, user=_fresh(user), body="Hola")
        assert Message.objects.filter(room=room).count() == 1
    else:
        with pytest.raises(RoomError) as refused:
            services.message_post(room=room, user=_fresh(user), body="Hola")
        assert (refused.value.code, str(refused.value.message)) == (answer.code,
                                                                    str(answer.message))
        assert not Message.objects.exists()


@pytest.mark.parametrize("situation", SITUATIONS)
@pytest.mark.parametrize("who", ["member", "moderator", "reader"])
def test_the_page_shows_what_the_rule_says(client, world, who, situation):
    room, user = _case(world, who, situation)
    answer = posting(_fresh(user), room)
    client.force_login(user)
    content = client.get(f"/en/rooms/{room.pk}/").content.decode()
    assert ('id="room-form"' in content) is answer.allowed
    state = re.search(
        r'<script id="room-posting-state" type="application/json">(.*?)</script>', content
    )
    assert json.loads(state.group(1)) == answer.as_dict()
    if not answer.allowed and answer.code != "locked":
        assert str(answer.message) in content.replace("&#x27;", "'")
    # Posting through the page's form: accepted exactly when the rule allows it.
    response = client.post(f"/en/rooms/{room.pk}/", {"body": "Desde el formulario"})
    assert response.status_code == (302 if answer.allowed else 400)
    assert Message.objects.filter(room=room).exists() is answer.allowed


def test_edit_follows_the_same_rule(world):
    room, member, moderator = world["room"], world["member"], world["moderator"]
    message = services.message_post(room=room, user=member, body="First")
    services.user_mute(room=room, user=member, by=moderator, minutes=10)
    answer = posting(_fresh(member), room)
    with pytest.raises(RoomError) as refused:
        services.message_edit(message=message, user=_fresh(member), body="Changed")
    assert refused.value.code == answer.code == "muted"


def test_room_js_decides_nothing():
    """room.js shows the form and the reason from the rule's answer only: it never works out
    posting rights from the lock, the mute or the moderator flag itself."""
    source = (Path(settings.BASE_DIR) / "rooms" / "static" / "rooms" / "room.js").read_text()
    assert "disabled" not in source
    assignments = re.findall(r"form\.hidden\s*=\s*([^;]+);", source)
    assert assignments and set(assignments) <= {"!posting.allowed", "true"}
    assert "posting.allowed" in source and "frame.posting" in source
