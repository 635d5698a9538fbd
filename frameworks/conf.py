"""This app's settings, each with a default, so cms/settings/base.py needs no edit to run it.

- ``FRAMEWORKS_REPORT_ROOT``: where national report files are kept (private, outside MEDIA_ROOT).
- ``FRAMEWORKS_REPORT_MAX_BYTES``: the largest report file accepted (20 MiB).
- ``FRAMEWORKS_CSV_MAX_BYTES`` / ``FRAMEWORKS_CSV_MAX_ROWS``: bounds of a status CSV import.
"""

import os
from pathlib import Path

from django.conf import settings

REPORT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
}


def report_root() -> Path:
    default = Path(settings.BASE_DIR) / "var" / "private" / "frameworks"
    return Path(
        getattr(settings, "FRAMEWORKS_REPORT_ROOT", None)
        or os.environ.get("FRAMEWORKS_REPORT_ROOT", default)
    )


def report_max_bytes() -> int:
    return int(getattr(settings, "FRAMEWORKS_REPORT_MAX_BYTES", 20 * 1024 * 1024))


def csv_max_bytes() -> int:
    return int(getattr(settings, "FRAMEWORKS_CSV_MAX_BYTES", 1024 * 1024))


def csv_max_rows() -> int:
    return int(getattr(settings, "FRAMEWORKS_CSV_MAX_ROWS", 2000))
