from datetime import timedelta

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from cms.accounts import roles
from rooms.models import Mention, Message, MessageReport, Mute
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, staff_of
from tests.factories.rooms import MessageFactory, network_room


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def room(db):
    return network_room(NetworkFactory(members=[AgencyFactory()]))


@pytest.fixture
def member(room):
    return staff_of(room.parent.members.get())


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.SECRETARIAT])


def url(room, lang="en"):
    return f"/{lang}/rooms/{room.pk}/"


def test_anonymous_is_sent_to_login(client, room):
    response = client.get(url(room))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_outsider_gets_404_and_cannot_post(client, room):
    client.force_login(UserFactory(agency=AgencyFactory()))
    assert client.get(url(room)).status_code == 404
    assert client.post(url(room), {"body": "hi"}).status_code == 404
    assert not Message.objects.exists()


def test_history_is_rendered_escaped(client, room, member):
    MessageFactory(room=room, author=member, body="<script>alert(1)</script> Hola")
    client.force_login(member)
    response = client.get(url(room))
    content = response.content.decode()
    assert response.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Hola" in content
    assert "<script>alert(1)" not in content
    assert 'src="/static/rooms/room.js"' in content


# The brief's budget: 15 queries per page, shared shell included. Measured 2026-11-28 with the
# lead's reworked shell: 9 for a member (session, user, roles and the two header badges: 5; the
# room, its parent, the parent policy and the history: 4 — the person's mute comes with the
# room), one more for a moderator (the report queue).
MEMBER_QUERIES = 15
MODERATOR_QUERIES = 15


def _queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_page_query_count_is_constant_as_history_grows(client, room, member):
    MessageFactory.create_batch(3, room=room, author=staff_of(member.agency))
    client.force_login(member)
    client.get(url(room))
    few = _queries_for(client, url(room))
    for _n in range(60):
        MessageFactory(room=room, author=staff_of(member.agency))
    # New people empty the shell's cached permissions: one visit refills them (shell, not room).
    client.get(url(room))
    assert _queries_for(client, url(room)) == few <= MEMBER_QUERIES


def test_moderator_page_query_count_is_bounded(client, room, member, moderator,
                                               django_assert_max_num_queries):
    for message in MessageFactory.create_batch(20, room=room, author=member):
        MessageReport.objects.create(message=message, reporter=UserFactory())
    client.force_login(moderator)
    client.get(url(room))
    with django_assert_max_num_queries(MODERATOR_QUERIES):
        response = client.get(url(room))
    assert response.content.decode().count('data-report="') == 20


def test_post_without_javascript(client, room, member):
    client.force_login(member)
    response = client.post(url(room), {"body": "  Saludos desde Lima  "})
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#message-{message.pk}")
    assert message.body == "Saludos desde Lima" and message.author == member


def test_empty_post_shows_an_error(client, room, member):
    client.force_login(member)
    response = client.post(url(room), {"body": "   "})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert not Message.objects.exists()


def test_rate_limit_on_the_form(client, room, member):
    client.force_login(member)
    for n in range(5):
        assert client.post(url(room), {"body": f"m{n}"}).status_code == 302
    response = client.post(url(room), {"body": "m5"})
    assert response.status_code == 400
    assert "Slow down" in response.content.decode()
    assert Message.objects.count() == 5


def test_locked_room_has_no_form_for_members(client, room, member):
    room.locked = True
    room.save()
    client.force_login(member)
    content = client.get(url(room)).content.decode()
    assert 'id="room-form"' not in content
    assert client.post(url(room), {"body": "hi"}).status_code == 400
    assert not Message.objects.exists()


def test_report_delete_hide_and_mute_through_forms(client, room, member, moderator):
    other = staff_of(member.agency)
    message = MessageFactory(room=room, author=other)
    client.force_login(member)
    action = reverse("rooms:message_action", args=[room.pk, message.pk, "report"])
    assert client.post(action, {"reason": "Off topic"}).status_code == 302
    assert MessageReport.objects.get().reason == "Off topic"
    # A member may not hide or mute.
    client.post(reverse("rooms:message_action", args=[room.pk, message.pk, "hide"]))
    client.post(reverse("rooms:message_action", args=[room.pk, message.pk, "mute"]))
    message.refresh_from_db()
    assert message.hidden_at is None and not Mute.objects.exists()
    # A member may delete their own message.
    own = MessageFactory(room=room, author=member)
    client.post(reverse("rooms:message_action", args=[room.pk, own.pk, "delete"]))
    own.refresh_from_db()
    assert own.deleted_at is not None

    client.force_login(moderator)
    page = client.get(url(room)).content.decode()
    assert "Reported messages" in page and "Off topic" in page
    client.post(reverse("rooms:message_action", args=[room.pk, message.pk, "hide"]))
    client.post(reverse("rooms:message_action", args=[room.pk, message.pk, "mute"]))
    message.refresh_from_db()
    assert message.hidden_at is not None
    assert Mute.objects.get().user == other
    assert MessageReport.objects.get().status == MessageReport.Status.HIDDEN


def test_unknown_action_is_404(client, room, member):
    message = MessageFactory(room=room, author=member)
    client.force_login(member)
    response = client.post(f"/en/rooms/{room.pk}/messages/{message.pk}/explode/")
    assert response.status_code == 404


