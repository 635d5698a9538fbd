"""The contract every engine honours, run against each engine available here.

The database engine always runs (on SQLite or PostgreSQL, whichever the suite uses);
Elasticsearch runs when ELASTICSEARCH_URL points at a server.
"""

import uuid
from dataclasses import replace

from django.conf import settings

import pytest

from search.engines import SearchQuery
from search.engines.database import DatabaseEngine
from search.indexing import live_pages
from tests.factories import AgencyFactory, CountryFactory, PopulationGroupFactory, ThemeFactory


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, db):
    if request.param == "database":
        yield DatabaseEngine()
        return
    if not settings.ELASTICSEARCH_URL:
        pytest.skip("ELASTICSEARCH_URL is not set: no Elasticsearch server to test against")
    from search.engines.elastic import ElasticsearchEngine

    engine = ElasticsearchEngine(settings.ELASTICSEARCH_URL, prefix=f"test-{uuid.uuid4().hex}")
    yield engine
    engine.client.indices.delete(index=f"{engine.alias}-*", ignore_unavailable=True)


@pytest.fixture
def corpus(publish, cash_transfers, peru, engine):
    brazil = CountryFactory(code="BR", name_en="Brazil")
    older = PopulationGroupFactory(slug="older-persons", name_en="Older persons")
    migration = ThemeFactory(slug="migration", name_en="Migration")
    pages = {
        "pension": publish(
            "es", title="Pensión 65 para personas mayores", summary="Pensión no contributiva.",
            country=peru, agency=AgencyFactory(country=peru), themes=[cash_transfers],
            population_groups=[older], start_year=2012,
        ),
        "registry": publish(
            "pt", title="Cadastro Único", summary="Registro social para transferências.",
            country=brazil, agency=AgencyFactory(country=brazil), themes=[cash_transfers],
            start_year=2003,
        ),
        "migration": publish(
            "es", title="Regularización migratoria", summary="Migración ordenada y segura.",
            country=peru, agency=AgencyFactory(country=peru), themes=[migration],
            start_year=2021,
        ),
        "older-brazil": publish(
            "pt", title="Cuidado de idosos", summary="Centros-dia para pessoas idosas.",
            country=brazil, agency=AgencyFactory(country=brazil), population_groups=[older],
            start_year=2018,
        ),
    }
    engine.rebuild(live_pages())
    return pages


def ids(results):
    return [h.page_id for h in results.hits]


def counts(results, facet):
    return {f.value: f.count for f in results.facets[facet]}


def test_everything_without_query(engine, corpus):
    results = engine.search(SearchQuery())
    assert results.total == 4
    assert counts(results, "country") == {"PE": 2, "BR": 2}
    assert counts(results, "language") == {"es": 2, "pt": 2}
    assert counts(results, "theme") == {"cash-transfers": 2, "migration": 1}
    assert counts(results, "population") == {"older-persons": 2}
    assert counts(results, "year") == {"2012": 1, "2003": 1, "2021": 1, "2018": 1}


def test_accent_folding(engine, corpus):
    assert ids(engine.search(SearchQuery(text="migracion"))) == [corpus["migration"].pk]
    assert ids(engine.search(SearchQuery(text="PENSION"))) == [corpus["pension"].pk]


def test_all_words_must_match(engine, corpus):
    assert ids(engine.search(SearchQuery(text="registro social"))) == [corpus["registry"].pk]
    assert engine.search(SearchQuery(text="registro migratoria")).total == 0


def test_facets_count_with_the_other_filters(engine, corpus):
    results = engine.search(SearchQuery(countries=("BR",), populations=("older-persons",)))
    assert ids(results) == [corpus["older-brazil"].pk]
    assert counts(results, "country") == {"PE": 1, "BR": 1}
    assert counts(results, "population") == {"older-persons": 1}
    assert {f.value for f in results.facets["country"] if f.selected} == {"BR"}


def test_year_range_language_and_newest_sort(engine, corpus):
    results = engine.search(SearchQuery(year_from=2010, year_to=2020, sort="newest"))
    assert ids(results) == [corpus["older-brazil"].pk, corpus["pension"].pk]
    assert engine.search(SearchQuery(languages=("pt",))).total == 2


