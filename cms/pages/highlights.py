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

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

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


def highlights(request, locale) -> list[dict]:
    """Each registered source with its items; sources with nothing to show are left out."""
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
        types = ContentType.objects.filter(model=model_name)
        pages = (
            Page.objects.live().public().filter(content_type__in=types, locale=locale)
            .order_by("-first_published_at")[:LIMIT]
        )
        return [
            {"title": page.title, "url": page.get_url(request), "meta": "", "lang": ""}
            for page in pages
        ]

    return source


def register_defaults() -> None:
    # Experiences are pages of their own app; read them by their page model's name.
    register_highlight(
        "experiences", _("New experiences"), newest_pages_of("experiencepage"), order=30
    )
