"""Turning live pages into search documents, and keeping the active engine in step with them."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator, Sequence

from django.db import transaction
from django.db.models import prefetch_related_objects

from wagtail.models import Page
from wagtail.search import index

from django_tasks import task

from . import registry
from .engines import get_engine
from .registry import PageDocument, plain_text

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


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
            parts.extend(plain_text(v) for v in model_field.get_searchable_content(value))
            continue
        try:
            value = search_field.get_value(page)
        except (AttributeError, ValueError):
            continue
        if isinstance(value, str):
            parts.append(plain_text(value))
    return [p for p in parts if p]


def page_document(page: Page) -> PageDocument:
    """The document of one live, specific page: its registered builder's, else the generic one
    made of its ``search_fields``."""
    doc = PageDocument(
        page_id=page.pk,
        kind=page._meta.label_lower,
        language=page.locale.language_code if page.locale_id else "",
        title=page.title,
        url=page.get_url() or page.url_path,
        published_at=page.last_published_at or page.first_published_at,
    )
    indexed = registry.type_for(page)
    if indexed is not None:
        indexed.document(page, doc)
        return doc
    parts = _searchable_text(page, skip={"title"})
    intro = getattr(page, "intro", "") or getattr(page, "summary", "") or page.search_description
    doc.summary = plain_text(intro) or (parts[0][:300] if parts else "")
    doc.body = " ".join(parts)
    return doc


def live_pages() -> Iterator[Page]:
    """Every live page below the root, specific: the registered types first, each with what
    its builder reads loaded in batches, then every other page."""
    indexed = registry.registered()
    for each in indexed:
        pages = (
            each.model.objects.live()
            .public()
            .select_related("locale", *each.select_related)
            .prefetch_related(*each.prefetch_related)
            .order_by("pk")
        )
        yield from pages.iterator(chunk_size=BATCH_SIZE)
    others = Page.objects.live().public().filter(depth__gt=1)
    if indexed:
        others = others.not_type(*(each.model for each in indexed))
    for batch in _batched(others.specific().order_by("pk"), BATCH_SIZE):
        prefetch_related_objects(batch, "locale")  # one query a batch, whatever the types
        yield from batch


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
    ids = set(page_ids)
    live = list(
        Page.objects.live()
        .public()
        .filter(pk__in=ids, depth__gt=1)
        .specific()
    )
    # The specific pages come from a query per type that would not keep a select_related.
    prefetch_related_objects(live, "locale")
    for each in registry.registered():
        pages = [p for p in live if isinstance(p, each.model)]
        if pages:
            prefetch_related_objects(pages, *each.select_related, *each.prefetch_related)
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
