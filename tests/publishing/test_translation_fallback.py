"""The language switcher on a page that lacks a translation stays on the page, with a notice."""

import html as html_lib
import re

import pytest

from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory

pytestmark = pytest.mark.django_db


def switcher(html: str) -> dict[str, str]:
    start = html.index('class="lang-switcher"')
    nav = html[start: html.index("</nav>", start)]
    links = re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav)
    return {code: html_lib.unescape(url) for url, code in links}


def test_missing_languages_lead_to_the_same_page(client, about):
    links = switcher(client.get("/es/acerca/").content.decode())
    assert links == {"en": "/en/about/", "es": "/es/acerca/", "fr": "/fr/a-propos/",
                     "pt": "/es/acerca/?untranslated=pt"}


def test_an_untranslated_course_stays_in_its_language_with_a_notice(client, home_pages):
    catalogue = CourseIndexPageFactory(parent=home_pages["en"])
    CoursePageFactory(parent=catalogue, slug="care", title="Care systems")
    html = client.get("/en/courses/care/").content.decode()
    links = switcher(html)
    assert links["fr"] == "/en/courses/care/?untranslated=fr"
    assert "translation-notice" not in html

    response = client.get(links["fr"])
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html and "Care systems" in html
    notice = re.search(r'<p class="callout translation-notice" role="note" lang="fr">(.*?)</p>',
                       html, re.S)
    assert notice, "no notice"
    assert "pas encore été traduite" in notice[1]
    assert '<span lang="en">English</span>' in notice[1]


def test_no_notice_for_an_existing_translation_or_a_bogus_language(client, about):
    assert "translation-notice" not in client.get("/en/about/?untranslated=es").content.decode()
    assert "translation-notice" not in client.get("/en/about/?untranslated=xx").content.decode()
    assert "translation-notice" not in client.get("/en/about/?untranslated=en").content.decode()


def test_the_switcher_keeps_a_library_s_words_and_filters(client, about):
    links = switcher(client.get("/en/about/?q=care&page=2").content.decode())
    assert links["es"] == "/es/acerca/?q=care&page=2"
    assert links["pt"] == "/en/about/?q=care&page=2&untranslated=pt"
