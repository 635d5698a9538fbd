"""Issue #16.16: a backup (database + media + private attachments) restores into a fresh
database and fresh directories with every row and file, and attachment downloads work there."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.db import connection
from django.utils.functional import empty

import pytest

from cms.operations.backups import backup
from exchanges import models as exchange_models
from tests.exchanges.documents import PDF
from tests.factories import AgencyFactory, focal_point_for
from tests.factories.exchanges import request_in

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, env):
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env, capture_output=True, text=True, timeout=300, cwd=ROOT,
    )


@pytest.fixture
def fresh_database(tmp_path):
    """A DATABASE_URL for a database nobody has used yet (SQLite file or new PostgreSQL db)."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"puente_restore_{uuid.uuid4().hex[:8]}"
    db = django_settings.DATABASES["default"]
    host, port, user = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432, db["USER"]
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{user}@{host}:{port}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_backup_restores_every_row_and_file_and_attachments_download(
    tmp_path, settings, fresh_database
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EXCHANGES_ATTACHMENT_ROOT = tmp_path / "private"
    settings.BACKUP_FILE_ROOTS = {
        "media": settings.MEDIA_ROOT, "exchanges": settings.EXCHANGES_ATTACHMENT_ROOT
    }
    exchange_models.private_storage._wrapped = empty  # read the new root
    agency = AgencyFactory()
    person = focal_point_for(agency)
    req = request_in("draft", requester=person, requesting_agency=agency)
    attachment = exchange_models.Attachment(
        request=req, original_name="plan.pdf", content_type="application/pdf", size=len(PDF)
    )
    attachment.file.save("plan.pdf", ContentFile(PDF), save=True)
    (settings.MEDIA_ROOT / "images").mkdir(parents=True)
    (settings.MEDIA_ROOT / "images" / "logo.png").write_bytes(b"\x89PNG fake")

    manifest = backup(tmp_path / "backup")
    assert manifest["rows"]["exchanges_attachment"] == 1

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": fresh_database,
        "MEDIA_ROOT": str(tmp_path / "media2"),
        "PRIVATE_ROOT": str(tmp_path / "private-root2"),
        "EXCHANGES_ATTACHMENT_ROOT": str(tmp_path / "private2"),
        "ALLOWED_HOSTS": "testserver,localhost",
    }
    restored = _manage("restore", str(tmp_path / "backup"), env=env)
    assert restored.returncode == 0, restored.stderr + restored.stdout
    assert (tmp_path / "media2" / "images" / "logo.png").exists()

    download = _manage(
        "shell", "-c",
        "from django.test import Client\n"
        "from exchanges.models import Attachment\n"
        "from cms.accounts.models import User\n"
        f"c = Client(); c.force_login(User.objects.get(pk={person.pk}))\n"
        f"r = c.get(Attachment.objects.get(pk={attachment.pk}).get_absolute_url())\n"
        "print(r.status_code, b''.join(r.streaming_content if r.streaming else [r.content])"
        " == " + repr(PDF) + ")",
        env=env,
    )
    assert download.stdout.strip().endswith("200 True"), download.stderr + download.stdout


@pytest.mark.django_db
def test_backup_refuses_a_directory_that_is_not_empty(tmp_path):
    (tmp_path / "old").write_text("x")
    with pytest.raises(FileExistsError):
        backup(tmp_path)
