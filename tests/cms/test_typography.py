"""Issue 17.12: Portuguese months in lower case; French puts a narrow no-break space before
": ; ! ?" and "%" and inside « », in every catalogue."""

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


FRENCH_CATALOGUES = sorted(ROOT.glob("*/locale/fr/LC_MESSAGES/django.po")) + sorted(
    ROOT.glob("cms/*/locale/fr/LC_MESSAGES/django.po")
)
NO_BREAK = "\u00a0\u202f"
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdif]|%[sdif]")
# Each pattern is one slip: a plain space or no space where French wants a no-break one.
SLIPS = [
    re.compile(rf"[^{NO_BREAK}][:;!?](?=[\s)»]|$)"),  # before : ; ! ? (not "10:00", not URLs)
    re.compile(rf"«[^{NO_BREAK}]"),
    re.compile(rf"[^{NO_BREAK}]»"),
    re.compile(r"[0-9\x00] ?%"),  # a number or a placeholder, then its percent sign
]


def french_slips(text):
    text = PLACEHOLDER.sub("\x00", text.replace("%%", "%"))
    return [pattern.pattern for pattern in SLIPS if pattern.search(text)]


def test_the_slip_finder_knows_right_from_wrong():
    assert french_slips("État : %(state)s") and french_slips("Pourquoi?")
    assert french_slips("« oui »")
    assert french_slips("%(score)s%%") and french_slips("50 %")
    assert not french_slips("État\u202f: %(state)s à 10:00, https://example.org/?q=1")
    assert not french_slips("«\u202foui\u202f» (%) %(score)s\u202f%% p. ex. %")


def test_every_french_catalogue_is_found():
    apps = {path.relative_to(ROOT).parts[0] for path in FRENCH_CATALOGUES}
    assert {"cms", "courses", "exchanges", "forums", "frameworks", "projects", "networks"} <= apps
    assert {"countries", "opendata", "experiences", "rooms", "search"} <= apps
    assert ROOT / "cms/publishing/locale/fr/LC_MESSAGES/django.po" in FRENCH_CATALOGUES


def catalogue_app(path):
    return str(path.relative_to(ROOT).parents[2])


@pytest.mark.parametrize("path", FRENCH_CATALOGUES, ids=catalogue_app)
def test_french_no_break_spaces_before_high_punctuation_and_percent(path):
    with open(path, "rb") as handle:
        catalogue = read_po(handle, locale="fr")
    bad = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        bad += [text for text in strings if text and french_slips(text)]
    assert bad == []
