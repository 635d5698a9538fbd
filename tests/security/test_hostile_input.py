"""Issue 16, point 13: hostile input gives a clear 400 (or a form error, or an ``error`` frame)
and changes nothing — never a 500, never a dropped socket. One corpus, one case a row."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from courses.models import Enrolment
from exchanges.models import State, Transition
from tests.factories import UserFactory
from tests.factories.exchanges import request_in
from tests.rooms.test_consumers import TIMEOUT, open_socket, receive_type, request

pytestmark = pytest.mark.django_db

HUGE = str(2**70)


def _csv(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("people.csv", text.encode(), content_type="text/csv")


# HTTP: (name, path, expected statuses). Page numbers past 64 bits are the last page (see
# cms/pagination.py); everything else is a 400.
GETS = [
    ("page beyond 64 bits, catalogue", f"/en/courses/?page={HUGE}", {200}),
    ("page beyond 64 bits, API", f"/api/courses/?page={HUGE}", {200}),
    ("negative page, API", "/api/courses/?page=-5", {200}),
    ("negative year, exchanges", "/en/exchanges/?year=-1", {400}),
    ("20-digit year, exchanges", "/en/exchanges/?year=12345678901234567890", {400}),
    ("year as text, exchanges", "/en/exchanges/?year=abc", {400}),
    ("NUL in a certificate code", "/certificates/AB%00CD/", {400}),
    ("NUL in an assertion", "/certificates/AB%00CD/assertion.json", {400}),
    ("NUL in a calendar token", "/en/learning/calendar/ab%00cd.ics", {400}),
    ("NUL in a query string", "/en/courses/?q=a%00b", {400}),
    ("NUL in a page path", "/en/a%00b/", {400}),
]


@pytest.mark.parametrize("name, path, expected", GETS, ids=[g[0] for g in GETS])
def test_hostile_get(client, catalogue, name, path, expected):
    response = client.get(path)
    assert response.status_code in expected, (name, response.status_code)


CSVS = [
    ("NUL in a CSV field", "email\nsomeone\x00@example.org\n"),
    ("CSV field over 131 072 characters", "email\n" + "a" * 131_073 + "@example.org\n"),
    ("CSV NUL in the header", "em\x00ail\nsomeone@example.org\n"),
]


@pytest.mark.parametrize("name, body", CSVS, ids=[c[0] for c in CSVS])
def test_hostile_csv_upload_is_a_form_error(client, cohort, secretariat, name, body):
    UserFactory(email="someone@example.org")
    client.force_login(secretariat)
    response = client.post(reverse("courses_bulk_enrol", args=[cohort.pk]), {"file": _csv(body)})
    assert response.status_code == 200
    assert response.context["form"].errors, name
    assert not Enrolment.objects.filter(cohort=cohort).exists()


COMMENTS = [
    ("lone surrogate in a comment", '"\\ud800"'),
    ("NUL in a comment", '"a\\u0000b"'),
]


@pytest.mark.parametrize("name, comment", COMMENTS, ids=[c[0] for c in COMMENTS])
def test_hostile_api_comment_is_a_400(client, secretariat, name, comment):
    req = request_in(State.SUBMITTED)
    before = Transition.objects.count()
    client.force_login(secretariat)
    body = (
        f'{{"action": "start_review", "version": {req.version}, "comment": {comment}}}'
    )
    response = client.post(
        f"/api/exchanges/{req.pk}/transitions", body, content_type="application/json"
    )
    assert response.status_code == 400, (name, response.status_code)
    assert Transition.objects.count() == before
    req.refresh_from_db()
    assert req.state == State.SUBMITTED


def test_the_api_comment_still_takes_ordinary_text(client, secretariat):
    req = request_in(State.SUBMITTED)
    client.force_login(secretariat)
    body = {"action": "start_review", "version": req.version, "comment": "Olá — ¿qué tal? 🌎"}
    response = client.post(
        f"/api/exchanges/{req.pk}/transitions", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 200


# WebSocket: frames that once closed the socket with 1011, a handshake on an unrouted path.

FRAMES = [
    ("NUL in a message", '{"type": "message", "body": "a\\u0000b"}'),
    ("lone surrogate in a message", '{"type": "message", "body": "\\ud800"}'),
    ("lone surrogate in a type", '{"type": "\\ud800"}'),
    ("NUL in a report reason", '{"type": "report", "id": 1, "reason": "\\u0000"}'),
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name, frame", FRAMES, ids=[f[0] for f in FRAMES])
async def test_hostile_frame_is_an_error_frame(people, name, frame):
    from asgiref.sync import sync_to_async

    from rooms.models import Message

    communicator, connected, _code = await open_socket(people["staff"], people["room"].pk)
    assert connected
    await communicator.send_to(text_data=frame)
    reply = await receive_type(communicator, "error")
    assert reply["code"] == "bad_text", name
    # The socket is still open and answers.
    assert (await request(communicator, {"type": "ping"}, "pong"))["type"] == "pong"
    assert await sync_to_async(Message.objects.count)() == 0
    await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_unrouted_websocket_is_closed_with_4404_not_a_500(people):
    from django.conf import settings
    from django.test import Client

    from asgiref.sync import sync_to_async
    from channels.testing import WebsocketCommunicator

    from cms.asgi import application

    def cookie():
        client = Client()
        client.force_login(people["staff"])
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    headers = [
        (b"host", b"localhost"), (b"origin", b"http://localhost"),
        (b"cookie", f"{settings.SESSION_COOKIE_NAME}={await sync_to_async(cookie)()}".encode()),
    ]
    for path in ("/ws/nowhere/", "/ws/rooms/abc/", "/ws/rooms/1/extra/"):
        communicator = WebsocketCommunicator(application, path, headers=headers)
        connected, _code = await communicator.connect(timeout=TIMEOUT)
        assert connected, path
        output = await communicator.receive_output(timeout=TIMEOUT)
        assert (output["type"], output["code"]) == ("websocket.close", 4404), path
        await communicator.disconnect()
