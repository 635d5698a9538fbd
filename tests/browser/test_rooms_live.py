"""Two browsers in one room see each other's messages live, including an edit and a deletion; a
third, outside the network, is refused both the page and the WebSocket.

pytest-django's live server does not speak WebSocket, so this test starts daphne (the ASGI server
of `make run`) in a subprocess on a free port, pointed at the test database. That database is a
PostgreSQL test database (or a SQLite file), so the subprocess sees the rows this transactional
test commits. SQLite's in-memory test database cannot be opened by another process: there daphne
runs in a thread of the test process instead (the in-memory database is shared between threads).
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client

import pytest

from rooms.models import Message
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, staff_of
from tests.factories.rooms import network_room

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url() -> str | None:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        name = db["NAME"]
        if name == ":memory:" or "mode=memory" in str(name):
            return None  # only this process can open it: serve from a thread instead
        return f"sqlite:///{name}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _daphne_in_thread(port: int):
    """daphne in a thread of this process, sharing SQLite's in-memory test database."""
    import threading

    from daphne.endpoints import build_endpoint_description_strings
    from daphne.server import Server

    from cms.asgi import application

    server = Server(
        application=application,
        endpoints=build_endpoint_description_strings(host="127.0.0.1", port=port),
        signal_handlers=False,
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return server, thread


def _wait_for(port: int, alive) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        alive()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail("daphne did not start within 30 s")


_THREADED: dict[str, str] = {}


@pytest.fixture
def daphne_url(transactional_db):
    port = _free_port()
    database_url = _database_url()
    if database_url is None:
        # Twisted's reactor cannot start twice in one process: one threaded daphne serves
        # every browser test module of the process (it dies with the process).
        if "url" not in _THREADED:
            _daphne_in_thread(port)
            _wait_for(port, lambda: None)
            _THREADED["url"] = f"http://127.0.0.1:{port}"
        yield _THREADED["url"]
        return
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port),
         "cms.asgi:application"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )

    def alive():
        if process.poll() is not None:
            pytest.fail(f"daphne exited: {process.stderr.read().decode()[-2000:]}")

    _wait_for(port, alive)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def browser_as(chromium, daphne_url):
    contexts = []

    def make(user):
        client = Client()
        client.force_login(user)
        context = chromium.new_context(base_url=daphne_url, locale="en-US")
        context.set_default_timeout(15_000)
        context.add_cookies([{
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": daphne_url,
        }])
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def test_two_members_talk_live_and_an_outsider_is_refused(browser_as):
    from playwright.sync_api import expect

    agency = AgencyFactory()
    room = network_room(NetworkFactory(members=[agency]))
    alice = staff_of(agency, first_name="Alicia", last_name="Rojas")
    bruno = staff_of(agency, first_name="Bruno", last_name="Costa")
    outsider = UserFactory(agency=AgencyFactory())
    path = f"/en/rooms/{room.pk}/"

    page_a, page_b = browser_as(alice), browser_as(bruno)
    for page in (page_a, page_b):
        page.goto(path)
        expect(page.locator("#room-status")).to_contain_text("Live")

    # The composer (the edit controls' names also contain "your message").
    composer_a = page_a.locator("#room-form").get_by_label("Your message")
    composer_b = page_b.locator("#room-form").get_by_label("Your message")
    composer_a.fill("Hola Bruno, ¿cómo va el registro único?")
    page_a.get_by_role("button", name="Send").click()
    expect(page_b.locator("#room-messages")).to_contain_text("¿cómo va el registro único?")
    expect(page_a.locator("#room-messages")).to_contain_text("¿cómo va el registro único?")
    expect(composer_a).to_have_value("")  # acknowledged by the server

    # User text is shown as text, never parsed as HTML.
    composer_b.fill('<img src=x id="injected"> Tudo bem!')
    page_b.get_by_role("button", name="Send").click()
    expect(page_a.locator("#room-messages")).to_contain_text('<img src=x id="injected"> Tudo')
    assert page_a.locator("#injected").count() == 0

    assert list(Message.objects.order_by("id").values_list("author", flat=True)) == [
        alice.pk, bruno.pk,
    ]
    first, second = Message.objects.order_by("id")

    # Alicia corrects her message with the keyboard; Bruno sees the change live.
    own = page_a.locator(f"#message-{first.pk}")
    assert page_a.locator(f"#message-{second.pk} .room-edit").count() == 0  # not hers
    own.get_by_role("button", name="Edit your message").focus()
    page_a.keyboard.press("Enter")
    editor = own.get_by_role("textbox", name="Edit your message")
    expect(editor).to_be_focused()
    expect(editor).to_have_value("Hola Bruno, ¿cómo va el registro único?")
    editor.fill("Hola Bruno, ¿cómo va el <b>registro social</b>?")
    own.get_by_role("button", name="Save").click()
    expect(page_b.locator(f"#message-{first.pk} .room-body")).to_have_text(
        "Hola Bruno, ¿cómo va el <b>registro social</b>?"
    )
    expect(page_b.locator(f"#message-{first.pk}")).to_contain_text("(edited)")
    expect(page_a.locator("#room-status")).to_have_text("Your message was edited.")
    expect(own.get_by_role("button", name="Edit your message")).to_be_focused()
    first.refresh_from_db()
    assert first.body == "Hola Bruno, ¿cómo va el <b>registro social</b>?" and first.edited_at
    assert page_b.locator(f"#message-{first.pk} b").count() == 0

    # Escape leaves the editor without sending anything.
    own.get_by_role("button", name="Edit your message").click()
    own.get_by_role("textbox", name="Edit your message").fill("not sent")
    page_a.keyboard.press("Escape")
    expect(own.get_by_role("button", name="Edit your message")).to_be_focused()
    expect(own.locator(".room-body")).to_have_text(first.body)

    # Bruno withdraws his message; Alicia sees it go.
    page_b.once("dialog", lambda dialog: dialog.accept())
    page_b.locator(f"#message-{second.pk}").get_by_role(
        "button", name="Delete your message"
    ).click()
    expect(page_a.locator(f"#message-{second.pk}")).to_contain_text(
        "The author deleted this message."
    )
    expect(page_b.locator("#room-status")).to_have_text("Your message was deleted.")

    page_c = browser_as(outsider)
    response = page_c.goto(path)
    assert response.status == 404
    opened = page_c.evaluate(
        """(path) => new Promise((resolve) => {
            const socket = new WebSocket("ws://" + location.host + path);
            socket.onclose = (event) => resolve(event.code);
        })""",
        f"/ws/rooms/{room.pk}/",
    )
    assert opened == 4403  # accepted, then closed with the documented code
    expect(page_a.locator("#room-messages")).not_to_contain_text("undefined")
