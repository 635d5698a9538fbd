"""Every page's head: canonical, hreflang alternates with x-default, feeds — and no query."""

import re

import pytest

from cms.publishing import alternates, structured_data
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory

pytestmark = pytest.mark.django_db
BASE = "http://127.0.0.1:8000"


def head(html: str) -> str:
    return html[html.index("<head>"): html.index("</head>")]


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head(html)))


def canonical(html: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]+)">', head(html))


def test_a_translated_page_names_each_translation_and_x_default(client, about):
    for path in ("/en/about/", "/es/acerca/", "/fr/a-propos/"):
        html = client.get(path).content.decode()
        assert hreflangs(html) == {
            "en": f"{BASE}/en/about/", "es": f"{BASE}/es/acerca/",
            "fr": f"{BASE}/fr/a-propos/", "x-default": f"{BASE}/en/about/",
        }
        assert canonical(html) == [f"{BASE}{path}"]


def test_home_pages_are_alternates_of_one_another(client, home_pages):
    html = client.get("/pt/").content.decode()
    assert set(hreflangs(html)) == {"en", "es", "fr", "pt", "x-default"}
    assert canonical(html) == [f"{BASE}/pt/"]


def test_a_page_in_one_language_has_a_canonical_and_no_alternates(client, home_page):
    catalogue = CourseIndexPageFactory(parent=home_page)
    CoursePageFactory(parent=catalogue, slug="care", title="Care systems")
    html = client.get("/en/courses/care/").content.decode()
    assert canonical(html) == [f"{BASE}/en/courses/care/"]
    assert hreflangs(html) == {}


def test_canonical_drops_filters_but_keeps_a_later_page_of_a_list(client, home_page):
    CourseIndexPageFactory(parent=home_page)
    html = client.get("/en/courses/?q=care&page=2").content.decode()
    assert canonical(html) == [f"{BASE}/en/courses/?page=2"]
    html = client.get("/en/courses/?q=care&page=nonsense").content.decode()
    assert canonical(html) == [f"{BASE}/en/courses/"]


def test_views_outside_the_tree_name_their_four_languages(client, home_page):
    html = client.get("/es/accounts/login/?next=/es/").content.decode()
    assert canonical(html) == [f"{BASE}/es/accounts/login/"]
    assert hreflangs(html) == {
        code: f"{BASE}/{code}/accounts/login/" for code in ("en", "es", "fr", "pt")
    } | {"x-default": f"{BASE}/en/accounts/login/"}


def test_every_page_links_its_language_feeds(client, about):
    html = head(client.get("/fr/a-propos/").content.decode())
    for name in ("news", "experiences", "webinars"):
        assert re.search(
            rf'<link rel="alternate" type="application/rss\+xml" title="[^"]+" '
            rf'href="/fr/feeds/{name}.xml">', html
        )


def _count(client, path, django_assert_max_num_queries):
    client.get(path)  # warm the shell's caches (the route, then the restrictions)
    client.get(path)
    with django_assert_max_num_queries(15) as queries:
        client.get(path)
    return len(queries)


@pytest.mark.parametrize("kind", ["standard", "experience", "course"])
def test_the_head_adds_no_query(client, about, home_pages, monkeypatch, kind,
                                django_assert_max_num_queries):
    if kind == "standard":
        path = "/es/acerca/"
    elif kind == "experience":
        library = ExperienceIndexPageFactory(parent=home_pages["en"])
        ExperiencePageFactory(parent=library, slug="one-stop")
        path = "/en/experiences/one-stop/"
    else:
        catalogue = CourseIndexPageFactory(parent=home_pages["en"])
        CoursePageFactory(parent=catalogue, slug="care")
        path = "/en/courses/care/"
    with_head = _count(client, path, django_assert_max_num_queries)
    monkeypatch.setattr(alternates, "head_links",
                        lambda request, page: {"canonical": "", "alternates": []})
    monkeypatch.setattr(structured_data, "objects_for", lambda page, request: [])
    without_head = _count(client, path, django_assert_max_num_queries)
    assert with_head == without_head
