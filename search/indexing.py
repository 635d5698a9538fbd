"""Turning live pages into search documents, and keeping the active engine in step with them."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from wagtail.models import Page
from wagtail.search import index

from django_tasks import task

from .engines import get_engine

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


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


def _text(value) -> str:
    return " ".join(normalize_newlines(strip_tags(str(value or ""))).split())


def _searchable_text(page: Page, skip: set[str]) -> list[str]:
    """The text of a page's own ``index.SearchField``s, whatever its type."""
    parts = []
    for search_field in page.search_fields:
        if not isinstance(search_field, index.SearchField) or search_field.field_name in skip:
            continue
        try:
            model_field = search_field.get_field(type(page))
        except Exception:  # noqa: BLE001 - a search field may name a method, not a field
            model_field = None
        if model_field is not None and hasattr(model_field, "get_searchable_content"):
            # StreamField and RichTextField: their own text extraction, from the live value.
            value = getattr(page, search_field.field_name)
            parts.extend(_text(v) for v in model_field.get_searchable_content(value))
            continue
        try:
            value = search_field.get_value(page)
        except (AttributeError, ValueError):
            continue
        if isinstance(value, str):
            parts.append(_text(value))
    return [p for p in parts if p]


def page_document(page: Page) -> PageDocument:
    """The document of one live, specific page."""
    from experiences.models import ExperiencePage

    doc = PageDocument(
        page_id=page.pk,
        kind=f"{page._meta.app_label}.{page._meta.model_name}",
        language=page.locale.language_code if page.locale_id else "",
        title=page.title,
        url=page.get_url() or page.url_path,
        published_at=page.last_published_at or page.first_published_at,
    )
    if isinstance(page, ExperiencePage):
        doc.summary = _text(page.summary)
        doc.body = " ".join(
            _text(getattr(page, name))
            for name in (
                "problem", "actions", "results", "lessons", "enabling_factors", "replicability"
            )
        )
        doc.country_id = page.country_id
        doc.country_code = page.country.code
        doc.agency_id = page.agency_id
        if page.agency_id:
            doc.agency = f"{page.agency.name} {page.agency.acronym}".strip()
        doc.year = page.start_year
        themes = list(page.themes.all())
        groups = list(page.population_groups.all())
        doc.theme_ids, doc.theme_slugs = [t.pk for t in themes], [t.slug for t in themes]
        doc.population_ids = [g.pk for g in groups]
        doc.population_slugs = [g.slug for g in groups]
        return doc
    parts = _searchable_text(page, skip={"title"})
    intro = getattr(page, "intro", "") or getattr(page, "summary", "") or page.search_description
    doc.summary = _text(intro) or (parts[0][:300] if parts else "")
    doc.body = " ".join(parts)
    return doc


def live_pages() -> Iterator[Page]:
    """Every live page below the root, specific, experiences with their relations prefetched."""
    from experiences.models import ExperiencePage

    experiences = (
        ExperiencePage.objects.live()
        .public()
        .select_related("country", "agency", "locale")
        .prefetch_related("themes", "population_groups")
        .order_by("pk")
    )
    yield from experiences.iterator(chunk_size=BATCH_SIZE)
    others = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .not_type(ExperiencePage)
        .select_related("locale")
        .specific()
        .order_by("pk")
    )
    yield from others


def _batched(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def sync_pages(page_ids: Sequence[int]) -> None:
    """Index the live pages among ``page_ids`` and drop the others from the index."""
    from experiences.models import ExperiencePage

    ids = set(page_ids)
    live = list(
        Page.objects.live()
        .public()
        .filter(pk__in=ids, depth__gt=1)
        .select_related("locale")
        .specific()
    )
    experiences = [p for p in live if isinstance(p, ExperiencePage)]
    if experiences:
        prefetch_related_objects(experiences, "country", "agency", "themes", "population_groups")
    engine = get_engine()
    if live:
        engine.index_pages(live)
    gone = ids - {p.pk for p in live}
    if gone:
        engine.delete_pages(gone)


@task()
def sync_pages_task(page_ids: list[int]) -> None:
    sync_pages(page_ids)


def _enqueue(page_ids: list[int]) -> None:
    try:
        sync_pages_task.enqueue(page_ids)
    except Exception:
        # An index that lags is repaired by the next publish or a rebuild; an editor's
        # publish must never fail because of it.
        logger.exception("Could not update the search index for pages %s", page_ids)


def schedule(page_ids: Iterable[int]) -> None:
    """Update the index for these pages, in one batch, once the current transaction commits.

    Nothing happens if the transaction rolls back.
    """
    ids = sorted(set(page_ids))
    if ids:
        transaction.on_commit(functools.partial(_enqueue, ids))


def rebuild(progress=None) -> int:
    """Replace the active engine's index with every live page; returns the number indexed."""
    return get_engine().rebuild(live_pages(), progress=progress)
