"""The one contract every search engine honours: queries in, hits and facet counts out."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.translation import gettext

from cms.versions import Version

# The kind of page a faceted search and "more like this" look at unless told otherwise: the
# experiences' model label, as a string (search imports no domain; a test in tests/experiences
# fails if the two ever disagree).
EXPERIENCE_KIND = "experiences.experiencepage"
# Replaced by every engine whenever it writes to its index: answers kept under it (the database
# engine's facet snapshot, each page's related experiences) are never read past a change.
INDEX_VERSION = Version("puente:search:index:version")
FACETS = ("country", "theme", "population", "year", "language")
SORTS = ("relevance", "newest")
MAX_TERMS = 24
MAX_TERM_LENGTH = 40
MAX_PAGE = 1000
_WORD = re.compile(r"\w+", re.UNICODE)


class _Folding(dict):
    """Each character's compatibility decomposition without its combining marks, learnt once.

    Decomposing a string is decomposing each character, then ordering the marks (dropped
    here): so folding character by character through ``str.translate`` gives the same text,
    without a Python step per character (the snippets of a page of hits fold many words).
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        self[code] = folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """Lower case without accents: "Migración" → "migracion"."""
    return text.casefold().translate(_FOLDING)


def terms(text: str, limit: int = MAX_TERMS) -> list[str]:
    """The distinct words of a query, folded, as safe tokens (letters, digits, underscore only).

    Search syntax (quotes, brackets, colons, stars, backslashes, tildes) is dropped: users type
    words, and no engine ever receives a raw operator from them.
    """
    seen: dict[str, None] = {}
    for word in _WORD.findall(fold(text[: limit * 100])):
        word = word.strip("_")[:MAX_TERM_LENGTH]
        if word and word not in seen:
            seen[word] = None
            if len(seen) == limit:
                break
    return list(seen)


@dataclass(frozen=True)
class SearchQuery:
    """What a user asks for. Empty filters mean "any"; values are codes, slugs or ids."""

    text: str = ""
    kinds: tuple[str, ...] = (EXPERIENCE_KIND,)  # empty: every kind of page
    countries: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    populations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    agencies: tuple[int, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    facets: bool = True

    @property
    def terms(self) -> list[str]:
        return terms(self.text)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True)
class SearchHit:
    page_id: int
    title: str
    url: str
    kind: str
    language: str
    snippet: str  # safe HTML: escaped text with <mark> around matched words
    score: float = 0.0
    country_code: str | None = None
    country: str | None = None
    agency_id: int | None = None
    agency: str | None = None
    year: int | None = None


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    total: int
    page: int
    per_page: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # When the words typed found nothing and close spellings did ("migracoin" → "migracion"):
    # the query these results are for, to show as "Showing results for …". Empty otherwise.
    corrected: str = ""

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def corrected_notice(self) -> str:
        """"Showing results for …" as safe HTML when the query was corrected, else ``""``."""
        if not self.corrected:
            return ""
        return format_html(
            gettext("Showing results for {query}"),
            query=format_html("<strong>{}</strong>", self.corrected),
        )


@dataclass(frozen=True)
class SimilarHit:
    page_id: int
    score: float
    agency_id: int | None
    title: str
    url: str
    language: str = ""


class Engine:
    """Base class of the engines. Views, the API and services only ever call these methods."""

    name = "base"

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def similar(
        self,
        text: str,
        *,
        themes: Sequence[str] = (),
        populations: Sequence[str] = (),
        exclude: Iterable[int] = (),
        limit: int = 20,
    ) -> list[SimilarHit]:
        """Live experiences most like ``text`` (and sharing the given themes and groups)."""
        raise NotImplementedError

    def index_pages(self, pages: Sequence) -> int:
        """Write (or overwrite) the documents of these live, specific pages; returns a count."""
        raise NotImplementedError

    def delete_pages(self, page_ids: Iterable[int]) -> None:
        raise NotImplementedError

    def rebuild(self, pages: Iterable, *, progress=None) -> int:
        """Replace the whole index with these pages; ``progress(n)`` after each batch."""
        raise NotImplementedError
