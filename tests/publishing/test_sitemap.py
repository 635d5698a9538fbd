"""/sitemap.xml and /robots.txt."""

from xml.etree import ElementTree

import pytest

from cms.publishing import sitemaps
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
NS = {"s": SITEMAP, "x": XHTML}
BASE = "http://127.0.0.1:8000"


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def entries(root) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: href}}"""
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_every_live_public_page_of_every_language(client, about, home_pages):
    draft = StandardPageFactory(parent=home_pages["en"], title="Draft", slug="draft", live=False)
    root = parse(client.get("/sitemap.xml"))
    assert root.tag == f"{{{SITEMAP}}}urlset"
    urls = entries(root)
    for code in ("en", "es", "fr", "pt"):
        assert f"{BASE}/{code}/" in urls
    assert {f"{BASE}/en/about/", f"{BASE}/es/acerca/", f"{BASE}/fr/a-propos/"} <= set(urls)
    assert f"{BASE}/pt/about/" not in urls
    assert draft.url_path not in str(urls)
    lastmods = {url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
                for url in root.findall("s:url", NS)}
    assert lastmods[f"{BASE}/es/acerca/"]  # published through a revision: it has a date


def test_sitemap_alternates_are_reciprocal_with_x_default(client, about):
    urls = entries(parse(client.get("/sitemap.xml")))
    group = {f"{BASE}/en/about/", f"{BASE}/es/acerca/", f"{BASE}/fr/a-propos/"}
    expected = {
        "en": f"{BASE}/en/about/", "es": f"{BASE}/es/acerca/", "fr": f"{BASE}/fr/a-propos/",
        "x-default": f"{BASE}/en/about/",
    }
    for loc in group:
        assert urls[loc] == expected  # each names all, itself included, and the same default
    homes = {f"{BASE}/{code}/" for code in ("en", "es", "fr", "pt")}
    for loc in homes:
        assert set(urls[loc]) == {"en", "es", "fr", "pt", "x-default"}
        assert set(urls[loc].values()) == homes


def test_pages_behind_a_view_restriction_are_left_out(client, home_pages):
    from wagtail.models import PageViewRestriction

    private = StandardPageFactory(parent=home_pages["en"], title="Staff", slug="staff")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    urls = entries(parse(client.get("/sitemap.xml")))
    assert f"{BASE}/en/staff/" not in urls
    assert f"{BASE}/en/" in urls


def test_a_large_sitemap_becomes_an_index_of_pages(client, about, monkeypatch):
    monkeypatch.setattr(sitemaps.PageSitemap, "limit", 3)
    index = parse(client.get("/sitemap.xml"))
    assert index.tag == f"{{{SITEMAP}}}sitemapindex"
    locations = [node.findtext("s:loc", namespaces=NS) for node in index.findall("s:sitemap", NS)]
    locations = [location for location in locations if "sitemap-pages.xml" in location]
    assert len(locations) == 3  # 7 pages, 3 a file
    seen = []
    for location in locations:
        path = location.split("testserver", 1)[1]
        root = parse(client.get(path))
        assert root.tag == f"{{{SITEMAP}}}urlset"
        seen += list(entries(root))
    assert len(seen) == len(set(seen)) == 7
    assert client.get("/sitemap-pages.xml?p=9").status_code == 404


def test_sitemap_costs_the_same_queries_as_pages_grow(client, home_pages,
                                                      django_assert_max_num_queries):
    for index in range(3):
        StandardPageFactory(parent=home_pages["en"], title=f"Page {index}")
    client.get("/sitemap.xml")
    with django_assert_max_num_queries(5) as few:
        client.get("/sitemap.xml")
    budget = len(few)  # read now: the next request empties Django's query log
    for index in range(3, 40):
        StandardPageFactory(parent=home_pages["en"], title=f"Page {index}")
    client.get("/sitemap.xml")  # the site's cached answers follow the new tree version
    with django_assert_max_num_queries(budget):
        response = client.get("/sitemap.xml")
    assert response.content.count(b"<url>") == 44


def test_robots_names_the_sitemap_and_keeps_crawlers_out_of_private_parts(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for prefix in ("/admin/", "/api/", "/accounts/", "/django-admin/", "/en/accounts/",
                   "/es/my/", "/pt/exchanges/mine/", "/fr/rooms/"):
        assert f"Disallow: {prefix}" in lines
    assert "Disallow: /" not in lines  # the public site stays open
    assert f"Sitemap: {BASE}/sitemap.xml" in lines


def test_apps_list_their_public_views_in_every_language(client, home_pages, monkeypatch):
    monkeypatch.setattr(sitemaps, "_VIEWS", [])
    sitemaps.register_view("account_login")
    sitemaps.register_view("wagtail_serve", lambda: [{"nothing": "here"}])  # no such URL: skipped
    urls = entries(parse(client.get("/sitemap.xml")))
    logins = {code: f"{BASE}/{code}/accounts/login/" for code in ("en", "es", "fr", "pt")}
    for url in logins.values():
        assert urls[url] == logins | {"x-default": logins["en"]}
    assert f"{BASE}/en/" in urls  # the pages are still there


def test_the_kept_sitemap_follows_publishing_and_moves(client, home_pages):
    page = StandardPageFactory(parent=home_pages["en"], title="Kept", slug="kept")
    assert f"{BASE}/en/kept/" in entries(parse(client.get("/sitemap.xml")))
    assert f"{BASE}/en/kept/" in entries(parse(client.get("/sitemap.xml")))  # from the cache
    page.slug = "renamed"
    page.save_revision().publish()
    urls = entries(parse(client.get("/sitemap.xml")))
    assert f"{BASE}/en/renamed/" in urls
    assert f"{BASE}/en/kept/" not in urls
    page.unpublish()
    assert f"{BASE}/en/renamed/" not in entries(parse(client.get("/sitemap.xml")))


def test_the_kept_sitemap_follows_the_public_views(client, home_pages, monkeypatch):
    client.get("/sitemap.xml")
    monkeypatch.setattr(sitemaps, "_VIEWS", [])
    sitemaps.register_view("account_login")
    assert f"{BASE}/fr/accounts/login/" in entries(parse(client.get("/sitemap.xml")))


def test_a_bad_sitemap_page_number_is_refused_every_time(client, about, monkeypatch):
    monkeypatch.setattr(sitemaps.PageSitemap, "limit", 3)
    for _ in range(2):
        assert client.get("/sitemap-pages.xml?p=x").status_code == 404
