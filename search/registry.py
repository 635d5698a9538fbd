"""The page types whose search documents say more than their ``search_fields``.

Site search indexes every live public page of every type through its ``search_fields`` (the
generic path in ``search.indexing``). A page type whose document carries facets (country,
agency, year, themes, population groups) or a text of its own choosing registers an
:class:`IndexedType` in its app's ``AppConfig.ready()``, as rooms' parents do::

    from search import registry
    registry.register(registry.IndexedType(
        model=ExperiencePage,
        document=experience_document,  # (page, doc) -> None: fills in the PageDocument
        select_related=("country", "agency"),
        prefetch_related=("themes", "population_groups"),
    ))

``document(page, doc)`` may read only what ``select_related`` and ``prefetch_related`` load:
indexing then costs the same few queries for a batch of one page or of five hundred. Search
imports no domain app; the domains import this module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from wagtail.models import Page


@dataclass
class PageDocument:
    """What every engine indexes about one live page."""

    page_id: int
    kind: str
    language: str
    title: str
    url: str
    summary: str = ""
    body: str = ""
    country_id: int | None = None
    country_code: str | None = None
    agency_id: int | None = None
    agency: str = ""
    year: int | None = None
    theme_ids: list[int] = field(default_factory=list)
    theme_slugs: list[str] = field(default_factory=list)
    population_ids: list[int] = field(default_factory=list)
    population_slugs: list[str] = field(default_factory=list)
    published_at: object = None


def plain_text(value) -> str:
    """Rich text or plain text as one line of words, without tags."""
    return " ".join(normalize_newlines(strip_tags(str(value or ""))).split())


@dataclass(frozen=True)
class IndexedType:
    model: type[Page]
    document: Callable[[Page, PageDocument], None]
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()


_types: dict[type[Page], IndexedType] = {}


def register(indexed: IndexedType) -> None:
    _types[indexed.model] = indexed


def registered() -> list[IndexedType]:
    """Every registered type, in a stable order (by model label)."""
    return sorted(_types.values(), key=lambda t: t.model._meta.label_lower)


def type_for(page: Page) -> IndexedType | None:
    """The registration of this (specific) page's type or of its nearest registered parent."""
    for model in type(page).__mro__:
        if model in _types:
            return _types[model]
    return None
