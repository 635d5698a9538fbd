"""The embedded engine: SQLite FTS5 or PostgreSQL full text, facets by SQL aggregation."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from wagtail.models import Page

from cms.directory.models import current_language

from . import facets, vocabulary
from .base import (
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
from .highlight import snippet

DOC_TABLE = "puente_search_searchdocument"
FTS_TABLE = "puente_search_fts"
GIN_INDEXES = ("puente_search_vector_gin", "puente_search_title_gin")
# A set of page ids handed over 64 to a row (grouped by ``page_id >> 6``): see facets.from_words.
PAGE_ID_WORDS = "page_id >> 6, bit_or(1::bigint << (page_id & 63))"
PG_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}
MLT_TERMS = 12
MLT_CANDIDATES = 200
# Words too common to say what an experience is about, in the four site languages.
STOPWORDS = frozenset(
    """the and for with from that this are was were have has our their which into more than
    los las del por para con una que como sus mas entre sobre este esta estos fue son
    les des une pour avec dans par sur est aux qui leur plus ces ont
    uma para com nos nas dos das que pela pelo mais seu sua foi sao entre""".split()
)


class _SqliteText:
    """FTS5, with Porter stemming over Unicode words and diacritics removed."""

    title_ranks = None  # relevance comes from bm25() over every column: see ``ranked``

    def insert(self, docs) -> None:
        """Insert the document rows, then their text into the FTS5 table."""
        from ..models import SearchDocument

        SearchDocument.objects.bulk_create(
            [
                SearchDocument(
                    page_id=d.page_id,
                    kind=d.kind,
                    language=d.language,
                    title=d.title[:255],
                    summary=d.summary,
                    body=d.body,
                    url=d.url[:500],
                    country_id=d.country_id,
                    agency_id=d.agency_id,
                    year=d.year,
                    published_at=d.published_at,
                )
                for d in docs
            ]
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM puente_search_fts WHERE rowid = %s", [(d.page_id,) for d in docs]
            )
            cursor.executemany(
                "INSERT INTO puente_search_fts (rowid, title, summary, body) "
                "VALUES (%s, %s, %s, %s)",
                [(d.page_id, d.title, d.summary, f"{d.body} {d.agency}") for d in docs],
            )

    def delete(self, page_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM puente_search_fts WHERE rowid = %s", [(pk,) for pk in page_ids]
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM puente_search_fts")

    def analyze(self, tables: list[str]) -> None:
        """Statistics matter to PostgreSQL's plans only."""

    def settle(self, tables: list[str]) -> None:
        """As for analyze."""

    def vacuum(self, tables: list[str]) -> None:
        """SQLite reuses the rows a rebuild freed by itself."""

    @staticmethod
    def _expression(words: list[str], any_word: bool) -> str:
        # Words are letters and digits only (see engines.base.terms): quoting them is enough.
        return (" OR " if any_word else " AND ").join(f'"{w}"*' for w in words)

    def matching(self, words: list[str], size: int) -> int:
        """The bitset of the page ids (below ``size``) of the documents matching every word."""
        with connection.cursor() as cursor:
            # 64 ids a row; distinct bits, so their sum is their OR (SQLite has no bit_or).
            cursor.execute(
                f"SELECT rowid >> 6, SUM(1 << (rowid & 63)) FROM {FTS_TABLE} "  # noqa: S608
                f"WHERE {FTS_TABLE} MATCH %s GROUP BY rowid >> 6",
                [self._expression(words, False)],
            )
            return facets.from_words(cursor.fetchall(), size)

    def match(self, qs: QuerySet, words: list[str], *, any_word: bool = False) -> QuerySet:
        return qs.filter(
            pk__in=RawSQL(  # noqa: S611 - fixed SQL, the query is a parameter
                "SELECT rowid FROM puente_search_fts WHERE puente_search_fts MATCH %s",
                [self._expression(words, any_word)],
            )
        )

    def ranked(self, qs: QuerySet, words: list[str], *, any_word: bool = False) -> QuerySet:
        # bm25() is lower for better matches; negate it so that higher is better everywhere.
        # extra() because the ranking needs the FTS table joined; the query is a parameter.
        return qs.extra(  # noqa: S610
            tables=[FTS_TABLE],
            select={"rank": f"-bm25({FTS_TABLE}, 8.0, 3.0, 1.0)"},
            where=[f"{FTS_TABLE}.rowid = {DOC_TABLE}.page_id", f"{FTS_TABLE} MATCH %s"],
            params=[self._expression(words, any_word)],
        ).order_by("-rank")


