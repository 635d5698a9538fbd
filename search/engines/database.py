"""The embedded engine: SQLite FTS5 or PostgreSQL full text, facets by SQL aggregation."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from cms.directory.models import Country, current_language

from . import vocabulary
from .base import (
    EXPERIENCE_KIND,
    FACETS,
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
PG_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}
MLT_TERMS = 30
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

    materialized = "MATERIALIZED"

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

    @staticmethod
    def _expression(words: list[str], any_word: bool) -> str:
        # Words are letters and digits only (see engines.base.terms): quoting them is enough.
        return (" OR " if any_word else " AND ").join(f'"{w}"*' for w in words)

    def predicate(self, words: list[str]) -> tuple[str, list]:
        """SQL true for the rows of ``d`` (the documents) matching every word."""
        return (
            f"d.page_id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",  # noqa: S608
            [self._expression(words, False)],
        )

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


class _PostgresText:
    """A weighted ``tsvector`` (simple + the document's language, unaccented) under a GIN index."""

    materialized = "MATERIALIZED"

    @staticmethod
    def _vector() -> str:
        """The ``tsvector`` of a row with ``language``, ``title``, ``summary`` and ``body``."""
        cases = " ".join(f"WHEN '{code}' THEN '{cfg}'" for code, cfg in PG_CONFIGS.items())
        config = f"(CASE language {cases} ELSE 'simple' END)::regconfig"

        def vector(column: str, weight: str) -> str:
            return (
                f"setweight(to_tsvector('simple', unaccent({column})), '{weight}') || "
                f"setweight(to_tsvector({config}, unaccent({column})), '{weight}')"
            )

        return f"{vector('title', 'A')} || {vector('summary', 'B')} || {vector('body', 'C')}"

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
            f"INSERT INTO {DOC_TABLE} ({names}, search_vector) "  # noqa: S608
            f"SELECT {names}, {self._vector()} FROM unnest({arrays}) AS v({names})"
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, [values[c] for c in columns])

    def delete(self, page_ids: list[int]) -> None:
        """The vector lives on the document row; deleting the row is enough."""

    def clear(self) -> None:
        """As for delete."""

    @staticmethod
    @functools.lru_cache(maxsize=512)
    def _tsquery(words: tuple[str, ...], any_word: bool) -> str:
        """The query in every configuration at once, computed once, as ``tsquery`` text.

        Passing it back as a constant lets PostgreSQL use the GIN index and spares it from
        rebuilding five ``to_tsquery`` calls for every row it ranks.
        """
        per_word = " || ".join(
            "to_tsquery(%s::regconfig, unaccent(%s))" for _ in range(1 + len(PG_CONFIGS))
        )
        sql = (" || " if any_word else " && ").join(f"({per_word})" for _ in words)
        params = [
            value
            for w in words
            for cfg in ("simple", *PG_CONFIGS.values())
            for value in (cfg, f"{w}:*")
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT ({sql})::text", params)  # noqa: S608 - placeholders only
            return cursor.fetchone()[0]

    def predicate(self, words: list[str]) -> tuple[str, list]:
        """SQL true for the rows of ``d`` (the documents) matching every word."""
        return "d.search_vector @@ %s::tsquery", [self._tsquery(tuple(words), False)]

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
            qs = self.match(qs, words, any_word=True)
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
        matched = self._documents()
        if query.kinds:
            matched = matched.filter(kind__in=query.kinds)
        if words:
            matched = self.text.match(matched, words)
        filters = self._filters(query)
        hits_qs = matched.filter(*filters.values())
        if query.sort == "newest":
            ordered = hits_qs.order_by("-year", "-published_at", "-pk")
        elif words:
            ordered = self.text.ranked(hits_qs, words)
        else:
            ordered = hits_qs.order_by("-published_at", "-pk")
        facets, total = self._facets(query, words, filters) if query.facets else ({}, None)
        rows = []
        if total is None or query.offset < total:
            rows = list(
                ordered.select_related("country", "agency")[
                    query.offset : query.offset + query.per_page
                ]
            )
        if total is None:
            total = hits_qs.count() if rows or query.page > 1 else 0
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
            total=total, page=query.page, per_page=query.per_page, hits=hits, facets=facets
        )

    def _facets(self, query: SearchQuery, words: list[str], filters: dict[str, Q]):
        """Every facet and the total in one statement over the text matches.

        The matches are gathered once (a materialized CTE with one flag per active filter);
        each facet then counts the rows that pass every *other* filter, and ``total`` those
        that pass all of them. Returns ``(facets, total)``.
        """
        from ..models import SearchDocument

        lang = current_language()
        docs = SearchDocument._meta.db_table
        where, params = ["1=1"], []
        if query.kinds:
            where.append(f"d.kind IN ({', '.join(['%s'] * len(query.kinds))})")
            params += list(query.kinds)
        if query.agencies:
            where.append(f"d.agency_id IN ({', '.join(['%s'] * len(query.agencies))})")
            params += list(query.agencies)
        if words:
            sql, text_params = self.text.predicate(words)
            where.append(sql)
            params += text_params
        flags, flag_params = [], []
        for name in filters:
            if name == "agency":
                continue
            sql, values = self._flag(name, query)
            flags.append(f"({sql}) AS f_{name}")
            flag_params += values
        active = [name for name in filters if name != "agency"]

        def others(name: str) -> str:
            return " AND ".join([f"m.f_{n}" for n in active if n != name] or ["1=1"])

        country = Country._meta.db_table
        labels = list(dict.fromkeys(["name_en", f"name_{lang}"]))
        label_cols = ", ".join(f"x.{c}" for c in labels)
        if len(labels) == 1:
            label_cols += f", x.{labels[0]}"
        branches = [
            f"SELECT 'country', x.code, {label_cols}, COUNT(*) FROM m "  # noqa: S608
            f"JOIN {country} x ON x.id = m.country_id WHERE {others('country')} "
            f"GROUP BY x.code, {', '.join(f'x.{c}' for c in labels)}",
            f"SELECT 'year', CAST(m.year AS TEXT), NULL, NULL, COUNT(*) FROM m "  # noqa: S608
            f"WHERE m.year IS NOT NULL AND {others('year')} GROUP BY m.year",
            f"SELECT 'language', m.language, NULL, NULL, COUNT(*) FROM m "  # noqa: S608
            f"WHERE {others('language')} GROUP BY m.language",
        ]
        for name, field in (("theme", "themes"), ("population", "population_groups")):
            through = getattr(SearchDocument, field).through
            related = through._meta.get_field(
                "theme" if name == "theme" else "populationgroup"
            )
            branches.append(
                f"SELECT '{name}', x.slug, {label_cols}, COUNT(*) FROM m "  # noqa: S608
                f"JOIN {through._meta.db_table} t ON t.searchdocument_id = m.page_id "
                f"JOIN {related.related_model._meta.db_table} x ON x.id = t.{related.column} "
                f"WHERE {others(name)} "
                f"GROUP BY x.slug, {', '.join(f'x.{c}' for c in labels)}"
            )
        every = " AND ".join([f"m.f_{n}" for n in active] or ["1=1"])
        branches.append(f"SELECT 'total', NULL, NULL, NULL, COUNT(*) FROM m WHERE {every}")  # noqa: S608
        columns = ", ".join(["d.page_id", "d.country_id", "d.year", "d.language", *flags])
        # Built from constants and table names only; every value is a parameter.
        statement = (
            f"WITH m AS {self.text.materialized} (SELECT {columns} FROM {docs} d "  # noqa: S608
            f"WHERE {' AND '.join(where)}) " + " UNION ALL ".join(branches)
        )
        with connection.cursor() as cursor:
            cursor.execute(statement, flag_params + params)
            rows = cursor.fetchall()

        selected = {
            "country": set(query.countries),
            "theme": set(query.themes),
            "population": set(query.populations),
            "language": set(query.languages),
        }
        names = dict(settings.LANGUAGES)
        in_range = query.year_from is not None or query.year_to is not None
        facets: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
        total = 0
        for facet, value, label_en, label, count in rows:
            if facet == "total":
                total = count
            elif facet == "year":
                year = int(value)
                chosen = in_range and (query.year_from or 0) <= year <= (query.year_to or 9999)
                facets["year"].append(FacetValue(value, value, count, chosen))
            elif facet == "language":
                facets["language"].append(
                    FacetValue(value, str(names.get(value, value)), count, value in selected[facet])
                )
            else:
                facets[facet].append(
                    FacetValue(value, label or label_en, count, value in selected[facet])
                )
        for key in ("country", "theme", "population", "language"):
            facets[key].sort(key=lambda f: (-f.count, f.label))
        facets["year"].sort(key=lambda f: f.value, reverse=True)
        return facets, total

    @staticmethod
    def _flag(name: str, query: SearchQuery) -> tuple[str, list]:
        """SQL true for the rows of ``d`` that pass the active filter ``name``."""
        from ..models import SearchDocument

        def listed(values) -> str:
            return ", ".join(["%s"] * len(values))

        if name == "country":
            table = Country._meta.db_table
            codes = listed(query.countries)
            return (
                f"d.country_id IN (SELECT id FROM {table} WHERE code IN ({codes}))",  # noqa: S608
                list(query.countries),
            )
        if name in ("theme", "population"):
            field, related, values = (
                ("themes", "theme", query.themes)
                if name == "theme"
                else ("population_groups", "populationgroup", query.populations)
            )
            through = getattr(SearchDocument, field).through
            fk = through._meta.get_field(related)
            return (
                f"d.page_id IN (SELECT t.searchdocument_id FROM {through._meta.db_table} t "  # noqa: S608
                f"JOIN {fk.related_model._meta.db_table} x ON x.id = t.{fk.column} "
                f"WHERE x.slug IN ({listed(values)}))",
                list(values),
            )
        if name == "language":
            return f"d.language IN ({listed(query.languages)})", list(query.languages)
        bounds, values = [], []
        if query.year_from is not None:
            bounds.append("d.year >= %s")
            values.append(query.year_from)
        if query.year_to is not None:
            bounds.append("d.year <= %s")
            values.append(query.year_to)
        return " AND ".join(bounds), values

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
        words = [w[:40] for w, _n in counts.most_common(MLT_TERMS)]
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

    def rebuild(self, pages: Iterable, *, progress=None) -> int:
        from ..indexing import BATCH_SIZE, _batched, page_document
        from ..models import SearchDocument

        count = 0
        # One transaction: readers keep seeing the old index until the new one is complete.
        with transaction.atomic():
            SearchDocument.objects.all().delete()
            self.text.clear()
            vocabulary.clear()
            for batch in _batched(pages, BATCH_SIZE):
                self._write([page_document(p) for p in batch])
                count += len(batch)
                if progress:
                    progress(len(batch))
        return count
