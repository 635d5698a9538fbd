"""The full-text index beside the documents table: FTS5 on SQLite, GIN + unaccent on PostgreSQL."""

from django.db import migrations


def create_fulltext(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS puente_search_fts USING fts5("
            "title, summary, body, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS puente_search_vector_gin "
            "ON puente_search_searchdocument USING gin (search_vector)"
        )


def drop_fulltext(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS puente_search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS puente_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("puente_search", "0001_initial")]

    operations = [migrations.RunPython(create_fulltext, drop_fulltext)]