def test_pages_past_the_end_are_empty_not_errors(engine, corpus):
    results = engine.search(SearchQuery(page=50, per_page=2))
    assert results.total == 4 and results.hits == []


def test_search_syntax_is_inert(engine, corpus):
    for text in ['"', "(", ":", "*", "\\", "~", 'title:"x" OR (a* AND ~b)', "NEAR(a b)"]:
        engine.search(SearchQuery(text=text))


def test_snippets_mark_matches_and_escape_html(engine, publish, corpus):
    page = publish(title="Escaping", summary="<script>alert(1)</script> migración segura")
    engine.index_pages([page])
    (hit,) = engine.search(SearchQuery(text="segura escaping")).hits
    assert "<script>" not in hit.snippet
    assert "<mark>segura</mark>" in hit.snippet


def test_similar_prefers_shared_words_and_themes(engine, corpus):
    hits = engine.similar(
        "pensión para personas mayores", themes=["cash-transfers"], populations=[], limit=3
    )
    assert hits[0].page_id == corpus["pension"].pk
    assert all(h.page_id != corpus["pension"].pk for h in hits[1:])
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_delete_removes_a_page(engine, corpus):
    engine.delete_pages([corpus["registry"].pk])
    assert engine.search(SearchQuery(text="cadastro")).total == 0


def test_a_misspelt_word_finds_the_close_spelling_and_says_so(engine, corpus):
    results = engine.search(SearchQuery(text="migracoin"))
    assert ids(results) == [corpus["migration"].pk]
    assert results.corrected == "migracion"
    assert counts(results, "country") == {"PE": 1}
    # One word misspelt among right ones; filters still apply to the corrected query.
    results = engine.search(SearchQuery(text="pensoin mayores", countries=("PE",)))
    assert ids(results) == [corpus["pension"].pk] and results.corrected == "pension mayores"
    assert engine.search(SearchQuery(text="pensoin", countries=("BR",))).total == 0


def test_words_spelt_right_are_never_corrected(engine, corpus):
    assert engine.search(SearchQuery(text="migracion")).corrected == ""
    # Both words exist, just never together: nothing to correct, nothing found.
    results = engine.search(SearchQuery(text="registro migratoria"))
    assert results.total == 0 and results.corrected == ""
    # Too far from any indexed word: no guess.
    assert engine.search(SearchQuery(text="zzyzx")).total == 0


def test_a_title_match_ranks_above_newer_matches_elsewhere(engine, publish, corpus):
    in_title = publish("es", title="Cuidadoras comunitarias", summary="Una red local.")
    in_body = publish("es", title="Red de apoyo", summary="Formación de cuidadoras en casa.")
    engine.index_pages([in_title, in_body])
    assert ids(engine.search(SearchQuery(text="cuidadoras"))) == [in_title.pk, in_body.pk]


def test_pages_one_at_a_time_walk_the_same_order(engine, publish, corpus):
    extra = [
        publish("pt", title=f"Pessoas idosas {n}", summary="Cuidado de pessoas idosas.")
        for n in range(3)
    ] + [publish("pt", title=f"Rede {n}", summary="Centros para pessoas idosas.") for n in range(3)]
    engine.index_pages(extra)
    for query in (SearchQuery(text="idosas"), SearchQuery(sort="newest"), SearchQuery()):
        everything = engine.search(replace(query, per_page=50))
        walked = [
            ids(engine.search(replace(query, page=n, per_page=1)))
            for n in range(1, everything.total + 1)
        ]
        assert [page_ids[0] for page_ids in walked] == ids(everything)
        assert len(set(ids(everything))) == everything.total


def test_counts_follow_every_write(engine, publish, corpus, peru):
    assert counts(engine.search(SearchQuery()), "country")["PE"] == 2
    page = publish("es", title="Otra experiencia", country=peru)
    engine.index_pages([page])
    assert counts(engine.search(SearchQuery()), "country")["PE"] == 3
    engine.delete_pages([page.pk, corpus["pension"].pk])
    assert counts(engine.search(SearchQuery()), "country")["PE"] == 1