_LEXEME = re.compile(r"'((?:[^']|'')*)'(:\*)?")


def _alternatives(texts: Sequence[str]) -> list[str]:
    """One word's ``tsquery`` alternatives (its prefix, its stem in each language), each once.

    A stem the prefix already covers ("public" under "public:*") is left out: the GIN index
    would read its entries again for nothing (a third of the index's time for three words).
    """
    lexemes = [(text, _LEXEME.fullmatch(text)) for text in texts if text]
    prefixes = [m.group(1) for _text, m in lexemes if m and m.group(2)]
    kept: dict[str, None] = {}
    for text, m in lexemes:
        if m and not m.group(2) and any(m.group(1).startswith(p) for p in prefixes):
            continue
        kept[text if m else f"( {text} )"] = None
    return list(kept)


class _PostgresText:
    """A weighted ``tsvector`` (simple + the document's language, unaccented) under a GIN index.

    Relevance: documents with query words in their title first, by ``ts_rank`` of the small
    title vector (more of the words, and in more configurations, rank higher); then the other
    matches, newest first. Ranking every match by its whole vector meant reading every matching
    vector (270 ms for a word found in 47 000 documents); this reads only the title vectors of
    the title matches.
    """

    @staticmethod
    def _vector(*columns: tuple[str, str]) -> str:
        """The ``tsvector`` of ``(column, weight)`` pairs of a row with a ``language``."""
        cases = " ".join(f"WHEN '{code}' THEN '{cfg}'" for code, cfg in PG_CONFIGS.items())
        config = f"(CASE language {cases} ELSE 'simple' END)::regconfig"

        def vector(column: str, weight: str) -> str:
            return (
                f"setweight(to_tsvector('simple', unaccent({column})), '{weight}') || "
                f"setweight(to_tsvector({config}, unaccent({column})), '{weight}')"
            )

        return " || ".join(vector(column, weight) for column, weight in columns)

    @classmethod
    def search_vector(cls) -> str:
        return cls._vector(("title", "A"), ("summary", "B"), ("body", "C"))

    @classmethod
    def title_vector(cls) -> str:
        return cls._vector(("title", "A"))

    def insert(self, docs) -> None:
        """Insert the document rows with their vector: one statement, one write per row."""
        columns = {
            "page_id": "int", "kind": "text", "language": "text", "title": "text",
            "summary": "text", "body": "text", "url": "text", "country_id": "int",
            "agency_id": "int", "year": "int", "published_at": "timestamptz",
        }
        values = {
            "page_id": [d.page_id for d in docs],
            "kind": [d.kind for d in docs],
            "language": [d.language for d in docs],
            "title": [d.title[:255] for d in docs],
            "summary": [d.summary for d in docs],
            "body": [d.body for d in docs],
            "url": [d.url[:500] for d in docs],
            "country_id": [d.country_id for d in docs],
            "agency_id": [d.agency_id for d in docs],
            "year": [d.year for d in docs],
            "published_at": [d.published_at for d in docs],
        }
        names = ", ".join(columns)
        arrays = ", ".join(f"%s::{kind}[]" for kind in columns.values())
        # Built from constants only; every value is a parameter.
        statement = (
            f"INSERT INTO {DOC_TABLE} ({names}, search_vector, title_vector) "  # noqa: S608
            f"SELECT {names}, {self.search_vector()}, {self.title_vector()} "
            f"FROM unnest({arrays}) AS v({names})"
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, [values[c] for c in columns])

    def delete(self, page_ids: list[int]) -> None:
        """The vector lives on the document row; deleting the row is enough."""

    def clear(self) -> None:
        """As for delete."""

    def analyze(self, tables: list[str]) -> None:
        """Fresh statistics for these tables, inside the rebuild's transaction.

        The rebuild's foreign keys are checked when it commits, one query per row with a plan
        made from the statistics of the moment: with the page table's statistics from before a
        bulk import (two rows), each check read the whole table and the commit of 100 000
        documents took minutes. At the end, the new documents' statistics (an ANALYZE counts
        its own transaction's rows) serve the first searches too.
        """
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(tables)}")

    def settle(self, tables: list[str]) -> None:
        """After a rebuild: the GIN indexes' pending entries merged, and fresh statistics.

        GIN collects new entries in a pending list that every search reads from end to end
        until it is merged; after 100 000 documents it held hundreds of pages and made each
        title search 14 ms instead of 2 ms. (Day to day, migration 0007 keeps it small.)
        """
        with connection.cursor() as cursor:
            for index in GIN_INDEXES:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        self.analyze(tables)

    def vacuum(self, tables: list[str]) -> None:
        """After a rebuild has committed: the old rows' space reclaimed now, not whenever
        autovacuum comes by. Counting each word of the vocabulary batch after batch leaves
        one dead row per update (280 000 after 100 000 documents), which every typo lookup
        then stepped over."""
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {', '.join(tables)}")

    @staticmethod
    @functools.lru_cache(maxsize=512)
    def _tsqueries(words: tuple[str, ...]) -> tuple[str, str]:
        """The query in every configuration at once, every word and any word, as ``tsquery`` text.

        Computed once (one statement); passing it back as a constant lets PostgreSQL use the
        GIN index and spares it from rebuilding the ``to_tsquery`` calls for every row it ranks.
        """
        # The word as typed matches as a prefix ("migrac" finds "migración"); its stem in each
        # language matches exactly. A prefix of a stem ("su:*" for "suas") found nearly
        # everything, and made the index read every word it starts (13 ms against 33 ms).
        configs = ("simple", *PG_CONFIGS.values())
        params = [
            value
            for w in words
            for cfg in configs
            for value in (cfg, f"{w}:*" if cfg == "simple" else w)
        ]
        columns = ", ".join(["to_tsquery(%s::regconfig, unaccent(%s))::text"] * (len(params) // 2))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns}", params)  # noqa: S608 - placeholders only
            row = cursor.fetchone()
        alternatives = [
            _alternatives(row[i * len(configs) : (i + 1) * len(configs)]) for i in range(len(words))
        ]
        every = " & ".join(f"( {' | '.join(each)} )" for each in alternatives if each)
        either = " | ".join(dict.fromkeys(a for each in alternatives for a in each))
        return every, either

    def _tsquery(self, words: tuple[str, ...], any_word: bool) -> str:
        return self._tsqueries(words)[1 if any_word else 0]

    @staticmethod
    def _by_index(statement: str, params: list) -> list[tuple]:
        """The rows of ``statement``, matched through the GIN indexes, never row by row.

        The planner prices ``@@`` on a row as cheap and picks a sequential scan when a word is
        common; with the vectors kept out of line, that scan reads every vector (215 ms at
        100 000 documents against 17 ms through the index). Sent as one string with the
        setting, the two run in one implicit transaction: the setting ends with it (inside an
        open transaction, it lasts until that transaction ends).
        """
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL enable_seqscan = off; {statement}", params)
            cursor.nextset()
            return cursor.fetchall()

    def predicate(self, words: list[str]) -> tuple[str, list]:
        """SQL true for the rows of ``d`` (the documents) matching every word."""
        return "d.search_vector @@ %s::tsquery", [self._tsquery(tuple(words), False)]

    def matching(self, words: list[str], size: int) -> int:
        """The bitset of the page ids (below ``size``) of the documents matching every word.

        From the GIN index alone; 64 ids a row.
        """
        sql, params = self.predicate(words)
        statement = f"SELECT {PAGE_ID_WORDS} FROM {DOC_TABLE} d WHERE {sql} GROUP BY 1"  # noqa: S608
        return facets.from_words(self._by_index(statement, params), size)

    def matching_titled(self, words: list[str], size: int) -> tuple[int, list[tuple[int, float]]]:
        """``matching`` and, of those documents, ``title_ranks`` — in one pass over them.

        For two words or more: the documents with every word are few next to those with one
        of them in their title, so ranking the titles of the matches as they are read costs
        less than a second search of the title index (16 ms against 24 ms for three words).
        For one common word it is the other way round (50 ms against 30 ms): use the two.
        """
        sql, params = self.predicate(words)
        title = self._tsquery(tuple(words), any_word=True)
        statement = (
            f"WITH m AS MATERIALIZED (SELECT d.page_id, CASE WHEN d.title_vector @@ %s::tsquery "  # noqa: S608
            f"THEN ts_rank(d.title_vector, %s::tsquery) END AS rank FROM {DOC_TABLE} d "
            f"WHERE {sql}) "
            f"SELECT {PAGE_ID_WORDS}, NULL FROM m GROUP BY 1 "
            "UNION ALL SELECT page_id, NULL, rank FROM m WHERE rank IS NOT NULL"
        )
        rows = self._by_index(statement, [title, title, *params])
        words_rows = [(key, bits) for key, bits, _rank in rows if bits is not None]
        titled = [(pk, float(rank)) for pk, bits, rank in rows if bits is None]
        return facets.from_words(words_rows, size), titled

    def title_ranks(self, words: list[str]) -> list[tuple[int, float]]:
        """``(page id, ts_rank)`` of every document with one of the words in its title."""
        title = self._tsquery(tuple(words), any_word=True)
        statement = (
            f"SELECT d.page_id, ts_rank(d.title_vector, %s::tsquery) "  # noqa: S608
            f"FROM {DOC_TABLE} d WHERE d.title_vector @@ %s::tsquery"
        )
        return [(pk, float(rank)) for pk, rank in self._by_index(statement, [title, title])]

    def match(self, qs: QuerySet, words: list[str], *, any_word: bool = False) -> QuerySet:
        # On the row itself (not ``pk IN (subquery)``): one bitmap scan of the GIN index, no
        # second pass over the documents table.
        return qs.extra(  # noqa: S610 - constant SQL; the query is a parameter
            where=[f"{DOC_TABLE}.search_vector @@ %s::tsquery"],
            params=[self._tsquery(tuple(words), any_word)],
        )

    def ranked(self, qs: QuerySet, words: list[str], *, any_word: bool = False) -> QuerySet:
        tsquery = self._tsquery(tuple(words), any_word=True)
        if any_word:
            # "More like this": the candidates are the documents with the most of the words in
            # their title (its small vector); only they are ranked by their whole vector.
            # Ranking every document sharing a word took a second at 100 000 documents.
            qs = qs.filter(
                pk__in=RawSQL(  # noqa: S611 - constant SQL; the query is a parameter
                    f"SELECT page_id FROM {DOC_TABLE} WHERE title_vector @@ %s::tsquery "  # noqa: S608
                    f"ORDER BY ts_rank(title_vector, %s::tsquery) DESC LIMIT {MLT_CANDIDATES}",
                    [tsquery, tsquery],
                )
            )
        return qs.extra(  # noqa: S610 - constant SQL; the query is a parameter
            select={"rank": "ts_rank(puente_search_searchdocument.search_vector, %s::tsquery)"},
            select_params=[tsquery],
        ).order_by("-rank")


class DatabaseEngine(Engine):
    name = "database"

    @property
    def text(self):
        return _PostgresText() if connection.vendor == "postgresql" else _SqliteText()

    # -- querying --------------------------------------------------------------------------

    def _documents(self):
        from ..models import SearchDocument

        return SearchDocument.objects.all()

    def _filters(self, query: SearchQuery) -> dict[str, Q]:
        from ..models import SearchDocument

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
        from ..models import SearchDocument

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
                    )
                )
        results.sort(key=lambda h: (-h.score, h.page_id))
        return results[:limit]

    # -- indexing --------------------------------------------------------------------------

    def _write(self, docs) -> None:
        from ..models import SearchDocument

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
        from ..models import SearchDocument

        with transaction.atomic():
            ids = [d.page_id for d in docs]
            SearchDocument.objects.filter(pk__in=ids).delete()
            self.text.delete(ids)
            self._write(docs)
            INDEX_VERSION.replace()
        return len(docs)

    def index_pages(self, pages: Sequence) -> int:
        from ..indexing import page_document

        return self.index_documents([page_document(p) for p in pages])

    def delete_pages(self, page_ids: Iterable[int]) -> None:
        from ..models import SearchDocument

        ids = list(page_ids)
        with transaction.atomic():
            SearchDocument.objects.filter(pk__in=ids).delete()
            self.text.delete(ids)
            INDEX_VERSION.replace()

    def rebuild(self, pages: Iterable, *, progress=None) -> int:
        from ..indexing import BATCH_SIZE, _batched, page_document
        from ..models import SearchDocument

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
