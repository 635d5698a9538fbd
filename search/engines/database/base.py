"""What the database engine's two dialects share: the tables, and the text index contract.

``DatabaseEngine`` (``__init__``) keeps the documents and counts facets the same way on every
database; only the full-text index differs, one dialect per module (``sqlite``, ``postgresql``),
chosen by the connection's vendor in :func:`search.engines.database.text_index`.
"""

from __future__ import annotations

from django.db.models import QuerySet

DOC_TABLE = "puente_search_searchdocument"
FTS_TABLE = "puente_search_fts"
GIN_INDEXES = ("puente_search_vector_gin", "puente_search_title_gin")
# "More like this" considers this many candidates at most, on every dialect.
MLT_CANDIDATES = 200


class TextIndex:
    """A dialect's full-text index over the document rows.

    ``insert`` writes the rows of prepared documents with their text; the rest reads. Sets of
    documents are bitsets of page ids (see ``engines.facets``). ``title_ranks`` is None where
    relevance comes from ``ranked`` alone; else ``title_ranks(words)`` gives ``(page id,
    rank)`` of the documents with one of the words in their title.
    """

    title_ranks = None

    def insert(self, docs) -> None:
        raise NotImplementedError

    def delete(self, page_ids: list[int]) -> None:
        """Drop the text of these documents, where it lives apart from their rows."""

    def clear(self) -> None:
        """Drop every document's text, where it lives apart from the rows."""

    def analyze(self, tables: list[str]) -> None:
        """Fresh planner statistics for these tables, where the planner uses them."""

    def settle(self, tables: list[str]) -> None:
        """After a rebuild, inside its transaction."""

    def vacuum(self, tables: list[str]) -> None:
        """After a rebuild has committed."""

    def matching(self, words: list[str], size: int) -> int:
        """The bitset of the page ids (below ``size``) of the documents matching every word."""
        raise NotImplementedError

    def match(self, qs: QuerySet, words: list[str], *, any_word: bool = False) -> QuerySet:
        """``qs`` narrowed to the documents matching every word (or any word)."""
        raise NotImplementedError

    def ranked(self, qs: QuerySet, words: list[str], *, any_word: bool = False) -> QuerySet:
        """``qs`` matching the words, annotated with ``rank`` (higher is better), best first."""
        raise NotImplementedError
