"""Folding (lower case, no accents) and the query words built on it; no database."""

import random
import unicodedata

import pytest

from search.engines.base import fold, terms
from search.engines.database.postgresql import _alternatives


def _reference(text: str) -> str:
    """The definition: the whole text decomposed, its combining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Migración", "migracion"),
        ("São Tomé e Príncipe", "sao tome e principe"),
        ("Ñandutí ÇA Œuvre", "nanduti ca œuvre"),  # œ is a letter of its own
        ("Straße", "strasse"),
        ("ﬁnanciación", "financiacion"),  # a compatibility ligature
        ("Кириллица и 中文", "кириллица и 中文"),  # other scripts stay as they are
        ("", ""),
    ],
)
def test_fold_examples(text, folded):
    assert fold(text) == folded


def test_fold_character_by_character_equals_folding_the_whole_text():
    every_character = [chr(c) for c in range(0x20, 0x3000) if not 0xD800 <= c <= 0xDFFF]
    assert [fold(c) for c in every_character] == [_reference(c) for c in every_character]
    rng = random.Random(20261128)  # noqa: S311 - test data
    # Letters followed by several combining marks, in any order: the reordering case.
    marks = [chr(c) for c in range(0x300, 0x370)]
    for _ in range(2000):
        text = "".join(
            rng.choice(every_character) + "".join(rng.sample(marks, rng.randint(0, 3)))
            for _ in range(rng.randint(1, 12))
        )
        assert fold(text) == _reference(text), repr(text)


def test_terms_are_folded_words_without_search_syntax():
    assert terms('"Migración" (laboral): *niñez* \\ ~') == ["migracion", "laboral", "ninez"]


def test_a_stem_the_prefix_covers_is_left_out():
    # "public:*" covers the stem "public"; "visit" is not covered by "visits:*".
    assert _alternatives(["'public':*", "'public'", "'public'", "", "'public'"]) == ["'public':*"]
    assert _alternatives(["'visits':*", "'visit'", "'visits'", "'visit'", "'visits'"]) == [
        "'visits':*",
        "'visit'",
    ]
    # A word the parser splits keeps its operators, in brackets; stop words (empty) are dropped.
    assert _alternatives(["'a':* <-> 'b':*", "'b'", "", "'a' <-> 'b'", "'b'"]) == [
        "( 'a':* <-> 'b':* )",
        "'b'",
        "( 'a' <-> 'b' )",
    ]
