"""The Elasticsearch engine without a server: mapping and generated request bodies, pinned."""

from elasticsearch.dsl import Search
from elasticsearch.dsl.response import Response

from search.documents import page_index
from search.engines import SearchQuery
from search.engines.elastic import build_search, build_similar, corrected_text


def test_mapping_has_folded_and_per_language_text_and_keyword_facets():
    mapping = page_index("puente-pages-test").to_dict()
    analysis = mapping["settings"]["analysis"]
    assert analysis["analyzer"]["puente_folded"]["filter"] == ["lowercase", "asciifolding"]
    for code, language in (
        ("en", "light_english"),
        ("es", "light_spanish"),
        ("fr", "light_french"),
        ("pt", "light_portuguese"),
    ):
        assert analysis["analyzer"][f"puente_{code}"]["filter"] == [
            "lowercase",
            "asciifolding",
            f"puente_{code}_stem",
        ]
        assert analysis["filter"][f"puente_{code}_stem"] == {
            "type": "stemmer",
            "language": language,
        }
    properties = mapping["mappings"]["properties"]
    for field in ("title", "summary", "body"):
        assert properties[field]["analyzer"] == "puente_folded"
        assert set(properties[field]["fields"]) == {"en", "es", "fr", "pt"}
    for field in ("country", "themes", "populations", "language", "kind"):
        assert properties[field] == {"type": "keyword"}
    assert properties["year"] == {"type": "integer"}


def test_search_body_is_pinned():
    query = SearchQuery(
        text="Migración (laboral)*",
        countries=("BR",),
        themes=("cash-transfers",),
        year_from=2010,
        page=2,
    )
    assert build_search(query).to_dict() == {
        "query": {
            "bool": {
                "filter": [{"terms": {"kind": ["experiences.experiencepage"]}}],
                "must": [
                    {
                        "multi_match": {
                            "query": "migracion laboral",
                            "fields": [
                                "title^3",
                                "title.*^3",
                                "summary^2",
                                "summary.*^2",
                                "body",
                                "body.*",
                                "agency",
                            ],
                            "operator": "and",
                            "type": "most_fields",
                        }
                    }
                ],
            }
        },
        "post_filter": {
            "bool": {
                "filter": [
                    {"terms": {"country": ["BR"]}},
                    {"terms": {"themes": ["cash-transfers"]}},
                    {"range": {"year": {"gte": 2010}}},
                ]
            }
        },
        "aggs": {
            "country": {
                "filter": {
                    "bool": {
                        "filter": [
                            {"terms": {"themes": ["cash-transfers"]}},
                            {"range": {"year": {"gte": 2010}}},
                        ]
                    }
                },
                "aggs": {"values": {"terms": {"field": "country", "size": 200}}},
            },
            "theme": {
                "filter": {
                    "bool": {
                        "filter": [
                            {"terms": {"country": ["BR"]}},
                            {"range": {"year": {"gte": 2010}}},
                        ]
                    }
                },
                "aggs": {"values": {"terms": {"field": "themes", "size": 200}}},
            },
            "population": {
                "filter": {
                    "bool": {
                        "filter": [
                            {"terms": {"country": ["BR"]}},
                            {"terms": {"themes": ["cash-transfers"]}},
                            {"range": {"year": {"gte": 2010}}},
                        ]
                    }
                },
                "aggs": {"values": {"terms": {"field": "populations", "size": 200}}},
            },
            "year": {
                "filter": {
                    "bool": {
                        "filter": [
                            {"terms": {"country": ["BR"]}},
                            {"terms": {"themes": ["cash-transfers"]}},
                        ]
                    }
                },
                "aggs": {"values": {"terms": {"field": "year", "size": 200}}},
            },
            "language": {
                "filter": {
                    "bool": {
                        "filter": [
                            {"terms": {"country": ["BR"]}},
                            {"terms": {"themes": ["cash-transfers"]}},
                            {"range": {"year": {"gte": 2010}}},
                        ]
                    }
                },
                "aggs": {"values": {"terms": {"field": "language", "size": 200}}},
            },
        },
        "from": 10,
        "size": 10,
        "track_total_hits": True,
        "highlight": {
            "fields": {"summary": {}, "body": {}},
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "encoder": "html",
            "fragment_size": 240,
            "number_of_fragments": 1,
            "no_match_size": 240,
        },
    }


def test_fuzzy_fallback_tolerates_typos_and_any_word():
    body = build_search(SearchQuery(text="migrasion laboral"), fuzzy=True).to_dict()
    match = body["query"]["bool"]["must"][0]["multi_match"]
    assert match["fuzziness"] == "AUTO" and match["operator"] == "or"


def test_fuzzy_fallback_asks_for_spelling_suggestions_and_reads_them():
    body = build_search(SearchQuery(text="migracoin laboral"), fuzzy=True).to_dict()
    assert body["suggest"]["title"] == {
        "text": "migracoin laboral",
        "term": {"field": "title", "suggest_mode": "missing"},
    }
    assert set(body["suggest"]) == {"title", "summary", "body"}
    assert "suggest" not in build_search(SearchQuery(text="migracoin")).to_dict()
    response = Response(
        Search(),
        {
            "hits": {"total": {"value": 1}, "hits": []},
            "suggest": {
                "title": [
                    {"text": "migracoin", "options": [
                        {"text": "migracion", "score": 0.78, "freq": 3}
                    ]},
                    {"text": "laboral", "options": []},
                ],
                "body": [
                    {"text": "migracoin", "options": [
                        {"text": "migraciones", "score": 0.6, "freq": 9}
                    ]},
                ],
            },
        },
    )
    assert corrected_text(["migracoin", "laboral"], response.suggest) == "migracion laboral"
    assert corrected_text(["laboral"], response.suggest) == ""


def test_newest_sort_and_no_text_sort():
    assert build_search(SearchQuery(sort="newest")).to_dict()["sort"] == [
        {"year": {"order": "desc"}},
        {"published_at": {"order": "desc"}},
    ]
    assert build_search(SearchQuery()).to_dict()["sort"] == [{"published_at": {"order": "desc"}}]


def test_more_like_this_body_is_pinned():
    search = build_similar(
        "cash transfers", themes=["cash-transfers"], populations=[], exclude=[3], limit=5
    )
    assert search.to_dict() == {
        "query": {
            "bool": {
                "filter": [{"term": {"kind": "experiences.experiencepage"}}],
                "minimum_should_match": 1,
                "must_not": [{"ids": {"values": ["3"]}}],
                "should": [
                    {
                        "more_like_this": {
                            "like": "cash transfers",
                            "fields": ["title", "summary", "body"],
                            "max_query_terms": 30,
                            "min_doc_freq": 1,
                            "min_term_freq": 1,
                        }
                    },
                    {"terms": {"boost": 2.0, "themes": ["cash-transfers"]}},
                ],
            }
        },
        "size": 5,
        "_source": ["agency_id", "title", "url", "language"],
    }
