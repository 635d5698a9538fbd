"""The database engine's vocabulary: edit distance, allowed edits, upkeep with the index."""

from django.db import connection

import pytest

from search.engines import vocabulary
from search.engines.database import DatabaseEngine
from search.indexing import live_pages


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("migracion", "migracion", 0),
        ("migracoin", "migracion", 1),  # two neighbouring letters swapped: one edit
        ("migrcion", "migracion", 1),
        ("migrasion", "migracion", 1),
        ("pobresa", "pobreza", 1),
        ("abc", "xyz", 3),
    ],
)
def test_distance_counts_swaps_as_one_edit(a, b, expected):
    assert vocabulary.distance(a, b, 5) == expected


def test_distance_stops_above_the_limit():
    assert vocabulary.distance("migracion", "educacion", 2) == 3
    assert vocabulary.distance("a", "abcdef", 2) == 3


def test_allowed_edits_follow_elasticsearch_auto():
    assert [vocabulary.max_edits(w) for w in ("ab", "abc", "abcde", "abcdef")] == [0, 1, 1, 2]


def test_words_are_folded_alphabetic_and_long_enough():
    assert vocabulary.words_of("Migración, 2021: el PROGRAMA a_b ok") == {
        "migracion", "programa"
    }


def _words():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT word, documents FROM {vocabulary.TABLE}")  # noqa: S608
        return dict(cursor.fetchall())


def test_indexing_counts_words_and_a_rebuild_starts_over(db, publish):
    engine = DatabaseEngine()
    publish("es", title="Migración segura", summary="Migración ordenada.")
    publish("es", title="Pensión", summary="Migración de retorno.")
    engine.rebuild(live_pages())
    words = _words()
    assert words["migracion"] == 2 and words["segura"] == 1 and words["pension"] == 1
    engine.rebuild([])
    assert _words() == {}


def test_the_corrected_query_is_announced_escaped_in_each_language():
    from django.utils import translation

    from search.engines import SearchResults

    results = SearchResults(total=1, page=1, per_page=10, hits=[], corrected="migracion <b>")
    assert SearchResults(total=0, page=1, per_page=10, hits=[]).corrected_notice == ""
    with translation.override("es"):
        assert results.corrected_notice == (
            "Mostrando resultados para <strong>migracion &lt;b&gt;</strong>"
        )
    with translation.override("fr"):
        assert results.corrected_notice.startswith("Résultats pour <strong>")
