"""News and events pages: four languages, editor-published, demo data."""

import datetime
from io import StringIO

from django.utils import timezone

import pytest

from cms.publishing import demo
from cms.publishing.models import EventPage, NewsIndexPage, NewsPage
from tests.factories.publishing import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_news_index_lists_news_newest_first_and_upcoming_events(client, news_indexes):
    NewsPageFactory(parent=news_indexes["en"], title="Old news",
                    date=timezone.localdate() - datetime.timedelta(days=30))
    NewsPageFactory(parent=news_indexes["en"], title="Fresh news")
    EventPageFactory(parent=news_indexes["en"], title="Workshop in Lima")
    EventPageFactory(parent=news_indexes["en"], title="Past workshop",
                     starts_at=timezone.now() - datetime.timedelta(days=3),
                     ends_at=timezone.now() - datetime.timedelta(days=2))
    html = client.get("/en/news/").content.decode()
    assert html.index("Fresh news") < html.index("Old news")
    assert "Workshop in Lima" in html and "Past workshop" not in html
    assert 'href="/en/feeds/news.xml"' in html


def test_news_index_costs_the_same_queries_as_news_grow(client, news_indexes,
                                                        django_assert_max_num_queries):
    for index in range(3):
        NewsPageFactory(parent=news_indexes["en"], title=f"News {index}")
        EventPageFactory(parent=news_indexes["en"], title=f"Event {index}")
    for _ in range(2):
        client.get("/en/news/")
    with django_assert_max_num_queries(15) as queries:
        client.get("/en/news/")
    budget = len(queries)
    for index in range(3, 25):
        NewsPageFactory(parent=news_indexes["en"], title=f"News {index}")
        EventPageFactory(parent=news_indexes["en"], title=f"Event {index}")
    for _ in range(2):
        client.get("/en/news/")
    with django_assert_max_num_queries(budget):
        response = client.get("/en/news/?page=2")
    assert "News 9" in response.content.decode()


def test_event_page_shows_its_time_in_its_own_zone(client, news_indexes):
    starts_at = datetime.datetime(2031, 3, 4, 14, 0, tzinfo=datetime.UTC)
    EventPageFactory(parent=news_indexes["en"], slug="workshop", starts_at=starts_at,
                     ends_at=starts_at + datetime.timedelta(hours=3), time_zone="America/Lima")
    html = client.get("/en/news/workshop/").content.decode()
    assert "9 a.m." in html and "America/Lima" in html  # 14:00 UTC is 09:00 in Lima
    assert "Lima" in html


def test_an_event_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    starts_at = timezone.now()
    event = EventPage(title="x", slug="x", summary="x", starts_at=starts_at,
                      ends_at=starts_at - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError):
        event.clean()


def test_editor_publishes_news_through_the_admin(client, editor, news_indexes):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/publishing/newspage/{news_indexes['es'].pk}/",
        nested_form_data({
            "title": "Foro en Asunción", "slug": "foro-asuncion",
            "date": "2026-11-20", "summary": "Los ministros se reunieron.",
            "body": streamfield([("paragraph", rich_text("<p>Texto.</p>"))]),
            "action-publish": "publish",
        }),
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(slug="foro-asuncion")
    assert page.live and page.locale.language_code == "es"
    assert client.get("/es/news/foro-asuncion/").status_code == 200


def test_learners_cannot_add_news(client, learner, news_indexes):
    client.force_login(learner)
    response = client.get(f"/admin/pages/add/publishing/newspage/{news_indexes['en'].pk}/")
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.exists()


def test_demo_news_and_events_in_four_languages_idempotent(home_pages):
    demo.seed(StringIO())
    counts = (NewsIndexPage.objects.count(), NewsPage.objects.count(), EventPage.objects.count())
    assert counts == (4, 12, 8)
    for code in ("es", "fr", "pt"):
        pages = NewsPage.objects.filter(locale__language_code=code)
        assert pages.count() == 3
        for page in pages:
            english = page.get_translation(home_pages["en"].locale)
            assert page.title != english.title and page.summary != english.summary
    assert all(page.live for page in EventPage.objects.all())
    demo.seed(StringIO())
    assert (NewsIndexPage.objects.count(), NewsPage.objects.count(),
            EventPage.objects.count()) == counts
