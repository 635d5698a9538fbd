"""The embedded engine: full text in the database, facets counted in the process.

One class for every database; the SQL of each dialect is in its own module (``sqlite``,
``postgresql``), chosen in :func:`text_index`, the one place that looks at the vendor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet

from wagtail.models import Page

from cms.directory.models import current_language

from .. import facets, vocabulary
from ..base import (
    EXPERIENCE_KIND,
    FACETS,
    INDEX_VERSION,
    Engine,
    FacetValue,
    SearchHit,
    SearchQuery,
    SearchResults,
    SimilarHit,
    fold,
)
from ..highlight import snippet
from .base import DOC_TABLE, FTS_TABLE, GIN_INDEXES, MLT_CANDIDATES, TextIndex
from .postgresql import PostgresText
from .sqlite import SqliteText

__all__ = ["DOC_TABLE", "FTS_TABLE", "GIN_INDEXES", "DatabaseEngine", "text_index"]

MLT_TERMS = 12
# Words too common to say what an experience is about, in the four site languages.
STOPWORDS = frozenset(
    """the and for with from that this are was were have has our their which into more than
    los las del por para con una que como sus mas entre sobre este esta estos fue son
    les des une pour avec dans par sur est aux qui leur plus ces ont
    uma para com nos nas dos das que pela pelo mais seu sua foi sao entre""".split()
)
_DIALECTS: dict[str, type[TextIndex]] = {"postgresql": PostgresText}


def text_index(vendor: str) -> TextIndex:
    """The full-text index of this database vendor (SQLite's FTS5 unless it is PostgreSQL)."""
    return _DIALECTS.get(vendor, SqliteText)()


class DatabaseEngine(Engine):
    name = "database"

    @property
    def text(self) -> TextIndex:
        return text_index(connection.vendor)

    # -- querying --------------------------------------------------------------------------

    def _documents(self):
        from ...models import SearchDocument

        return SearchDocument.objects.all()

    def _filters(self, query: SearchQuery) -> dict[str, Q]:
        from ...models import SearchDocument

        filters = {}
        if query.countries:
            filters["country"] = Q(country__code__in=query.countries)
        if query.themes:
            through = SearchDocument.themes.through.objects.filter(theme__slug__in=query.themes)
            filters["theme"] = Q(pk__in=through.values("searchdocument_id"))
        if query.populations:
            through = SearchDocument.population_groups.through.objects.filter(
                populationgroup__slug__in=query.populations
            )
            filters["population"] = Q(pk__in=through.values("searchdocument_id"))
        if query.languages:
            filters["language"] = Q(language__in=query.languages)
        if query.agencies:
            filters["agency"] = Q(agency_id__in=query.agencies)
        if query.year_from is not None or query.year_to is not None:
            year = Q()
            if query.year_from is not None:
                year &= Q(year__gte=query.year_from)
            if query.year_to is not None:
                year &= Q(year__lte=query.year_to)
            filters["year"] = year
        return filters

    def search(self, query: SearchQuery) -> SearchResults:
        results = self._search(query)
        words = query.terms
        if results.total == 0 and words:
            # Typo tolerance: nothing matched, so try the closest indexed spelling of each
            # word no indexed word starts with, and say so ("Showing results for …").
            fixed = vocabulary.correct(words)
            if fixed != words:
                text = " ".join(fixed)
                corrected = self._search(replace(query, text=text))
                if corrected.total:
                    corrected.corrected = text
                    return corrected
        return results

    def _search(self, query: SearchQuery) -> SearchResults:
        words = query.terms
        index = facets.snapshot()
        base, chosen, titled = self._selection(index, query, words)

        def within(facet: str | None) -> int:
            documents = base
            for name, passing in chosen.items():
                if name != facet:
                    documents &= passing
            return documents

        found = within(None)
        total = found.bit_count()
        rows = self._page(index, query, words, found, titled) if query.offset < total else []
        hits = [
            SearchHit(
                page_id=row.pk,
                title=row.title,
                url=row.url,
                kind=row.kind,
                language=row.language,
                snippet=snippet(f"{row.summary} {row.body}", words),
                score=float(getattr(row, "rank", 0.0) or 0.0),
                country_code=row.country.code if row.country else None,
                country=row.country.name if row.country else None,
                agency_id=row.agency_id,
                agency=row.agency.acronym or row.agency.name if row.agency else None,
                year=row.year,
            )
            for row in rows
        ]
        return SearchResults(
            total=total,
            page=query.page,
            per_page=query.per_page,
            hits=hits,
            facets=self._facets(index, query, within) if query.facets else {},
        )

    def _selection(
        self, index, query: SearchQuery, words: list[str]
    ) -> tuple[int, dict, list | None]:
        """The documents of the query's kinds, agencies and words, each filter's documents, and
        the title ranks of the matches when they come with the words (else None).

        Sets of documents are bitsets of the index snapshot (``engines.facets``); only the
        words need the database (its full-text index).
        """
        base = index.any_of("kind", query.kinds) if query.kinds else index.everything
        if query.agencies:
            base &= index.any_of("agency", query.agencies)
        titled = None
        if words and base:
            if len(words) > 1 and query.sort == "relevance" and self.text.title_ranks:
                matched, titled = self.text.matching_titled(words, index.size)
            else:
                matched = self.text.matching(words, index.size)
            base &= matched
        chosen = {}
        if query.countries:
            chosen["country"] = index.any_of("country", query.countries)
        if query.themes:
            chosen["theme"] = index.any_of("theme", query.themes)
        if query.populations:
            chosen["population"] = index.any_of("population", query.populations)
        if query.languages:
            chosen["language"] = index.any_of("language", query.languages)
        if query.year_from is not None or query.year_to is not None:
            chosen["year"] = index.years(query.year_from, query.year_to)
        return base, chosen, titled

    def _page(self, index, query: SearchQuery, words: list[str], found: int, titled) -> list:
        """The documents of the page asked for, in order, with their country and agency.

        ``titled``: the title ranks of the matching documents, when the search has them.
        """
        rows = (
            self._documents()
            .select_related("country", "agency")
            .defer("search_vector", "title_vector")
        )
        enough = query.offset + query.per_page
        ranks: dict[int, float] = {}
        if query.sort == "newest" or not words:
            ids = index.first(found, "year" if query.sort == "newest" else "newest", enough)
        elif self.text.title_ranks:
            # Title matches by rank (then newest), then the other matches, newest first.
            is_found = index.is_in(found)
            if titled is None:
                titled = self.text.title_ranks(words)
            titled = [(pk, rank) for pk, rank in titled if is_found(pk)]
            newest = index.rank_in("newest")
            titled.sort(key=lambda hit: (-hit[1], newest[hit[0]]))
            ranks = dict(titled)
            ids = [pk for pk, _rank in titled[:enough]]
            if len(ids) < enough:
                rest = found & ~index.of_ids(ranks)
                ids += index.first(rest, "newest", enough - len(ids))
        else:
            ordered = self.text.ranked(rows.filter(pk__in=self._filtered(query, words)), words)
            return list(ordered[query.offset : enough])
        ids = ids[query.offset : enough]
        by_id = {row.pk: row for row in rows.filter(pk__in=ids)}
        page = []
        for pk in ids:
            if pk in by_id:
                by_id[pk].rank = ranks.get(pk, 0.0)
                page.append(by_id[pk])
        return page

    def _filtered(self, query: SearchQuery, words: list[str]) -> QuerySet:
        """The page ids of the documents passing the query: its kinds, words and every filter."""
        matched = self._documents()
        if query.kinds:
            matched = matched.filter(kind__in=query.kinds)
        if words:
            matched = self.text.match(matched, words)
        return matched.filter(*self._filters(query).values()).values("pk")

    def _facets(self, index, query: SearchQuery, within) -> dict[str, list[FacetValue]]:
        """Every facet, each counted over ``within(facet)``: the other filters applied."""
        selected = {
            "country": set(query.countries),
            "theme": set(query.themes),
            "population": set(query.populations),
            "language": set(query.languages),
        }
        languages = {code: str(name) for code, name in settings.LANGUAGES}
        lang = current_language()
        in_range = query.year_from is not None or query.year_to is not None
        results: dict[str, list[FacetValue]] = {}
        for facet in FACETS:
            counts = index.counts(facet, within(facet))
            if facet == "year":
                low, high = query.year_from or 0, query.year_to or 9999
                results[facet] = sorted(
                    (
                        FacetValue(value, value, count, in_range and low <= int(value) <= high)
                        for value, count in counts.items()
                    ),
                    key=lambda f: int(f.value),
                    reverse=True,
                )
                continue
            labels = languages if facet == "language" else index.labels(facet, lang)
            results[facet] = sorted(
                (
                    FacetValue(value, labels.get(value, value), count, value in selected[facet])
                    for value, count in counts.items()
                ),
                key=lambda f: (-f.count, f.label),
            )
        return results

    def similar(
        self,
        text: str,
        *,
        themes: Sequence[str] = (),
        populations: Sequence[str] = (),
        exclude: Iterable[int] = (),
        limit: int = 20,
    ) -> list[SimilarHit]:
        from ...models import SearchDocument

        counts = Counter(
            w
            for w in fold(text[:20000]).split()
            if len(w) > 2 and w.isalnum() and w not in STOPWORDS
        )
        words = vocabulary.distinctive(counts, MLT_TERMS)
        base = self._documents().filter(kind=EXPERIENCE_KIND).exclude(pk__in=list(exclude))
        scores: dict[int, float] = {}
        if words:
            ranked = self.text.ranked(base, words, any_word=True)
            found = [(row["pk"], float(row["rank"])) for row in ranked.values("pk", "rank")[
                :MLT_CANDIDATES
            ]]
            top = max((r for _pk, r in found), default=0.0) or 1.0
            scores = {pk: max(rank, 0.0) / top for pk, rank in found}
        if themes or populations:
            sharing = base.filter(
                Q(themes__slug__in=themes) | Q(population_groups__slug__in=populations)
            ).values_list("pk", flat=True).distinct()[:MLT_CANDIDATES]
            for pk in sharing:
                scores.setdefault(pk, 0.0)
        if not scores:
            return []
        # Shared themes and groups counted in the same query that fetches the candidates.
        docs = SearchDocument.objects.filter(pk__in=scores).annotate(
            shared_themes=Count("themes", filter=Q(themes__slug__in=themes), distinct=True),
            shared_groups=Count(
                "population_groups",
                filter=Q(population_groups__slug__in=populations),
                distinct=True,
            ),
        )
        results = []
        for doc in docs:
            score = scores[doc.pk]
            if themes:
                score += 0.5 * doc.shared_themes / len(set(themes))
            if populations:
                score += 0.25 * doc.shared_groups / len(set(populations))
            if score > 0:
                results.append(
                    SimilarHit(
                        page_id=doc.pk,
                        score=round(score, 6),
                        agency_id=doc.agency_id,
                        title=doc.title,
                        url=doc.url,
                        language=doc.language,
                    )
                )
        results.sort(key=lambda h: (-h.score, h.page_id))
        return results[:limit]

    # -- indexing --------------------------------------------------------------------------

    def _write(self, docs) -> None:
        from ...models import SearchDocument

        self.text.insert(docs)
        SearchDocument.themes.through.objects.bulk_create(
            [
                SearchDocument.themes.through(searchdocument_id=d.page_id, theme_id=t)
                for d in docs
                for t in d.theme_ids
            ]
        )
        SearchDocument.population_groups.through.objects.bulk_create(
            [
                SearchDocument.population_groups.through(
                    searchdocument_id=d.page_id, populationgroup_id=g
                )
                for d in docs
                for g in d.population_ids
            ]
        )
        vocabulary.add(f"{d.title} {d.summary} {d.body}" for d in docs)

    def index_documents(self, docs: Sequence) -> int:
        """Write prepared ``PageDocument``s, replacing any earlier version of them."""
        from ...models import SearchDocument

        with transaction.atomic():
            ids = [d.page_id for d in docs]
            SearchDocument.objects.filter(pk__in=ids).delete()
            self.text.delete(ids)
            self._write(docs)
            INDEX_VERSION.replace()
        return len(docs)

    def index_pages(self, pages: Sequence) -> int:
        from ...indexing import page_document

        return self.index_documents([page_document(p) for p in pages])

    def delete_pages(self, page_ids: Iterable[int]) -> None:
        from ...models import SearchDocument

        ids = list(page_ids)
        with transaction.atomic():
            SearchDocument.objects.filter(pk__in=ids).delete()
            self.text.delete(ids)
            INDEX_VERSION.replace()

    def rebuild(self, pages: Iterable, *, progress=None) -> int:
        from ...indexing import BATCH_SIZE, _batched, page_document
        from ...models import SearchDocument

        count = 0
        # One transaction: readers keep seeing the old index until the new one is complete.
        tables = [
            SearchDocument._meta.db_table,
            SearchDocument.themes.through._meta.db_table,
            SearchDocument.population_groups.through._meta.db_table,
        ]
        with transaction.atomic():
            self.text.analyze([Page._meta.db_table])
            SearchDocument.objects.all().delete()
            self.text.clear()
            vocabulary.clear()
            for batch in _batched(pages, BATCH_SIZE):
                self._write([page_document(p) for p in batch])
                count += len(batch)
                if progress:
                    progress(len(batch))
            self.text.settle(tables)
            INDEX_VERSION.replace()
        if not connection.in_atomic_block:
            self.text.vacuum([*tables, vocabulary.TABLE])
        return count
