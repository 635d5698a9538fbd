import pytest

from rooms.models import MessageReport, Room
from tests.factories import UserFactory
from tests.factories.rooms import MessageFactory, RoomFactory


@pytest.fixture
def report(db):
    room = RoomFactory()
    message = MessageFactory(room=room, body="Buy cheap watches")
    return MessageReport.objects.create(message=message, reporter=UserFactory(), reason="spam")


def test_secretariat_sees_the_moderation_queue_and_hides(client, secretariat, report):
    client.force_login(secretariat)
    listing = client.get("/admin/room_reports/")
    assert listing.status_code == 200
    assert "spam" in listing.content.decode()
    response = client.post(f"/admin/room_reports/edit/{report.pk}/",
                           {"status": MessageReport.Status.HIDDEN})
    assert response.status_code == 302
    report.refresh_from_db()
    report.message.refresh_from_db()
    assert report.status == MessageReport.Status.HIDDEN
    assert report.message.hidden_by == secretariat


def test_reports_cannot_be_reopened_or_created_in_admin(client, secretariat, report):
    client.force_login(secretariat)
    response = client.post(f"/admin/room_reports/edit/{report.pk}/",
                           {"status": MessageReport.Status.OPEN})
    assert response.status_code == 200  # the form comes back with an error
    assert client.get("/admin/room_reports/new/").status_code in (302, 403)


def test_secretariat_creates_a_standalone_room(client, secretariat):
    member = UserFactory()
    client.force_login(secretariat)
    response = client.post("/admin/room_admin/new/", {
        "title": "Focal points coordination", "language": "es", "members": [member.pk],
    })
    assert response.status_code == 302
    room = Room.objects.get()
    assert room.is_standalone and room.created_by == secretariat
    assert list(room.members.all()) == [member]


def test_other_roles_are_kept_out(client, editor, report):
    client.force_login(editor)
    assert client.get("/admin/room_reports/").status_code in (302, 403)
    assert client.get("/admin/room_admin/").status_code in (302, 403)
