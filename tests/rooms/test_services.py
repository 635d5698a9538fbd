from datetime import timedelta

from django.core import mail
from django.core.cache import cache
from django.utils import timezone

import pytest

from cms.accounts import roles
from cms.pages.models import StandardPage
from rooms import for_parent, selectors, services
from rooms.models import Mention, Message, MessageReport, Mute, Room
from rooms.services import RoomError
from tests.factories import AgencyFactory, NetworkFactory, UserFactory, staff_of
from tests.factories.rooms import MessageFactory, RoomFactory, network_room


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def room(db):
    agency = AgencyFactory()
    return network_room(NetworkFactory(members=[agency]))


@pytest.fixture
def member(room):
    return staff_of(room.parent.members.get(), first_name="Lucía")


@pytest.fixture
def moderator(db):
    return UserFactory(roles=[roles.SECRETARIAT])


def test_for_parent_creates_one_room_per_parent(db):
    network = NetworkFactory(name_en="Social protection network")
    room = for_parent(network)
    assert (room.kind, room.title, room.parent) == ("network", "Social protection network",
                                                   network)
    assert for_parent(network) == room
    assert Room.objects.count() == 1


def test_post_saves_and_broadcasts_after_commit(room, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        message = services.message_post(room=room, user=member, body=" Hola ")
    assert Message.objects.get().body == "Hola" == message.body
    assert len(callbacks) == 1  # the notification waits for the commit


def test_refused_post_leaves_nothing(room, django_capture_on_commit_callbacks):
    outsider = UserFactory(agency=AgencyFactory())
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(RoomError) as error:
        services.message_post(room=room, user=outsider, body="hello")
    assert error.value.code == "forbidden"
    assert not Message.objects.exists() and not callbacks


def test_rate_limit_is_per_person_and_room(room, member, settings):
    settings.ROOMS_RATE_LIMIT = "2/10"
    other_room = RoomFactory(members=[member])
    services.message_post(room=room, user=member, body="1")
    services.message_post(room=room, user=member, body="2")
    with pytest.raises(RoomError) as error:
        services.message_post(room=room, user=member, body="3")
    assert error.value.code == "rate_limited"
    services.message_post(room=other_room, user=member, body="elsewhere")
    assert Message.objects.count() == 3


def test_mentions_notify_members_only_by_email_and_in_app(
    room, member, django_capture_on_commit_callbacks
):
    author = staff_of(room.parent.members.get())
    outsider = UserFactory(first_name="Lucía", agency=AgencyFactory())
    with django_capture_on_commit_callbacks(execute=True):
        message = services.message_post(room=room, user=author, body="Gracias @Lucía. Y @nobody")
    assert list(Mention.objects.values_list("user", flat=True)) == [member.pk]
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "Gracias @Lucía" in mail.outbox[0].body
    assert f"/rooms/{room.pk}/" in mail.outbox[0].body
    assert outsider.pk not in Mention.objects.values_list("user", flat=True)
    assert message.mentions.count() == 1


def test_mention_by_email_handle(room, member):
    author = staff_of(room.parent.members.get())
    handle = member.email.split("@")[0]
    services.message_post(room=room, user=author, body=f"cc @{handle}.")
    assert Mention.objects.filter(user=member).exists()


def test_hide_resolves_reports_and_dismiss(room, member, moderator):
    reporter = staff_of(room.parent.members.get())
    message = MessageFactory(room=room, author=member)
    report = services.message_report(message=message, user=reporter, reason="spam")
    with pytest.raises(RoomError):
        services.message_hide(message=message, by=reporter)
    services.message_hide(message=message, by=moderator)
    report.refresh_from_db()
    assert report.status == MessageReport.Status.HIDDEN and report.resolved_by == moderator
    other = services.message_report(
        message=MessageFactory(room=room, author=member), user=reporter
    )
    services.report_dismiss(report=other, by=moderator)
    with pytest.raises(RoomError):
        services.report_dismiss(report=other, by=moderator)


def test_cannot_report_own_message(room, member):
    with pytest.raises(RoomError):
        services.message_report(message=MessageFactory(room=room, author=member), user=member)


def test_moderators_cannot_be_muted(room, moderator):
    other_moderator = UserFactory(roles=[roles.SECRETARIAT])
    with pytest.raises(RoomError) as error:
        services.user_mute(room=room, user=other_moderator, by=moderator, minutes=5)
    assert error.value.code == "forbidden"
    assert not Mute.objects.exists()


def test_expired_mute_no_longer_applies(room, member, moderator, time_machine):
    services.user_mute(room=room, user=member, by=moderator, minutes=5)
    with pytest.raises(RoomError):
        services.message_post(room=room, user=member, body="x")
    time_machine.move_to(timezone.now() + timedelta(minutes=6))
    services.message_post(room=room, user=member, body="back")


def test_history_before_and_after(room, member):
    messages = MessageFactory.create_batch(5, room=room, author=member)
    page, more = selectors.room_history(room=room, user=member, limit=2)
    assert [m.pk for m in page] == [messages[3].pk, messages[4].pk] and more
    page, more = selectors.room_history(room=room, user=member, before=messages[1].pk)
    assert [m.pk for m in page] == [messages[0].pk] and not more
    page, more = selectors.room_history(room=room, user=member, after=messages[2].pk)
    assert [m.pk for m in page] == [messages[3].pk, messages[4].pk] and not more


def test_purge_keeps_messages_per_kind(room, member, settings):
    settings.ROOMS_RETENTION_DAYS = {"network": 30, "default": 365}
    standalone = RoomFactory(members=[member])
    old_network = MessageFactory(room=room, author=member)
    recent_network = MessageFactory(room=room, author=member)
    old_standalone = MessageFactory(room=standalone, author=member)
    Message.objects.filter(pk__in=[old_network.pk, old_standalone.pk]).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    assert services.purge(dry_run=True) == {"network": 1, "standalone": 0}
    assert Message.objects.count() == 3
    assert services.purge() == {"network": 1, "standalone": 0}
    assert set(Message.objects.values_list("pk", flat=True)) == {
        recent_network.pk, old_standalone.pk
    }


def test_promote_thread_makes_a_draft_page_in_the_room_language(home_pages, room, member,
                                                                moderator):
    room.language = "es"
    room.save()
    MessageFactory(room=room, author=member, body="Primera idea")
    MessageFactory(room=room, author=member, body="Oculto", hidden_at=timezone.now())
    with pytest.raises(RoomError):
        services.thread_promote(room=room, by=member, title="Nope")
    page = services.thread_promote(room=room, by=moderator, title="Preguntas frecuentes")
    page = StandardPage.objects.get(pk=page.pk)
    assert page.live is False
    assert page.get_parent().pk == home_pages["es"].pk
    quotes = [block.value["text"] for block in page.body]
    assert quotes == ["Primera idea"]


def test_standalone_room_only_by_secretariat(db, moderator, member):
    with pytest.raises(RoomError):
        services.room_create(title="Mine", by=member)
    room = services.room_create(title="Coordination", by=moderator, members=[member])
    assert room.is_standalone and list(room.members.all()) == [member]


def test_mention_email_is_rendered_in_the_recipients_language(
    room, member, django_capture_on_commit_callbacks
):
    member.preferred_language = "es"
    member.save()
    author = staff_of(room.parent.members.get(), first_name="Ana", last_name="Pérez")
    with django_capture_on_commit_callbacks(execute=True):
        services.message_post(room=room, user=author, body="@Lucía: ¿y los datos <de> 2024?")
    [email] = mail.outbox
    assert email.subject == f"Ana Pérez le mencionó en «{room.title}»"
    assert "¿y los datos <de> 2024?" in email.body  # plain text: nothing escaped
    assert f"/es/rooms/{room.pk}/" in email.body
