"""The database engine's typo tolerance: indexed words, and the closest one to a word typed.

Every word of every indexed document (folded, alphabetic, 3 to 40 letters) is kept in one
table with the number of documents written with it since the last rebuild. When a query finds
nothing, each of its words that starts no indexed word is replaced by the closest indexed word
within an edit distance like Elasticsearch's ``fuzziness: AUTO`` (one edit up to five letters,
two beyond; a swap of two neighbouring letters counts as one), the most frequent one first.

Candidates come from a trigram index on PostgreSQL (``pg_trgm``) and, on SQLite, from the
words sharing the first letter and a similar length; the distance is always computed here.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

from django.db import connection

from .base import fold

TABLE = "puente_search_vocabulary"
MIN_LENGTH = 3
MAX_LENGTH = 40
CANDIDATES = 50
_ALPHA = re.compile(r"[^\W\d_]{3,40}", re.UNICODE)
_HIGHEST = "\U0010ffff"


def words_of(text: str) -> set[str]:
    """The distinct folded words of ``text`` the vocabulary keeps."""
    return {w for w in _ALPHA.findall(fold(text)) if MIN_LENGTH <= len(w) <= MAX_LENGTH}


def add(texts: Iterable[str], *, connection=connection) -> None:
    """Count the words of these documents (one text per document) into the vocabulary."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words_of(text))
    if not counts:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} (word, documents) VALUES (%s, %s) "  # noqa: S608 - constant
            f"ON CONFLICT (word) DO UPDATE SET documents = {TABLE}.documents + excluded.documents",
            sorted(counts.items()),
        )


def distinctive(counts: Counter[str], limit: int) -> list[str]:
    """The ``limit`` words of a text that say most about it: frequent in it, rare in the index.

    ``counts`` are the text's words and how often it uses each; a word's weight is that count
    times log(1 + documents / documents with the word), as "more like this" weighs terms.
    Words the index has never seen count as found in one document.
    """
    from ..models import SearchDocument

    words = [w[:MAX_LENGTH] for w, _n in counts.most_common(200)]
    if not words:
        return []
    with connection.cursor() as cursor:
        # The number of documents rides along as the empty word (words have three letters).
        cursor.execute(
            f"SELECT '', COUNT(*) FROM {SearchDocument._meta.db_table} UNION ALL "  # noqa: S608
            f"SELECT word, documents FROM {TABLE} "
            f"WHERE word IN ({', '.join(['%s'] * len(words))})",
            words,
        )
        found = dict(cursor.fetchall())
    total = max(found.pop("", 1), 1)
    weight = {w: counts[w] * math.log(1 + total / max(found.get(w, 1), 1)) for w in words}
    return sorted(words, key=lambda w: (-weight[w], w))[:limit]


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608 - constant


def max_edits(word: str) -> int:
    """Elasticsearch's ``AUTO``: none below three letters, one up to five, two beyond."""
    return 0 if len(word) < MIN_LENGTH else 1 if len(word) <= 5 else 2


def distance(a: str, b: str, limit: int) -> int:
    """Edit distance with adjacent swaps (optimal string alignment); ``limit + 1`` if above."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _known(cursor, word: str) -> bool:
    """Whether some indexed word starts with ``word`` (queries match word prefixes)."""
    if connection.vendor == "postgresql":
        # LIKE, served by the trigram index, whatever the database's collation.
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        cursor.execute(f"SELECT 1 FROM {TABLE} WHERE word LIKE %s LIMIT 1", [escaped + "%"])  # noqa: S608
    else:
        # SQLite compares text by code point: the words starting with ``word`` form a range.
        cursor.execute(
            f"SELECT 1 FROM {TABLE} WHERE word >= %s AND word < %s LIMIT 1",  # noqa: S608
            [word, word + _HIGHEST],
        )
    return cursor.fetchone() is not None


def _candidates(cursor, word: str) -> list[tuple[str, int]]:
    edits = max_edits(word)
    if connection.vendor == "postgresql":
        cursor.execute(
            f"SELECT word, documents FROM {TABLE} WHERE word %% %s "  # noqa: S608 - constant
            "AND length(word) BETWEEN %s AND %s ORDER BY word <-> %s LIMIT %s",
            [word, len(word) - edits, len(word) + edits, word, CANDIDATES],
        )
    else:
        cursor.execute(
            f"SELECT word, documents FROM {TABLE} WHERE word >= %s AND word < %s "  # noqa: S608
            "AND length(word) BETWEEN %s AND %s",
            [word[0], word[0] + _HIGHEST, len(word) - edits, len(word) + edits],
        )
    return cursor.fetchall()


def correct(words: list[str]) -> list[str]:
    """``words`` with each unknown one replaced by the closest indexed word, if one is close."""
    fixed = []
    with connection.cursor() as cursor:
        for word in words:
            edits = max_edits(word)
            if not edits or not word.isalpha() or _known(cursor, word):
                fixed.append(word)
                continue
            best = None
            for candidate, documents in _candidates(cursor, word):
                d = distance(word, candidate, edits)
                if d <= edits:
                    key = (d, -documents, candidate)
                    best = key if best is None or key < best else best
            fixed.append(best[2] if best else word)
    return fixed
