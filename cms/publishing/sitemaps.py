"""sitemap.xml: every live public page of every language, with its hreflang alternates.

Wagtail's own sitemap lists the default site's tree only (one language) and has no alternates,
so this is a small Django ``Sitemap`` over the language trees of the default site. Pages are
read as plain ``Page`` rows (no per-type query, no stream fields); each sitemap page looks up the
translation groups (``translation_key``) of its pages in one more query. Beyond ``limit`` URLs,
/sitemap.xml becomes a sitemap index of /sitemap-pages.xml?p=N. Public views outside the page
tree are listed when their app registers them (``register_view``), in their own section.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cached_property

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Page, Site

from cms.notify import absolute_url

from .alternates import ordered

COLUMNS = ("id", "path", "depth", "url_path", "translation_key", "locale", "last_published_at",
           "latest_revision_created_at")
KEYS_PER_QUERY = 900  # under every database's limit of parameters in one statement


class PageSitemap(Sitemap):
    limit = 50_000  # the sitemaps protocol's maximum of URLs per file

    def __init__(self, request=None):
        self.request = request

    def _site(self):
        site = Site.find_for_request(self.request) if self.request is not None else None
        return site or Site.objects.select_related("root_page").filter(
            is_default_site=True
        ).first()

    @cached_property
    def _pages(self):
        """Live public pages of the site's language trees (roots and restrictions read once)."""
        site = self._site()
        if site is None:
            return Page.objects.none()
        roots = site.root_page.get_translations(inclusive=True).values_list("path", flat=True)
        within = Q()
        for path in roots:
            within |= Q(path__startswith=path)
        return Page.objects.live().public().filter(within).select_related("locale")

    @cached_property
    def paginator(self):  # Django's makes a new one, so a new count, at each use
        return Paginator(self._items(), self.limit)

    def items(self):
        return self._pages.only(*COLUMNS).order_by("path")

    def location(self, page):
        return absolute_url(page.get_url(self.request) or "/")

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        groups = defaultdict(dict)
        keys = sorted({item.translation_key for item in pages})
        for start in range(0, len(keys), KEYS_PER_QUERY):
            chunk = keys[start : start + KEYS_PER_QUERY]
            for other in self._pages.filter(translation_key__in=chunk).only(*COLUMNS):
                groups[other.translation_key][other.locale.language_code] = self.location(other)
        urls = []
        for item in pages:
            group = groups.get(item.translation_key, {})
            urls.append({
                "item": item,
                "location": self.location(item),
                "lastmod": self.lastmod(item),
                "alternates": [
                    {"lang_code": link["code"], "location": link["url"]}
                    for link in ordered(group)
                ] if len(group) > 1 else [],
            })
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls


# Public views outside the page tree (a list, a profile per country…), each in every language.
_VIEWS: list[tuple[str, Callable[[], Iterable[dict]] | None]] = []


def register_view(url_name: str, kwargs: Callable[[], Iterable[dict]] | None = None) -> None:
    """List the public view ``url_name`` in the sitemap, under each language prefix.

    ``kwargs`` returns the URL arguments of each instance (e.g. ``lambda: ({"iso2": c} for c in
    codes)``); without it the view has none. Apps call this in their ``AppConfig.ready()``.
    """
    if (url_name, kwargs) not in _VIEWS:
        _VIEWS.append((url_name, kwargs))


class ViewSitemap(Sitemap):
    limit = 50_000

    def __init__(self, request=None):
        self.request = request

    def items(self):
        items = []
        for url_name, kwargs_source in _VIEWS:
            for kwargs in (kwargs_source() if kwargs_source else [{}]):
                urls = {}
                for code, _name in settings.LANGUAGES:
                    try:
                        with translation.override(code):
                            urls[code] = absolute_url(reverse(url_name, kwargs=kwargs))
                    except NoReverseMatch:
                        break
                else:
                    items += [(url, urls) for url in dict.fromkeys(urls.values())]
        return items

    def location(self, item):
        return item[0]

    def _urls(self, page, protocol, domain):
        return [
            {"item": url, "location": url, "lastmod": None,
             "alternates": [{"lang_code": link["code"], "location": link["url"]}
                            for link in ordered(urls)] if len(set(urls.values())) > 1 else []}
            for url, urls in self.paginator.page(page).object_list
        ]
