"""SQLite: an FTS5 table beside the documents (its rowid is the page id), ranked by bm25()."""

from __future__ import annotations

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from .. import facets
from .base import DOC_TABLE, FTS_TABLE, TextIndex


class SqliteText(TextIndex):
    """FTS5, with Porter stemming over Unicode words and diacritics removed."""

    # title_ranks stays None: relevance comes from bm25() over every column (see ``ranked``).

    def insert(self, docs) -> None:
        """Insert the document rows, then their text into the FTS5 table."""
        from ...models import SearchDocument

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
