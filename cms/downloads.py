"""The one way Puente answers a CSV download.

Spreadsheets (Excel above all) read a CSV as the machine's legacy code page unless it starts with
a UTF-8 byte-order mark, so accented names ("Bogotá", "São Paulo") garble. Every CSV response is
therefore ``text/csv; charset=utf-8`` with a BOM, and cells that a spreadsheet would run as a
formula (starting with = + - @) are quoted.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable

from django.http import HttpResponse

BOM = "\ufeff"


def safe_cell(value):
    """``value``, with a leading quote when a spreadsheet would run it as a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_response(filename: str, rows: Iterable[Iterable]) -> HttpResponse:
    """An attachment named ``filename`` holding ``rows`` (the header first), UTF-8 with BOM."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response)
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return response
