"""PostgreSQL: keep the GIN indexes' pending lists short.

New entries wait in a pending list that every search reads from end to end until it is merged
(by VACUUM or when it outgrows ``gin_pending_list_limit``, 4 MB by default). A list of a few
megabytes made each search several times slower; 256 kB keeps publishing cheap and searching
fast. A rebuild merges the list when it ends. No-op on SQLite.
"""

from django.db import migrations

from search.engines.database.base import GIN_INDEXES


def short_lists(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in GIN_INDEXES:
            schema_editor.execute(f"ALTER INDEX {index} SET (gin_pending_list_limit = 256)")
            schema_editor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])


def default_lists(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in GIN_INDEXES:
            schema_editor.execute(f"ALTER INDEX {index} RESET (gin_pending_list_limit)")


class Migration(migrations.Migration):
    dependencies = [("puente_search", "0006_narrow_rows")]

    operations = [migrations.RunPython(short_lists, default_lists)]
