"""The database engine's vocabulary: every indexed word, for "Showing results for …".

On PostgreSQL the words carry a trigram index (``pg_trgm``) so that close spellings are found
by the database; on SQLite the engine compares the candidates sharing a first letter itself.
"""

from django.db import migrations

from search.engines import vocabulary

TABLE = "puente_search_vocabulary"


def create_vocabulary(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    schema_editor.execute(
        f"CREATE TABLE IF NOT EXISTS {TABLE} ("
        "word varchar(40) NOT NULL PRIMARY KEY, documents integer NOT NULL DEFAULT 0)"
    )
    if vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS puente_search_vocabulary_trgm "
            f"ON {TABLE} USING gin (word gin_trgm_ops)"
        )
    # The documents indexed before this migration lend their words at once.
    SearchDocument = apps.get_model("puente_search", "SearchDocument")
    texts = SearchDocument.objects.values_list("title", "summary", "body").iterator(chunk_size=2000)
    batch = []
    for title, summary, body in texts:
        batch.append(f"{title} {summary} {body}")
        if len(batch) == 2000:
            vocabulary.add(batch, connection=schema_editor.connection)
            batch = []
    vocabulary.add(batch, connection=schema_editor.connection)


def drop_vocabulary(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("puente_search", "0003_review_workflow")]

    operations = [migrations.RunPython(create_vocabulary, drop_vocabulary)]
