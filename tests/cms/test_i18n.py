"""The flat translation catalogue answers exactly as Django's list of catalogues does."""

from django.utils import translation
from django.utils.translation import trans_real

import pytest

from cms.i18n import FlatTranslationCatalog

STOCK = FlatTranslationCatalog.__mro__[1]


def _stock_copy(flat):
    stock = STOCK.__new__(STOCK)
    stock._catalogs, stock._plurals = flat._catalogs, flat._plurals
    return stock


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_every_message_is_the_one_django_would_find(language):
    flat = trans_real.translation(language)._catalog
    assert isinstance(flat, FlatTranslationCatalog)
    assert len(flat._catalogs) > 1  # several apps' catalogues: the case worth flattening
    stock = _stock_copy(flat)
    keys = set(stock.keys())
    assert len(keys) > 100 or language == "en"
    for key in keys:
        assert flat.get(key) == stock.get(key)
        assert flat[key] == stock[key]
        assert key in flat
    assert flat.get("no such message ever", "missing") == "missing"
    assert "no such message ever" not in flat


def test_a_key_in_two_catalogues_keeps_the_first_catalogues_answer():
    first = {"Courses": "first"}
    second = {"Courses": "second", "Only here": "second"}
    flat = FlatTranslationCatalog()
    flat._catalogs, flat._plurals = [first, second], [lambda n: 0, lambda n: int(n != 1)]
    assert flat["Courses"] == "first"
    assert flat.get("Only here") == "second"
    flat["Courses"] = "changed"  # written to the first catalogue, seen at once
    assert flat["Courses"] == "changed"


def test_pages_translate_through_the_flat_catalogue():
    with translation.override("pt"):
        assert translation.gettext("Skip to main content") == "Ir para o conteúdo principal"
        assert isinstance(trans_real._active.value._catalog, FlatTranslationCatalog)
    with translation.override("es"):
        assert translation.gettext("Skip to main content") == "Saltar al contenido principal"
