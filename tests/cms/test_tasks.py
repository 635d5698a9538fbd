"""At scale, background work is queued in the database and run by `manage.py db_worker`."""

from django.core import mail
from django.core.management import call_command

import pytest

from cms.notify import notify
from tests.factories import UserFactory

# The worker closes the database connections it finds, as a long-running process must: the test
# commits for real (a transaction left open in the test would be closed under it).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}


def test_notify_queues_in_the_database_and_the_worker_sends(
    database_queue, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    person = UserFactory(first_name="Ana", preferred_language="en")
    context = {"author": "Bruno", "room": "Registro único", "room_id": 7, "text": "Hola"}
    with django_capture_on_commit_callbacks(execute=True):
        notify([person], "rooms/mention", context)
    assert mail.outbox == []
    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, no_startup_delay=True)
    result = DBTaskResult.objects.get()
    assert result.status == "SUCCESSFUL", result.exception_class_path
    assert [m.subject for m in mail.outbox] == ["Bruno mentioned you in “Registro único”"]
    assert mail.outbox[0].to == [person.email]
