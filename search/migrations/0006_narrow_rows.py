"""PostgreSQL: narrow document rows, and a title vector for ranking.

Every text and the search vector of a document row are now kept out of line
(``toast_tuple_target`` at its minimum, the search vector back to the default storage): the rows
a query matches are then read from a small fraction of the space, and a match needs no vector at
all (the GIN index answers it). Ranking reads only the small
``title_vector``, kept in the row. Existing rows
are rewritten so they move out of line and gain their title vector. No-op on SQLite.
"""

import django.contrib.postgres.search
from django.db import migrations

from search.engines.database.base import DOC_TABLE
from search.engines.database.postgresql import PostgresText


def narrow_rows(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {DOC_TABLE} SET (toast_tuple_target = 128)")
    schema_editor.execute(
        f"ALTER TABLE {DOC_TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED"
    )
    # The small title vector stays in the row: ranking reads it for every title match.
    schema_editor.execute(f"ALTER TABLE {DOC_TABLE} ALTER COLUMN title_vector SET STORAGE MAIN")
    schema_editor.execute(
        f"UPDATE {DOC_TABLE} SET title_vector = {PostgresText.title_vector()}, "  # noqa: S608
        "search_vector = search_vector || ''::tsvector"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS puente_search_title_gin ON {DOC_TABLE} "
        "USING gin (title_vector)"
    )


def wide_rows(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS puente_search_title_gin")
        schema_editor.execute(f"ALTER TABLE {DOC_TABLE} RESET (toast_tuple_target)")


class Migration(migrations.Migration):

    dependencies = [("puente_search", "0005_vector_inline")]

    operations = [
        migrations.AddField(
            model_name='searchdocument',
            name='title_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(narrow_rows, wide_rows),
    ]
