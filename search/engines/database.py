"""The embedded engine: SQLite FTS5 or PostgreSQL full text, facets by SQL aggregation."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL

from cms.directory.models import current_language

from .base import (
    EXPERIENCE_KIND,
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

    windows_with_rank = False

    def write(self, docs) -> None:
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

    windows_with_rank = True

    def write(self, docs) -> None:
        cases = " ".join(f"WHEN '{code}' THEN '{cfg}'" for code, cfg in PG_CONFIGS.items())
        config = f"(CASE language {cases} ELSE 'simple' END)::regconfig"

        def vector(column: str, weight: str) -> str:
            return (
                f"setweight(to_tsvector('simple', unaccent({column})), '{weight}') || "
                f"setweight(to_tsvector({config}, unaccent({column})), '{weight}')"
            )

        # Built from constants only; the ids are a parameter.
        vectors = f"{vector('title', 'A')} || {vector('summary', 'B')} || {vector('body', 'C')}"
        statement = f"UPDATE {DOC_TABLE} SET search_vector = {vectors} WHERE page_id = ANY(%s)"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(statement, [[d.page_id for d in docs]])

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

    def match(self, qs: QuerySet, words: list[str], *, any_word: bool = False) -> QuerySet:
        tsquery = self._tsquery(tuple(words), any_word)
        return qs.filter(
            pk__in=RawSQL(  # noqa: S611 - constant SQL; the query is a parameter
                "SELECT page_id FROM puente_search_searchdocument "
                "WHERE search_vector @@ %s::tsquery",
                [tsquery],
            )
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
        # Ranked PostgreSQL queries rank every match anyway, so the total rides along with the
        # page of hits; elsewhere a count is cheaper (and FTS5's bm25() refuses windows).
        windowed = self.text.windows_with_rank and words and query.sort != "newest"
        if windowed:
            ordered = ordered.extra(select={"total_count": "COUNT(*) OVER ()"})  # noqa: S610
        rows = list(
            ordered.select_related("country", "agency")[
                query.offset : query.offset + query.per_page
            ]
        )
        if windowed and rows:
            total = rows[0].total_count
        else:
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
        facets = self._facets(matched, filters, query) if query.facets else {}
        return SearchResults(
            total=total, page=query.page, per_page=query.per_page, hits=hits, facets=facets
        )

    def _facets(self, matched: QuerySet, filters: dict[str, Q], query: SearchQuery):
        from ..models import SearchDocument

        def others(name: str) -> QuerySet:
            # Each facet counts with every *other* active filter applied.
            return matched.filter(*(q for key, q in filters.items() if key != name))

        lang = current_language()
        facets = {}
        name_fields = list(dict.fromkeys(f"name_{code}" for code in ("en", lang)))
        country_fields = ["country__code", *[f"country__{n}" for n in name_fields]]
        scalar_fields = {"country": country_fields, "year": ["year"], "language": ["language"]}
        # Facets whose own filter is inactive all count over the same rows: one GROUP BY
        # serves them together; a facet whose filter is active needs its own query.
        counts: dict[str, Counter] = {name: Counter() for name in scalar_fields}
        labels: dict[tuple, str] = {}
        shared = [name for name in scalar_fields if name not in filters]
        groups = [(shared, others(""))] if shared else []
        groups += [([name], others(name)) for name in scalar_fields if name in filters]
        for names, qs in groups:
            fields = [f for name in names for f in scalar_fields[name]]
            for row in qs.values(*fields).annotate(n=Count("pk")).order_by():
                for name in names:
                    value = row[scalar_fields[name][0]]
                    if value is None:
                        continue
                    counts[name][value] += row["n"]
                    if name == "country":
                        labels[("country", value)] = (
                            row[f"country__name_{lang}"] or row["country__name_en"]
                        )
        facets["country"] = [
            FacetValue(code, labels[("country", code)], n, code in query.countries)
            for code, n in counts["country"].items()
        ]
        for key, relation, related, selected in (
            ("theme", "themes", "theme", query.themes),
            ("population", "population_groups", "populationgroup", query.populations),
        ):
            through = getattr(SearchDocument, relation).through.objects
            rows = (
                through.filter(searchdocument__in=others(key).values("pk"))
                .values(f"{related}__slug", *[f"{related}__{n}" for n in name_fields])
                .annotate(n=Count("searchdocument_id"))
            )
            facets[key] = [
                FacetValue(
                    r[f"{related}__slug"],
                    r[f"{related}__name_{lang}"] or r[f"{related}__name_en"],
                    r["n"],
                    r[f"{related}__slug"] in selected,
                )
                for r in rows
            ]
        in_range = query.year_from is not None or query.year_to is not None
        facets["year"] = [
            FacetValue(
                str(year),
                str(year),
                n,
                in_range and (query.year_from or 0) <= year <= (query.year_to or 9999),
            )
            for year, n in counts["year"].items()
        ]
        names = dict(settings.LANGUAGES)
        facets["language"] = [
            FacetValue(code, str(names.get(code, code)), n, code in query.languages)
            for code, n in counts["language"].items()
        ]
        for key in ("country", "theme", "population", "language"):
            facets[key].sort(key=lambda f: (-f.count, f.label))
        facets["year"].sort(key=lambda f: f.value, reverse=True)
        return facets

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
        self.text.write(docs)

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
            for batch in _batched(pages, BATCH_SIZE):
                self._write([page_document(p) for p in batch])
                count += len(batch)
                if progress:
                    progress(len(batch))
        return count
