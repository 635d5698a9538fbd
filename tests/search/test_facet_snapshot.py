"""The database engine counts facets and orders lists from its index snapshot, not by SQL.

These tests hold the snapshot to what the database itself answers for the same documents.
"""

import random

import pytest

from search.engines import EXPERIENCE_KIND, SearchQuery
from search.engines.database import DatabaseEngine
from search.indexing import live_pages
from search.models import SearchDocument
from tests.factories import CountryFactory, PopulationGroupFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(publish):
    rng = random.Random(7)  # noqa: S311 - test data
    countries = [CountryFactory(code=code) for code in ("AR", "CL", "MX")]
    themes = [ThemeFactory(slug=f"theme-{n}") for n in range(4)]
    groups = [PopulationGroupFactory(slug=f"group-{n}") for n in range(3)]
    for n in range(24):
        publish(
            rng.choice(["en", "es"]),
            title=f"Practice {n} {'care' if n % 3 else 'work'}",
            summary="care systems" if n % 2 else "labour market",
            country=rng.choice(countries),
            themes=rng.sample(themes, rng.randint(0, 2)),
            population_groups=rng.sample(groups, rng.randint(0, 2)),
            start_year=rng.randint(2000, 2004),
        )
    DatabaseEngine().rebuild(live_pages())


def _database_counts(docs, facet):
    field = {
        "country": "country__code",
        "theme": "themes__slug",
        "population": "population_groups__slug",
        "language": "language",
        "year": "year",
    }[facet]
    found = {}
    for value in docs.values_list(field, flat=True):
        if value is not None:
            found[str(value)] = found.get(str(value), 0) + 1
    return found


@pytest.mark.parametrize(
    "query",
    [
        SearchQuery(),
        SearchQuery(text="care"),
        SearchQuery(countries=("AR", "MX"), themes=("theme-1",)),
        SearchQuery(text="care", languages=("es",), year_from=2001, year_to=2003),
        SearchQuery(populations=("group-0", "group-2"), countries=("CL",)),
    ],
)
def test_counts_equal_the_databases_own(mixed, query):
    results = DatabaseEngine().search(query)
    docs = SearchDocument.objects.filter(kind__in=query.kinds)
    if query.text:
        docs = docs.filter(title__icontains=query.text) | docs.filter(
            summary__icontains=query.text
        )
    filters = {
        "country": {"country__code__in": query.countries},
        "theme": {"themes__slug__in": query.themes},
        "population": {"population_groups__slug__in": query.populations},
        "language": {"language__in": query.languages},
        "year": {
            k: v
            for k, v in (("year__gte", query.year_from), ("year__lte", query.year_to))
            if v is not None
        },
    }
    active = {name: f for name, f in filters.items() if all(v for v in f.values()) and f}

    def passing(skip):
        rows = docs
        for name, f in active.items():
            if name != skip:
                rows = rows.filter(pk__in=SearchDocument.objects.filter(**f).values("pk"))
        return rows.distinct()

    assert results.total == passing(None).count()
    for facet in ("country", "theme", "population", "language", "year"):
        expected = _database_counts(SearchDocument.objects.filter(pk__in=passing(facet)), facet)
        assert {f.value: f.count for f in results.facets[facet]} == expected, facet


def test_orders_equal_the_databases_own(mixed):
    engine = DatabaseEngine()
    newest = engine.search(SearchQuery(sort="newest", per_page=50))
    assert [h.page_id for h in newest.hits] == list(
        SearchDocument.objects.filter(kind=EXPERIENCE_KIND)
        .order_by("-year", "-published_at", "-pk")
        .values_list("pk", flat=True)
    )
    latest = engine.search(SearchQuery(countries=("AR",), per_page=50))
    assert [h.page_id for h in latest.hits] == list(
        SearchDocument.objects.filter(country__code="AR")
        .order_by("-published_at", "-pk")
        .values_list("pk", flat=True)
    )


@pytest.mark.parametrize("text", ["care systems", "practice care", "labour market work", "care"])
def test_matches_ranked_in_one_pass_equal_the_two_searches(mixed, text, monkeypatch):
    """PostgreSQL ranks the titles of a several-word search's matches as it reads them;
    the answer equals matching, then ranking the title index's own matches among them."""
    engine = DatabaseEngine()
    if not engine.text.title_ranks:
        pytest.skip("SQLite ranks with bm25 over every column: no title ranks to compare")
    from search.engines import facets

    words = SearchQuery(text=text).terms
    size = facets.snapshot().size
    matched, titled = engine.text.matching_titled(words, size)
    assert matched == engine.text.matching(words, size) and matched
    expected = [(pk, rank) for pk, rank in engine.text.title_ranks(words) if matched >> pk & 1]
    assert sorted(titled) == sorted(expected) and titled
    # And the whole search answers the same either way.
    through_one = engine.search(SearchQuery(text=text, per_page=50))
    text_class = type(engine.text)
    monkeypatch.setattr(text_class, "matching_titled", lambda self, *a: (self.matching(*a), None))
    through_two = engine.search(SearchQuery(text=text, per_page=50))
    assert [h.page_id for h in through_one.hits] == [h.page_id for h in through_two.hits]
