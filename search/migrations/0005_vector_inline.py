"""PostgreSQL: keep each document's search vector inline (compressed) beside its row.

Stored out of line (TOAST, the default), every row a query matches or ranks costs a lookup in
the TOAST table; on a large index that made matching and ranking several times slower, and
hid the cost from the planner. Existing vectors are re-stored so they move inline too.
"""

from django.db import migrations

TABLE = "puente_search_searchdocument"


def store_inline(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN")
        schema_editor.execute(
            f"UPDATE {TABLE} SET search_vector = search_vector || ''::tsvector "  # noqa: S608
            "WHERE search_vector IS NOT NULL"
        )


def store_apart(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED"
        )


class Migration(migrations.Migration):
    dependencies = [("puente_search", "0004_vocabulary")]

    operations = [migrations.RunPython(store_inline, store_apart)]
