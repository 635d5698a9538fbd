"""At scale, background work is queued in the database and run by `manage.py db_worker`."""

from django.core import mail
from django.core.management import call_command

import pytest

from cms.notify import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": settings.TASKS_BACKENDS["database"]}}


def test_notify_queues_in_the_database_and_the_worker_sends(
    database_queue, django_capture_on_commit_callbacks, tmp_path, settings
):
    settings.TEMPLATES[0]["DIRS"] = [tmp_path, *settings.TEMPLATES[0]["DIRS"]]
    (tmp_path / "email").mkdir()
    (tmp_path / "email" / "probe_subject.txt").write_text("Hello {{ recipient.first_name }}")
    (tmp_path / "email" / "probe.txt").write_text("Body for {{ recipient.email }}")
    person = UserFactory(first_name="Ana")
    with django_capture_on_commit_callbacks(execute=True):
        notify([person], "probe", {})
    assert mail.outbox == []
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.count() == 1
    call_command("db_worker", batch=True, no_startup_delay=True)
    assert [m.subject for m in mail.outbox] == ["Hello Ana"]
    assert mail.outbox[0].to == [person.email]
