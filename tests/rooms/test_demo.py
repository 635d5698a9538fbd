from io import StringIO

from django.core.management import call_command

import pytest

from cms.accounts import demo as accounts_demo
from cms.directory import demo as directory_demo
from cms.directory.models import Network
from rooms import demo
from rooms.models import Message, Room


@pytest.mark.django_db
def test_seed_creates_rooms_with_messages_and_is_idempotent():
    directory_demo.seed(StringIO())
    accounts_demo.seed(StringIO())
    out = StringIO()
    demo.seed(out)
    rooms, messages = Room.objects.count(), Message.objects.count()
    assert Room.objects.filter(kind="network").count() == Network.objects.count()
    assert Room.objects.filter(content_type__isnull=True).count() == 1
    assert messages > 0
    assert "may enter:" in out.getvalue() and "focal.pe@puente.test" in out.getvalue()
    demo.seed(StringIO())
    assert (Room.objects.count(), Message.objects.count()) == (rooms, messages)


@pytest.mark.django_db
def test_purge_command(settings):
    settings.ROOMS_RETENTION_DAYS = {"default": 1}
    out = StringIO()
    call_command("purge_rooms", "--dry-run", stdout=out)
    assert "0 message(s) would be deleted" in out.getvalue()
