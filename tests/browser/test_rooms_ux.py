"""What people meet in a live room (issue 17, points 4–6): who is online follows people coming
and going; every time is in the person's zone and language, not the browser's; new messages
are announced (a log), message buttons say which message they act on, "X is typing…" goes when
the message arrives, and a moderator mutes and unmutes from live messages. No axe violation on
the room page in four languages.

The browsers run in Tokyo's time zone while the people's profiles say Lima, so a time drawn in
the browser's zone cannot pass for the person's."""

import re
import zoneinfo

from django.conf import settings
from django.test import Client
from django.utils import translation

import pytest

from cms.accounts import roles
from rooms.models import Message, Mute
from tests.browser import test_rooms_live
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, staff_of
from tests.factories.rooms import network_room

pytestmark = pytest.mark.django_db(transaction=True)

daphne_url = test_rooms_live.daphne_url  # the ASGI server the WebSocket needs
LIMA = zoneinfo.ZoneInfo("America/Lima")
BROWSER_ZONE = "Asia/Tokyo"


@pytest.fixture
def browser_as(chromium, daphne_url):
    contexts = []

    def make(user):
        client = Client()
        client.force_login(user)
        context = chromium.new_context(
            base_url=daphne_url, locale="en-US", timezone_id=BROWSER_ZONE
        )
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


def _spaces(text: str) -> str:
    return re.sub(r"[\s\u202f\u00a0]+", " ", text).strip()


def _english_short(moment) -> str:
    """Intl's en "short" date and time, e.g. "12/1/26, 9:05 AM", in Lima."""
    local = moment.astimezone(LIMA)
    hour = local.hour % 12 or 12
    return (f"{local.month}/{local.day}/{local:%y}, {hour}:{local:%M} "
            f"{'AM' if local.hour < 12 else 'PM'}")


def _room_with_people():
    agency = AgencyFactory()
    room = network_room(NetworkFactory(members=[agency]))
    people = {
        "alicia": staff_of(agency, first_name="Alicia", last_name="Rojas",
                           time_zone="America/Lima"),
        "bruno": staff_of(agency, first_name="Bruno", last_name="Costa",
                          time_zone="America/Lima"),
        "carla": staff_of(agency, first_name="Carla", last_name="Mendes",
                          time_zone="America/Lima"),
        "moderator": UserFactory(roles=[roles.SECRETARIAT], first_name="Sofía",
                                 last_name="Herrera", time_zone="America/Lima"),
    }
    return room, people


