"""Issue 17 point 7 (exchanges): a new request gets its discussion room at once, through the
rooms' service; the exchange page links the room only for the people who may read it."""

from django.urls import reverse

import pytest

from cms.accounts import roles
from exchanges.models import ExchangeRequest, State
from rooms.models import Room
from tests.exchanges.test_views import form_data
from tests.factories import AgencyFactory, UserFactory, focal_point_for
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db


def test_a_new_request_gets_its_room(client):
    agency = AgencyFactory()
    client.force_login(focal_point_for(agency))
    response = client.post(reverse("exchanges:create"), form_data(agency, save="1"))
    assert response.status_code == 302
    req = ExchangeRequest.objects.get()
    room = Room.objects.get(object_id=req.pk, kind="exchange")
    assert room.parent == req and room.title == req.title
    # Saving the draft again does not make a second room.
    client.post(reverse("exchanges:edit", args=[req.pk]), form_data(agency, save="1"))
    assert Room.objects.filter(kind="exchange").count() == 1


def _room_link(client, user, req) -> bool:
    client.force_login(user)
    response = client.get(reverse("exchanges:detail", args=[req.pk]))
    assert response.status_code == 200
    room = Room.objects.get(kind="exchange", object_id=req.pk)
    return f'href="{room.get_absolute_url()}"' in response.content.decode()


def test_the_exchange_page_links_its_room_for_its_readers_only(client):
    from rooms.services import room_for_parent

    req = request_in(State.PROVIDER_MATCHED)
    room_for_parent(parent=req)
    requester = focal_point_for(req.requesting_agency)
    provider = focal_point_for(req.provider_agency)
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    assert _room_link(client, requester, req)
    assert _room_link(client, provider, req)
    assert _room_link(client, secretariat, req)
    # A draft: its requester sees the page, but the room opens only on approval.
    draft = request_in(State.DRAFT)
    room_for_parent(parent=draft)
    assert not _room_link(client, focal_point_for(draft.requesting_agency), draft)
