"""Pages translated in some languages and not others, news and events."""

import pytest

from tests.factories import StandardPageFactory
from tests.factories.publishing import NewsIndexPageFactory, NewsPageFactory


def translate(page, other, **fields):
    """Publish ``page``'s translation into the language of ``other`` (a page of that tree)."""
    copy = page.copy_for_translation(other.locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy.specific


@pytest.fixture
def about(home_pages):
    """A page in en, es and fr — not pt."""
    page = StandardPageFactory(parent=home_pages["en"], title="About", slug="about")
    translate(page, home_pages["es"], title="Acerca", slug="acerca")
    translate(page, home_pages["fr"], title="À propos", slug="a-propos")
    return page


@pytest.fixture
def news_indexes(home_pages):
    english = NewsIndexPageFactory(parent=home_pages["en"])
    indexes = {"en": english}
    titles = {"es": ("Noticias", "news"), "fr": ("Actualités", "news"),
              "pt": ("Notícias", "news")}
    for code, (title, slug) in titles.items():
        indexes[code] = translate(english, home_pages[code], title=title, slug=slug)
    return indexes


@pytest.fixture
def news_item(news_indexes):
    item = NewsPageFactory(parent=news_indexes["en"], title="Ministers meet in Lima",
                           slug="ministers-meet")
    translate(item, news_indexes["es"], title="Ministros se reúnen en Lima", slug="ministros")
    return item
