"""News and events in a real browser: axe-clean in four languages, and the fallback notice."""

from io import StringIO

import pytest

from cms.publishing import demo
from cms.publishing.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_news_index_and_a_news_page_are_axe_clean_in_four_languages(
    new_page, home_pages, axe_violations
):
    demo.seed(StringIO())
    page = new_page()
    for code in ("en", "es", "fr", "pt"):
        index = NewsIndexPage.objects.get(locale__language_code=code)
        page.goto(index.url)
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("h1").inner_text() == index.title
        assert axe_violations(page) == []
        item = NewsPage.objects.filter(locale__language_code=code).order_by("-date").first()
        page.goto(item.url)
        assert page.locator("h1").inner_text() == item.title
        assert axe_violations(page) == []


def test_switching_to_a_missing_language_keeps_the_page_with_a_notice(
    new_page, home_pages, axe_violations
):
    from tests.factories.publishing import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_pages["en"])
    NewsPageFactory(parent=index, slug="forum", title="Forum in Asunción")
    page = new_page()
    page.goto("/en/news/forum/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    page.wait_for_url("**/en/news/forum/?untranslated=fr")
    notice = page.get_by_role("note")
    assert notice.get_attribute("lang") == "fr"
    assert "pas encore été traduite" in notice.inner_text()
    assert page.locator("h1").inner_text() == "Forum in Asunción"
    assert axe_violations(page) == []
