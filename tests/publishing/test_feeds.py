"""RSS 2.0 and Atom feeds per language: news, new experiences, upcoming webinars."""

import datetime
from xml.etree import ElementTree

from django.utils import timezone

import pytest

from tests.factories.courses import WebinarIndexPageFactory, WebinarPageFactory
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory
from tests.factories.publishing import NewsPageFactory
from tests.publishing.conftest import translate

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "http://127.0.0.1:8000"


def rss(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def test_news_feed_per_language(client, news_indexes):
    older = NewsPageFactory(parent=news_indexes["en"], title="Older", slug="older",
                            date=timezone.localdate() - datetime.timedelta(days=9))
    NewsPageFactory(parent=news_indexes["en"], title="Newer", slug="newer")
    translate(older, news_indexes["es"], title="Más antigua", slug="mas-antigua")

    channel = rss(client, "/en/feeds/news.xml")
    assert channel.findtext("language") == "en"
    assert channel.findtext("title") == "News from the Department of Social Inclusion"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Newer", "Older"]
    assert items[0].findtext("link") == f"{BASE}/en/news/newer/"
    assert items[0].findtext("description") == "Labour ministries compared their inspection plans."
    assert items[0].findtext("pubDate")

    channel = rss(client, "/es/feeds/news.xml")
    assert channel.findtext("language") == "es"
    assert channel.findtext("title") == "Noticias del Departamento de Inclusión Social"
    assert [item.findtext("link") for item in channel.findall("item")] == [
        f"{BASE}/es/news/mas-antigua/"
    ]
    assert rss(client, "/pt/feeds/news.xml").findall("item") == []


def test_news_feed_in_atom(client, news_indexes):
    NewsPageFactory(parent=news_indexes["en"], title="Forum", slug="forum")
    response = client.get("/fr/feeds/news.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.findtext(f"{ATOM}title") == "Actualités du Département de l'inclusion sociale"
    assert root.findall(f"{ATOM}entry") == []
    root = ElementTree.fromstring(client.get("/en/feeds/news.atom").content)
    entry = root.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Forum"
    assert entry.find(f"{ATOM}link").get("href") == f"{BASE}/en/news/forum/"
    assert entry.findtext(f"{ATOM}updated")


def test_experiences_feed_lists_new_experiences_of_the_language(client, home_pages):
    library = ExperienceIndexPageFactory(parent=home_pages["en"])
    for title in ("Cash transfers", "Care"):
        page = ExperiencePageFactory(parent=library, title=title)
        page.save_revision().publish()
    ExperiencePageFactory(parent=library, title="Draft", live=False)
    items = rss(client, "/en/feeds/experiences.xml").findall("item")
    assert [item.findtext("title") for item in items] == ["Care", "Cash transfers"]
    assert rss(client, "/es/feeds/experiences.xml").findall("item") == []


def test_webinars_feed_lists_upcoming_webinars_soonest_first(client, home_page):
    index = WebinarIndexPageFactory(parent=home_page)
    now = timezone.now()
    WebinarPageFactory(parent=index, title="Later", starts_at=now + datetime.timedelta(days=9))
    WebinarPageFactory(parent=index, title="Sooner", starts_at=now + datetime.timedelta(days=2))
    WebinarPageFactory(parent=index, title="Past", starts_at=now - datetime.timedelta(days=2))
    items = rss(client, "/en/feeds/webinars.xml").findall("item")
    assert [item.findtext("title") for item in items] == ["Sooner", "Later"]
    assert "Care systems in practice." in items[0].findtext("description")
    assert "meet.example.org" not in ElementTree.tostring(items[0], encoding="unicode")


def test_unknown_feeds_are_404(client, home_page):
    assert client.get("/en/feeds/secrets.xml").status_code == 404


def test_feed_queries_do_not_grow_with_items(client, news_indexes, django_assert_max_num_queries):
    for index in range(3):
        NewsPageFactory(parent=news_indexes["en"], title=f"News {index}")
    client.get("/en/feeds/news.xml")
    with django_assert_max_num_queries(5) as queries:
        client.get("/en/feeds/news.xml")
    budget = len(queries)
    for index in range(3, 30):
        NewsPageFactory(parent=news_indexes["en"], title=f"News {index}")
    client.get("/en/feeds/news.xml")
    with django_assert_max_num_queries(budget):
        response = client.get("/en/feeds/news.xml")
    assert response.content.count(b"<item>") == 30
