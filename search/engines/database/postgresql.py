"""PostgreSQL: a weighted ``tsvector`` on each document row under GIN indexes, and the title
vector apart for ranking. (The vectors live on the rows: ``delete`` and ``clear`` have nothing
more to do.)"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from .. import facets
from .base import DOC_TABLE, GIN_INDEXES, MLT_CANDIDATES, TextIndex

# A set of page ids handed over 64 to a row (grouped by ``page_id >> 6``): see facets.from_words.
PAGE_ID_WORDS = "page_id >> 6, bit_or(1::bigint << (page_id & 63))"
PG_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "pt": "portuguese"}


_LEXEME = re.compile(r"'((?:[^']|'')*)'(:\*)?")


def _alternatives(texts: Sequence[str]) -> list[str]:
    """One word's ``tsquery`` alternatives (its prefix, its stem in each language), each once.

    A stem the prefix already covers ("public" under "public:*") is left out: the GIN index
    would read its entries again for nothing.
    """
    lexemes = [(text, _LEXEME.fullmatch(text)) for text in texts if text]
    prefixes = [m.group(1) for _text, m in lexemes if m and m.group(2)]
    kept: dict[str, None] = {}
    for text, m in lexemes:
        if m and not m.group(2) and any(m.group(1).startswith(p) for p in prefixes):
            continue
        kept[text if m else f"( {text} )"] = None
    return list(kept)


class PostgresText(TextIndex):
    """A weighted ``tsvector`` (simple + the document's language, unaccented) under a GIN index.

    Relevance: documents with query words in their title first, by ``ts_rank`` of the small
    title vector (more of the words, and in more configurations, rank higher); then the other
    matches, newest first. Ranking every match by its whole vector meant reading every matching
    vector, which grows with the matches; this reads only the title vectors of the title
    matches.
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

    def analyze(self, tables: list[str]) -> None:
        """Fresh statistics for these tables, inside the rebuild's transaction.

        The rebuild's foreign keys are checked when it commits, one query per row with a plan
        made from the statistics of the moment: with the page table's statistics from before a
        bulk import (two rows), each check read the whole table and the commit of a large
        rebuild took very long. At the end, the new documents' statistics (an ANALYZE counts
        its own transaction's rows) serve the first searches too.
        """
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(tables)}")

    def settle(self, tables: list[str]) -> None:
        """After a rebuild: the GIN indexes' pending entries merged, and fresh statistics.

        GIN collects new entries in a pending list that every search reads from end to end
        until it is merged; after a rebuild it holds hundreds of pages and makes each title
        search several times slower. (Day to day, migration 0007 keeps it small.)
        """
        with connection.cursor() as cursor:
            for index in GIN_INDEXES:
                cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
        self.analyze(tables)

    def vacuum(self, tables: list[str]) -> None:
        """After a rebuild has committed: the old rows' space reclaimed now, not whenever
        autovacuum comes by. Counting each word of the vocabulary batch after batch leaves
        one dead row per update (several per document), which every typo lookup
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
        # everything, and made the index read every word it starts.
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
        common; with the vectors kept out of line, that scan reads every vector, where the
        index reads only the matches. Sent as one string with the
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
        less than a second search of the title index. For one common word it is the other
        way round: use the two.
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
            # Ranking every document sharing a word grows with the index; this does not.
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
