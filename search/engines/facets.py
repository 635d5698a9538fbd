"""The database engine's facet counts: for every facet value, the set of documents that have it.

The database finds the documents that match the words (its full-text index); counting them by
country, theme, population group, year and language is done here. Counted by SQL aggregation,
every facet costs the database time in proportion to the matching rows, however the statement
is written. Here a set of documents is a Python integer used as a bitset (bit ``n`` stands for
page ``n``), so each count is one AND and one popcount over one bit per document, whatever the
number of matches. The same sets
give the newest-first lists, walked in an order the database computed once.

Each process keeps one snapshot of the documents' facet values, read from the documents table
and rebuilt when the index version changes. Every write to the index replaces the version (now
and when its transaction commits), so the counts follow a publish on the next search, in every
process that shares the cache.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection

from cms.directory.models import PopulationGroup, Theme
from cms.directory.versions import DIRECTORY

from .base import INDEX_VERSION

# The directory names every thing in each site language (``name_en``, ``name_es``…).
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
COLUMNS = ("kind", "agency", "country", "language", "year")
_lock = threading.Lock()
_current: tuple[str, Snapshot] | None = None


def _bits(positions: Iterable[int], size: int) -> int:
    """The bitset with these positions set (positions from ``size`` on are left out)."""
    buffer = bytearray((size + 7) // 8)
    for p in positions:
        if p < size:
            buffer[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buffer, "little")


def from_words(rows: Iterable[tuple[int, int]], size: int) -> int:
    """The bitset of ``(word, bits)`` rows: 64 bits per word, word ``n`` from bit ``64 n``.

    This is how the database hands a set of page ids over (``page_id >> 6`` grouped,
    ``1 << (page_id & 63)`` OR-ed): one row per 64 ids rather than one per id.
    """
    buffer = bytearray(((size + 63) // 64) * 8)
    limit = len(buffer) // 8
    for word, bits in rows:
        if 0 <= word < limit:
            buffer[word * 8 : word * 8 + 8] = (bits & 0xFFFFFFFFFFFFFFFF).to_bytes(8, "little")
    return int.from_bytes(buffer, "little") & ((1 << size) - 1)


def _set_positions(buffer: bytes) -> list[int]:
    """The positions of the bits set in ``buffer`` (little-endian), in increasing order."""
    found = []
    for i, byte in enumerate(buffer):
        if byte:
            base = i << 3
            found.extend(base + j for j in range(8) if byte >> j & 1)
    return found


@dataclass
class Snapshot:
    """Every indexed document's facet values, one bitset per value, and the list orders.

    Bit ``n`` of a set stands for the document of page ``n``.
    """

    size: int  # highest page id + 1
    everything: int
    # facet -> value -> documents. Facets: kind, agency, country (codes), theme and population
    # (slugs), language (codes), year (as text).
    values: dict[str, dict[str, int]]
    # facet -> value -> {language code: name}, for countries, themes and population groups.
    names: dict[str, dict[str, dict[str, str]]]
    # "newest" (publication, newest first) and "year" (start year first, then publication):
    # the page ids in that order, as the database orders them.
    orders: dict[str, list[int]]
    _ranks: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def labels(self, facet: str, language: str) -> dict[str, str]:
        """The names of the values of ``facet`` in ``language`` (English where it has none)."""
        return {
            value: names.get(language) or names.get("en") or value
            for value, names in self.names.get(facet, {}).items()
        }

    def of_ids(self, page_ids: Iterable[int]) -> int:
        """The set of these page ids."""
        return _bits(page_ids, self.size)

    def any_of(self, facet: str, values: Iterable) -> int:
        """The documents having at least one of these values of ``facet``."""
        found = 0
        table = self.values.get(facet, {})
        for value in values:
            found |= table.get(str(value), 0)
        return found

    def years(self, low: int | None, high: int | None) -> int:
        """The documents whose year lies in ``[low, high]`` (either end may be open)."""
        return self.any_of(
            "year",
            [
                year
                for year in self.values.get("year", {})
                if (low is None or int(year) >= low) and (high is None or int(year) <= high)
            ],
        )

    def counts(self, facet: str, within: int) -> dict[str, int]:
        """How many documents of ``within`` have each value of ``facet`` (none: left out)."""
        found = {}
        for value, documents in self.values.get(facet, {}).items():
            count = (documents & within).bit_count()
            if count:
                found[value] = count
        return found

    def _buffer(self, documents: int) -> bytes:
        return documents.to_bytes((self.size + 7) // 8 or 1, "little")

    def first(self, documents: int, order: str, limit: int) -> list[int]:
        """The page ids of the first ``limit`` of ``documents`` in ``order``."""
        if limit <= 0 or not documents:
            return []
        sequence = self.orders[order]
        buffer = self._buffer(documents)
        if documents.bit_count() * 20 >= len(sequence):
            # At least one in twenty: walking the order finds them in a few hundred steps.
            found = []
            for p in sequence:
                if buffer[p >> 3] >> (p & 7) & 1:
                    found.append(p)
                    if len(found) == limit:
                        break
            return found
        return sorted(_set_positions(buffer), key=self.rank_in(order).__getitem__)[:limit]

    def rank_in(self, order: str) -> list[int]:
        """Each page id's place in ``order`` (ids not in the index come last)."""
        if order not in self._ranks:
            rank = [len(self.orders[order])] * self.size
            for i, p in enumerate(self.orders[order]):
                rank[p] = i
            self._ranks[order] = rank
        return self._ranks[order]

    def is_in(self, documents: int):
        """A test of membership in ``documents`` by page id."""
        buffer = self._buffer(documents)
        size = self.size

        def test(page_id: int) -> bool:
            return 0 <= page_id < size and bool(buffer[page_id >> 3] >> (page_id & 7) & 1)

        return test


