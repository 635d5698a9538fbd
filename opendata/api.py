"""``/api/data/``: the open-data catalogue and its rows, a page at a time (the whole tables are
streamed at ``/data/<slug>.csv|json``)."""

from __future__ import annotations

from itertools import islice

from django.http import Http404

from ninja import Field, Query, Router, Schema, Status

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
    # Strings, so that every bad value gets the same 400 answer listing the errors.
    offset: str = Field("0", description="rows to skip (0 to 10 000 000)")
    limit: str = Field("100", description=f"rows to return (1 to {MAX_LIMIT})")


class ErrorOut(Schema):
    detail: str
    errors: dict[str, str]


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


def _bounded(value: str, low: int, high: int) -> int | None:
    value = value.strip()
    if not value.isdigit() or len(value) > 9:
        return None
    number = int(value)
    return number if low <= number <= high else None


@router.get("/{slug}/rows", response={200: RowsOut, 400: ErrorOut})
def dataset_rows(request, slug: str, query: Query[RowsQuery]):
    """A page of the dataset's rows (each row an object keyed by column name)."""
    dataset = _dataset(slug)
    offset = _bounded(query.offset, 0, 10_000_000)
    limit = _bounded(query.limit, 1, MAX_LIMIT)
    errors = {}
    if offset is None:
        errors["offset"] = "a whole number from 0 to 10000000"
    if limit is None:
        errors["limit"] = f"a whole number from 1 to {MAX_LIMIT}"
    if errors:
        return Status(400, {"detail": "Invalid parameters.", "errors": errors})
    names = [c.name for c in dataset.column_list()]
    rows = dataset.rows()
    try:
        page = list(islice(rows, offset, offset + limit + 1))
    finally:
        getattr(rows, "close", lambda: None)()  # release the database cursor now
    return Status(200, {
        "dataset": slug,
        "offset": offset,
        "limit": limit,
        "columns": names,
        "rows": [dict(zip(names, map(cell, row), strict=True)) for row in page[:limit]],
        "next_offset": offset + limit if len(page) > limit else None,
    })
