"""``/api/data/``: the open-data catalogue and its rows, a page at a time (the whole tables are
streamed at ``/data/<slug>.csv|json``)."""

from __future__ import annotations

from itertools import islice

from django.http import Http404

from ninja import Field, Query, Router, Schema

from . import catalogue, datasets
from .streams import cell

router = Router(tags=["open data"])

MAX_LIMIT = 1000


class ColumnOut(Schema):
    name: str
    description: str
    type: str


class DatasetOut(Schema):
    slug: str
    title: str
    description: str
    license: str
    modified: str | None
    keywords: list[str]
    columns: list[ColumnOut]
    csv_url: str
    json_url: str


class RowsQuery(Schema):
    offset: int = Field(0, ge=0, le=10_000_000)
    limit: int = Field(100, ge=1, le=MAX_LIMIT)


class RowsOut(Schema):
    dataset: str
    offset: int
    limit: int
    columns: list[str]
    rows: list[dict]
    next_offset: int | None = Field(None, description="offset of the next page, if any")


def _out(dataset: datasets.Dataset) -> dict:
    modified = catalogue.last_updated(dataset)
    return {
        "slug": dataset.slug,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "license": datasets.LICENCE_URL,
        "modified": cell(modified) if modified else None,
        "keywords": list(dataset.keywords),
        "columns": [
            {"name": c.name, "description": str(c.description), "type": c.type}
            for c in dataset.column_list()
        ],
        "csv_url": catalogue.download_path(dataset, "csv"),
        "json_url": catalogue.download_path(dataset, "json"),
    }


def _dataset(slug: str) -> datasets.Dataset:
    dataset = datasets.get(slug)
    if dataset is None:
        raise Http404("No such dataset")
    return dataset


@router.get("/", response=list[DatasetOut])
def dataset_list(request):
    return [_out(d) for d in datasets.registered()]


@router.get("/{slug}", response=DatasetOut)
def dataset_detail(request, slug: str):
    return _out(_dataset(slug))


@router.get("/{slug}/rows", response=RowsOut)
def dataset_rows(request, slug: str, query: Query[RowsQuery]):
    dataset = _dataset(slug)
    names = [c.name for c in dataset.column_list()]
    page = list(islice(dataset.rows(), query.offset, query.offset + query.limit + 1))
    more = len(page) > query.limit
    return {
        "dataset": slug,
        "offset": query.offset,
        "limit": query.limit,
        "columns": names,
        "rows": [dict(zip(names, map(cell, row), strict=True)) for row in page[: query.limit]],
        "next_offset": query.offset + query.limit if more else None,
    }
