"""The downloads of a dataset as streams: CSV (UTF-8 with a byte-order mark, so spreadsheets read
the accents) and JSON, produced row by row from ``Dataset.rows()`` so a table of any size never
sits in memory. Both are iterators of ``str`` chunks for a ``StreamingHttpResponse``."""

from __future__ import annotations

import csv
import datetime
import decimal
import io
import json
from collections.abc import Iterator
from itertools import islice

from .datasets import LICENCE_URL, Dataset

#: Rows written per chunk sent to the client.
CHUNK_ROWS = 500


def cell(value):
    """A value as CSV and JSON carry it: dates in ISO 8601, decimals as numbers, None empty."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _chunks(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    while True:
        chunk = list(islice(rows, CHUNK_ROWS))
        if not chunk:
            return
        yield chunk


def csv_stream(dataset: Dataset) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in dataset.column_list()])
    yield "\ufeff" + buffer.getvalue()
    for chunk in _chunks(iter(dataset.rows())):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([["" if v is None else cell(v) for v in row] for row in chunk])
        yield buffer.getvalue()


def json_stream(dataset: Dataset, *, modified=None) -> Iterator[str]:
    names = [column.name for column in dataset.column_list()]
    head = {
        "dataset": dataset.slug,
        "title": str(dataset.title),
        "license": LICENCE_URL,
        "modified": cell(modified),
        "columns": [
            {"name": c.name, "description": str(c.description), "type": c.type}
            for c in dataset.column_list()
        ],
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": ['
    first = True
    for chunk in _chunks(iter(dataset.rows())):
        text = ",\n".join(
            json.dumps(dict(zip(names, (cell(v) for v in row), strict=True)), ensure_ascii=False)
            for row in chunk
        )
        yield ("" if first else ",\n") + text
        first = False
    yield "]}\n"
