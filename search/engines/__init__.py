"""The search engines behind one contract; ``get_engine()`` returns the configured one."""

from functools import cache

from django.conf import settings

from .base import (
    EXPERIENCE_KIND,
    FACETS,
    INDEX_VERSION,
    SORTS,
    Engine,
    FacetValue,
    SearchHit,
    SearchQuery,
    SearchResults,
    SimilarHit,
)

__all__ = [
    "EXPERIENCE_KIND",
    "FACETS",
    "INDEX_VERSION",
    "SORTS",
    "Engine",
    "FacetValue",
    "SearchHit",
    "SearchQuery",
    "SearchResults",
    "SimilarHit",
    "get_engine",
]


@cache
def _engine_for(url: str) -> Engine:
    if url:
        from .elastic import ElasticsearchEngine

        return ElasticsearchEngine(url, prefix=settings.ELASTICSEARCH_INDEX_PREFIX)
    from .database import DatabaseEngine

    return DatabaseEngine()


def get_engine() -> Engine:
    """Elasticsearch when ``ELASTICSEARCH_URL`` is set, otherwise the database engine."""
    return _engine_for(settings.ELASTICSEARCH_URL)