# One test: daphne serves SQLite's in-memory test database from a thread of this process, and
# Twisted's reactor cannot start twice in one process.
def test_presence_times_announcements_typing_mute_and_axe(browser_as, axe_violations):
    from playwright.sync_api import expect

    room, people = _room_with_people()
    earlier = Message.objects.create(room=room, author=people["carla"], body="Buenos días.")
    path = f"/en/rooms/{room.pk}/"

    page_a = browser_as(people["alicia"])
    page_a.goto(path)
    expect(page_a.locator("#room-status")).to_contain_text("Live")
    online_a = page_a.locator("#room-online")
    expect(online_a).to_contain_text("Nobody else is here right now.")

    # 4. Presence follows people coming and going, without waiting for a ping.
    page_b = browser_as(people["bruno"])
    page_b.goto(path)
    expect(page_b.locator("#room-status")).to_contain_text("Live")
    expect(page_b.locator("#room-online")).to_contain_text("Alicia Rojas")
    expect(online_a).to_contain_text("Bruno Costa", timeout=5_000)
    page_m = browser_as(people["moderator"])
    page_m.goto(path)
    expect(page_m.locator("#room-status")).to_contain_text("Live")
    expect(online_a).to_contain_text("Sofía Herrera", timeout=5_000)
    expect(online_a).to_contain_text("Bruno Costa")
    expect(online_a).not_to_contain_text("Nobody else")

    # 6. Bruno types, then sends: the typing line goes as soon as the message arrives.
    composer_b = page_b.locator("#room-form").get_by_label("Your message")
    composer_b.fill("Hola a todos, ¿seguimos con el registro social?")
    expect(page_a.locator("#room-typing")).to_have_text("Bruno Costa is typing…")
    page_b.get_by_role("button", name="Send").click()
    log = page_a.get_by_role("log", name="Conversation")
    expect(log).to_contain_text("¿seguimos con el registro social?")
    expect(page_a.locator("#room-typing")).to_have_text("", timeout=1_500)
    live = Message.objects.get(author=people["bruno"])

    # 5. One format, the person's zone (Lima) and language, for server-drawn and live times.
    assert _spaces(page_a.locator(f"#message-{earlier.pk} time").inner_text()) == (
        _english_short(earlier.created_at)
    )
    assert _spaces(page_a.locator(f"#message-{live.pk} time").inner_text()) == (
        _english_short(live.created_at)
    )
    page_a.goto(f"/es/rooms/{room.pk}/")
    expect(page_a.locator("#room-status")).to_contain_text("En vivo")
    lima = live.created_at.astimezone(LIMA)
    spanish = _spaces(page_a.locator(f"#message-{live.pk} time").inner_text())
    assert spanish == f"{lima.day}/{lima.month}/{lima:%y}, {lima.hour}:{lima:%M}", spanish
    page_a.goto(path)
    expect(page_a.locator("#room-status")).to_contain_text("Live")

    # 6. Buttons say which message they act on (server-drawn and live alike).
    expect(page_a.get_by_role("button", name=re.compile(r"^Report Carla Mendes "))).to_have_count(1)
    expect(page_a.get_by_role("button", name=re.compile(r"^Report Bruno Costa "))).to_have_count(1)

    # 6. The moderator mutes Bruno from his live message, then lets him post again.
    newer = page_m.locator(f"#message-{live.pk}")
    expect(newer).to_contain_text("¿seguimos con el registro social?")
    newer.get_by_role("button", name=re.compile(r"^Mute the author for an hour Bruno")).click()
    expect(page_b.locator("#room-posting")).to_contain_text("A moderator muted you")
    expect(page_b.locator("#room-form")).to_be_hidden()
    assert Mute.objects.filter(room=room, user=people["bruno"]).exists()
    unmute = newer.get_by_role("button", name=re.compile(r"^Let the author post again Bruno"))
    unmute.click()
    expect(page_b.locator("#room-form")).to_be_visible()
    assert not Mute.objects.filter(room=room, user=people["bruno"]).exists()
    expect(newer.get_by_role("button", name=re.compile(r"^Mute the author"))).to_be_visible()

    # 4. Bruno leaves: the others see it.
    page_b.close()
    expect(online_a).not_to_contain_text("Bruno Costa", timeout=5_000)
    expect(online_a).to_contain_text("Sofía Herrera")


    # No axe violation on the room page, live, in four languages (moderator and member).
    for language in ("en", "es", "fr", "pt"):
        with translation.override(language):
            live_text = translation.gettext("Live: new messages appear as they are posted.")
        for page in (page_m, page_a):
            page.goto(f"/{language}/rooms/{room.pk}/")
            expect(page.locator("#room-status")).to_have_text(live_text)
            assert axe_violations(page) == [], language


def test_exchange_page_links_its_room_and_the_link_opens_it_live(browser_as):
    """Issue 17 point 7: from the exchange page to its room, for a party."""
    from playwright.sync_api import expect

    from exchanges.models import State
    from rooms.services import room_for_parent
    from tests.factories import focal_point_for
    from tests.factories.exchanges import request_in

    req = request_in(State.PROVIDER_MATCHED)
    room = room_for_parent(parent=req)
    page = browser_as(focal_point_for(req.requesting_agency))
    page.goto(f"/en/exchanges/{req.pk}/")
    page.get_by_role("link", name=re.compile(r"^Discussion room: ")).click()
    expect(page).to_have_url(re.compile(rf"/en/rooms/{room.pk}/$"))
    expect(page.locator("#room-status")).to_contain_text("Live")
