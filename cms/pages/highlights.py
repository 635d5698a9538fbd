"""What the home page features: dated and new things that apps add, so the home page never
names another app.

An app registers a source in ``AppConfig.ready()``::

    register_highlight("webinars", _("Upcoming webinars"), upcoming_webinars, order=10)

A source is ``(request, locale) -> list[dict]`` with at most ``LIMIT`` items, each
``{"title", "url", "meta", "lang"}`` (``lang``: the item's language when it is not the page's,
else ""). A source runs a bounded number of queries whatever the data.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr

from wagtail.models import Page, PageViewRestriction

LIMIT = 3


@dataclass(frozen=True)
class Highlight:
    key: str
    heading: str
    source: Callable
    order: int = 100


_sources: dict[str, Highlight] = {}


def register_highlight(key: str, heading, source: Callable, *, order: int = 100) -> None:
    _sources[key] = Highlight(key, heading, source, order)


def unregister_highlight(key: str) -> None:
    _sources.pop(key, None)


def public_pages(pages):
    """``pages`` without those restricted to some viewers — by their own restriction or an
    ancestor's — inside the same query (Wagtail's ``public()`` first reads every restriction).
    An ancestor's path is the page's path cut at the ancestor's depth (4 characters a step)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
    )
    return pages.exclude(Exists(restricted))


# What changes with time (an upcoming webinar starts) is kept this long, under the tree version.
CACHE_SECONDS = 300


def highlights(request, locale) -> list[dict]:
    """Each registered source with its items, cached a few minutes per site tree version,
    host and language; sources with nothing to show are left out."""
    from .shell import tree_version

    key = f"puente:home-highlights:{tree_version(request)}:{request.get_host()}:{locale}"
    result = cache.get(key)
    if result is None:
        result = _compute(request, locale)
        cache.set(key, result, CACHE_SECONDS)
    return result


def _compute(request, locale) -> list[dict]:
    result = []
    for highlight in sorted(_sources.values(), key=lambda h: (h.order, h.key)):
        items = highlight.source(request, locale)[:LIMIT]
        if items:
            result.append({"key": highlight.key, "heading": highlight.heading, "items": items})
    return result


def newest_pages_of(model_name: str) -> Callable:
    """A source of the newest live public pages of a page model named ``model_name`` (its
    class name in lower case), read through Wagtail's page model — no import of the app that
    defines it. Pages in the visitor's language first."""

    def source(request, locale) -> list[dict]:
        pages = (
            public_pages(Page.objects.live())
            .filter(content_type__model=model_name, locale=locale)
            .order_by("-first_published_at")[:LIMIT]
        )
        return [
            {"title": page.title, "url": page.get_url(request), "meta": "", "lang": ""}
            for page in pages
        ]

    return source