def _read() -> Snapshot:
    """Every document's facet values and orders, and the names of the values, in one statement."""
    from ..models import SearchDocument

    docs = SearchDocument._meta.db_table
    country = SearchDocument._meta.get_field("country").related_model._meta.db_table
    names = ", ".join(f"name_{code}" for code in LANGUAGES)
    width = max(9, 3 + len(LANGUAGES))

    def pad(columns: int) -> str:
        return ", NULL" * (width - columns)

    # The orders are the database's own (its NULL placement included).
    parts = [
        f"SELECT 'd', d.page_id, d.kind, CAST(d.agency_id AS TEXT), c.code, "  # noqa: S608
        f"d.language, CAST(d.year AS TEXT), "
        f"ROW_NUMBER() OVER (ORDER BY d.published_at DESC, d.page_id DESC), "
        f"ROW_NUMBER() OVER (ORDER BY d.year DESC, d.published_at DESC, d.page_id DESC)"
        f"{pad(9)} FROM {docs} d LEFT JOIN {country} c ON c.id = d.country_id"
    ]
    for facet, relation in (("theme", "themes"), ("population", "population_groups")):
        through = SearchDocument._meta.get_field(relation).remote_field.through
        target = next(
            f
            for f in through._meta.fields
            if f.is_relation and f.related_model is not SearchDocument
        )
        parts.append(
            f"SELECT '{facet}', t.searchdocument_id, x.slug{pad(3)} "  # noqa: S608
            f"FROM {through._meta.db_table} t "
            f"JOIN {target.related_model._meta.db_table} x ON x.id = t.{target.column}"
        )
    for facet, model, key in (
        ("country", country, "code"),
        ("theme", Theme._meta.db_table, "slug"),
        ("population", PopulationGroup._meta.db_table, "slug"),
    ):
        parts.append(
            f"SELECT 'name:{facet}', NULL, {key}, {names}{pad(3 + len(LANGUAGES))} "  # noqa: S608
            f"FROM {model}"
        )
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        rows = cursor.fetchall()
    labels: dict[str, dict[str, dict[str, str]]] = {}
    for kind, _pk, value, *translations in rows:
        if kind.startswith("name:"):
            labels.setdefault(kind[5:], {})[value] = dict(zip(LANGUAGES, translations))  # noqa: B905
    documents = [row[1:9] for row in rows if row[0] == "d"]
    size = max((row[0] for row in documents), default=-1) + 1
    members: dict[str, dict[str, list[int]]] = {}
    for pk, *values in documents:
        for facet, value in zip(COLUMNS, values[:5], strict=True):
            if value is not None:
                members.setdefault(facet, {}).setdefault(str(value), []).append(pk)
    for facet, pk, slug, *_rest in rows:
        if facet in ("theme", "population"):
            members.setdefault(facet, {}).setdefault(slug, []).append(pk)
    return Snapshot(
        size=size,
        everything=_bits((row[0] for row in documents), size),
        values={
            facet: {value: _bits(found, size) for value, found in table.items()}
            for facet, table in members.items()
        },
        names=labels,
        orders={
            name: [row[0] for row in sorted(documents, key=lambda r: r[column])]
            for name, column in (("newest", 6), ("year", 7))
        },
    )


def snapshot() -> Snapshot:
    """This process's snapshot of the index, read again if the index or the directory changed."""
    global _current
    version = f"{INDEX_VERSION.current()}:{DIRECTORY.current()}"
    current = _current
    if current is not None and current[0] == version:
        return current[1]
    with _lock:
        if _current is None or _current[0] != version:
            # Read after the version: a write committing meanwhile replaces the version again,
            # so a snapshot older than the index is never kept past the next search.
            _current = (version, _read())
        return _current[1]

