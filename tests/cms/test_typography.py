"""Issue 17.12: Portuguese months in lower case; French puts a space before ":" and "%"."""

import re
from datetime import date
from pathlib import Path

from django.utils import formats, translation

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]


def test_portuguese_dates_have_lower_case_months():
    with translation.override("pt"):
        text = formats.date_format(date(2026, 3, 10), "DATE_FORMAT")
    assert "março" in text and "Março" not in text


@pytest.mark.parametrize("app", ["cms", "courses", "exchanges"])
def test_french_spaces_before_colon_and_percent(app):
    with open(ROOT / app / "locale" / "fr" / "LC_MESSAGES" / "django.po", "rb") as handle:
        catalogue = read_po(handle, locale="fr")
    bad = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if re.search(r"[^\s\u00a0\u202f]:(\s|$)", text or "") or re.search(
                r"[^\s\u00a0\u202f%(]%(?![(sd])", (text or "").replace("%%", "%")
            ):
                bad.append(text)
    assert bad == []
