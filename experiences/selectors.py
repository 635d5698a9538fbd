"""Experiences read through the search engine: similar ones (for matching), related ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.core.cache import cache

from search.engines import INDEX_VERSION, get_engine

RELATED_TIMEOUT = 24 * 60 * 60


@dataclass(frozen=True)
class ExperienceMatch:
    page_id: int
    score: float
    agency_id: int | None
    title: str
    url: str
    language: str = ""


def similar_experiences(
    text: str,
    *,
    theme_slugs: Sequence[str] = (),
    population_slugs: Sequence[str] = (),
    limit: int = 20,
) -> list[ExperienceMatch]:
    """Live experiences most like ``text``, best first: the active engine's "more like this".

    Shared themes and population groups raise an experience's score, so a short request
    still finds the agencies that have done this work. Scores are comparable within one call.
    """
    limit = max(0, min(int(limit), 200))
    if not limit:
        return []
    hits = get_engine().similar(
        text, themes=tuple(theme_slugs), populations=tuple(population_slugs), limit=limit
    )
    return [
        ExperienceMatch(h.page_id, h.score, h.agency_id, h.title, h.url, h.language)
        for h in hits
    ]


def related_experiences(
    page, *, themes=None, groups=None, limit: int = 4, cached: bool = True
) -> list[ExperienceMatch]:
    """Experiences like ``page`` (shown on its page), best first.

    Kept in the shared cache under the index version: any write to the index (this page's
    publication included) makes the next view ask the engine again. ``cached=False`` for a
    preview, whose text may differ from the published page's.
    """
    if not cached:
        return _related(page, themes, groups, limit)
    key = f"puente:search:related:{INDEX_VERSION.current()}:{page.pk}:{limit}"
    found = cache.get(key)
    if found is None:
        found = _related(page, themes, groups, limit)
        cache.set(key, found, RELATED_TIMEOUT)
    return found


def _related(page, themes, groups, limit: int) -> list[ExperienceMatch]:
    themes = list(page.themes.all()) if themes is None else themes
    groups = list(page.population_groups.all()) if groups is None else groups
    text = f"{page.title} {page.summary} {page.problem} {page.actions}"
    hits = get_engine().similar(
        text,
        themes=[t.slug for t in themes],
        populations=[g.slug for g in groups],
        exclude=[page.pk],
        limit=limit,
    )
    return [
        ExperienceMatch(h.page_id, h.score, h.agency_id, h.title, h.url, h.language)
        for h in hits
    ]