def test_lock_toggle_is_for_moderators(client, room, member, moderator):
    client.force_login(member)
    assert client.post(reverse("rooms:lock", args=[room.pk])).status_code == 404
    client.force_login(moderator)
    client.post(reverse("rooms:lock", args=[room.pk]))
    room.refresh_from_db()
    assert room.locked


def test_promote_creates_a_draft_and_opens_the_editor(client, home_pages, room, member,
                                                      moderator):
    MessageFactory(room=room, author=member, body="How do you register informal workers?")
    client.force_login(member)
    assert client.post(reverse("rooms:promote", args=[room.pk]), {"title": "FAQ"}).status_code \
        == 404
    client.force_login(moderator)
    response = client.post(reverse("rooms:promote", args=[room.pk]), {"title": "FAQ"})
    assert response.status_code == 302 and "/admin/pages/" in response["Location"]


def test_index_lists_readable_rooms_and_mentions(client, room, member):
    hidden_room = network_room(NetworkFactory(members=[AgencyFactory()]))
    message = MessageFactory(room=room, author=staff_of(member.agency))
    Mention.objects.create(message=message, user=member)
    client.force_login(member)
    content = client.get("/en/rooms/").content.decode()
    assert room.title in content and hidden_room.title not in content
    assert "You were mentioned" in content
    # Shown once on this list, the mention no longer counts in the header badge.
    assert Mention.objects.get().seen_at is not None


@pytest.mark.parametrize(
    ("lang", "text"),
    [("es", "Conversación"), ("fr", "Conversation"), ("pt", "Conversa"), ("en", "Conversation")],
)
def test_page_in_four_languages(client, room, member, lang, text):
    client.force_login(member)
    content = client.get(url(room, lang)).content.decode()
    assert f"<h2 id=\"thread-heading\">{text}</h2>" in content


def test_muted_member_sees_until_when_and_no_form(client, room, member, moderator):
    from datetime import timedelta

    from django.utils import timezone

    Mute.objects.create(room=room, user=member, by=moderator,
                        until=timezone.now() + timedelta(minutes=30))
    client.force_login(member)
    content = client.get(url(room)).content.decode()
    assert "A moderator muted you in this room until" in content
    assert 'id="room-form"' not in content
    Mute.objects.update(until=timezone.now() - timedelta(minutes=1))  # expired
    content = client.get(url(room)).content.decode()
    assert 'id="room-form"' in content and "muted you" not in content


def test_header_badge_counts_the_mentions_not_yet_shown(client, home_page, room, member):
    author = staff_of(member.agency)
    for _ in range(23):
        Mention.objects.create(message=MessageFactory(room=room, author=author), user=member)
    client.force_login(member)
    badge = 'Rooms <span class="badge">{}<span class="visually-hidden"> new</span>'
    assert badge.format(23) in client.get("/en/").content.decode()
    # The list shows 20 and marks them seen; its own header counts the 3 left.
    assert badge.format(3) in client.get("/en/rooms/").content.decode()
    assert badge.format(3) in client.get("/en/").content.decode()
    content = client.get("/en/rooms/").content.decode()
    assert 'Rooms <span class="badge">' not in content  # the last 3 shown: nothing left
    assert Mention.objects.filter(seen_at__isnull=True).count() == 0


def test_moderator_lets_a_muted_author_post_again_without_javascript(client, room, member,
                                                                     moderator):
    """Issue 17 point 6: an "Unmute" beside the messages of a muted person; every message
    button is named after its message (its author and time) for screen readers."""
    message = MessageFactory(room=room, author=member)
    Mute.objects.create(room=room, user=member, by=moderator,
                        until=timezone.now() + timedelta(hours=1))
    client.force_login(moderator)
    html = client.get(url(room)).content.decode()
    assert ">Let the author post again</button>" in html
    assert ">Mute the author for an hour</button>" not in html
    assert (f'id="message-{message.pk}-hide" aria-labelledby="message-{message.pk}-hide '
            f'message-{message.pk}-meta"') in html
    assert f'<p class="room-meta" id="message-{message.pk}-meta">' in html
    assert 'role="log"' in html
    response = client.post(f"{url(room)}messages/{message.pk}/unmute/")
    assert response.status_code == 302
    assert not Mute.objects.filter(room=room, user=member).exists()
    html = client.get(url(room)).content.decode()
    assert ">Mute the author for an hour</button>" in html
    assert ">Let the author post again</button>" not in html


def test_a_room_title_in_another_language_than_the_page_is_marked(client, room, member):
    """Issue 17.12: screen readers read a Spanish room name with a Spanish voice on a French
    page (the rooms list and the room page), and nothing is marked on a Spanish page."""
    room.language = "es"
    room.save(update_fields=["language"])
    client.force_login(member)
    listing = client.get("/fr/rooms/").content.decode()
    assert f'<h3 lang="es"><a href="/fr/rooms/{room.pk}/">{room.title}</a></h3>' in listing
    assert f'<h1 lang="es">{room.title}</h1>' in client.get(url(room, "fr")).content.decode()
    assert f"<h1>{room.title}</h1>" in client.get(url(room, "es")).content.decode()
