"""A rebuild on PostgreSQL leaves its tables vacuumed once it has committed."""

from django.db import connection

import pytest

from search.engines.database import DatabaseEngine
from search.engines.vocabulary import TABLE as VOCABULARY
from search.indexing import live_pages
from search.models import SearchDocument


def _last_vacuums() -> dict[str, object]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE relname IN (%s, %s)",
            [SearchDocument._meta.db_table, VOCABULARY],
        )
        return dict(cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="VACUUM is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_committed_rebuild_vacuums_the_index_and_the_vocabulary(publish):
    publish("es", title="Registro social de hogares", summary="Focalización de programas.")
    before = _last_vacuums()
    assert DatabaseEngine().rebuild(live_pages()) == SearchDocument.objects.count() > 1
    after = _last_vacuums()
    for table in (SearchDocument._meta.db_table, VOCABULARY):
        assert after[table] is not None and after[table] != before.get(table)
