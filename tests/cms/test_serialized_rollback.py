"""The suite's own ground: every transactional test starts on the migrations' data.

Seen in CI: a browser test errored at set-up with "UNIQUE constraint failed:
django_content_type.app_label, django_content_type.model" when an earlier test in the same worker
had cleared the content-type cache. Wagtail's ``Task.__init__`` looks its content type up while
serialized rollback rebuilds the task rows; with the cache cold and the content types not yet
restored, the lookup created one under the next id, and the restored row then collided with it.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_migrations_data_comes_back_after_a_flush_with_a_cold_content_type_cache():
    contents = connection._test_serialized_contents
    expected = {
        (row["pk"], row["fields"]["app_label"], row["fields"]["model"])
        for row in json.loads(contents)
        if row["model"] == "contenttypes.contenttype"
    }
    # What a transactional test's teardown does (sequences left where they are)…
    call_command(
        "flush", verbosity=0, interactive=False, reset_sequences=False, inhibit_post_migrate=True
    )
    ContentType.objects.clear_cache()  # …after a test emptied the cache…
    # …and what the next one's set-up does.
    connection.creation.deserialize_db_from_string(contents)

    assert set(ContentType.objects.values_list("pk", "app_label", "model")) == expected
