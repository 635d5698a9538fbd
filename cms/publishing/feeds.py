"""RSS 2.0 and Atom feeds per language: /<lang>/feeds/<name>.xml (RSS) and .atom (Atom).

Each feed is a ``FeedSource`` in ``FEEDS``: live public pages of one page type, found by its
class *name* among Wagtail's page models (``get_page_models()``), so a feed keeps working when
the type's app is renamed or reorganised, and this module imports no domain. A feed lists the
pages of its language only (an RSS channel has one language); a type that is not installed
gives a 404. A source reads only fields the type declares in the source (``order_by``,
``upcoming_field``, ``summary_field``).
"""

import datetime
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.models import get_page_models

from cms.notify import absolute_url

FEED_ITEMS = 50


@dataclass(frozen=True)
class FeedSource:
    name: str  # the address: /<lang>/feeds/<name>.xml
    model_name: str  # a page class name, e.g. "NewsPage"
    title: str | Promise
    description: str | Promise
    order_by: tuple[str, ...] = ("-first_published_at",)
    upcoming_field: str = ""  # set: only pages whose field is in the future
    summary_field: str = "summary"
    date_field: str = ""  # the item's publication date, when not its first publication

    def model(self):
        return next((m for m in get_page_models() if m.__name__ == self.model_name), None)

    def items(self, language: str) -> list:
        model = self.model()
        if model is None:
            return []
        pages = model.objects.live().public().filter(locale__language_code=language)
        if self.upcoming_field:
            pages = pages.filter(**{f"{self.upcoming_field}__gte": timezone.now()})
        columns = {"id", "title", "url_path", "locale_id", "first_published_at",
                   "last_published_at", "latest_revision_created_at", "search_description",
                   self.summary_field,
                   *(column.lstrip("-") for column in self.order_by)}
        columns.update(name for name in (self.upcoming_field, self.date_field) if name)
        return list(pages.order_by(*self.order_by).only(*columns)[:FEED_ITEMS])


FEEDS: dict[str, FeedSource] = {}


def register(source: FeedSource) -> FeedSource:
    FEEDS[source.name] = source
    return source


register(FeedSource(
    "news", "NewsPage", _("News from the Department of Social Inclusion"),
    _("News of the department and of the cooperation among the agencies of the Americas."),
    order_by=("-date", "-first_published_at"), date_field="date",
))
register(FeedSource(
    "experiences", "ExperiencePage", _("New experiences on Puente"),
    _("Good practices the national agencies of the Americas have just shared."),
))
register(FeedSource(
    "webinars", "WebinarPage", _("Upcoming webinars on Puente"),
    _("Webinars open for registration, soonest first."),
    order_by=("starts_at",), upcoming_field="starts_at",
))


def feed_links(language: str) -> list[dict]:
    """``[{"title", "url"}]`` of the RSS feeds of ``language``, for the head of every page."""
    with translation.override(language):
        return [
            {"title": str(source.title), "url": f"/{language}/feeds/{source.name}.xml"}
            for source in FEEDS.values()
        ]


class PageFeed(Feed):
    """One FeedSource in the language of the request (its URL prefix). A new instance serves
    each request (``feed_view``): it keeps the request and its language."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, name):
        source = FEEDS.get(name)
        if source is None or source.model() is None:
            raise Http404
        self.request = request
        self.language = translation.get_language()
        return source

    def title(self, source):
        return str(source.title)

    def description(self, source):
        return str(source.description)

    def subtitle(self, source):  # Atom's name for the description
        return str(source.description)

    def link(self, source):
        return absolute_url(f"/{self.language}/")

    def feed_url(self, source):
        return absolute_url(self.request.path)

    def items(self, source):
        self.source = source
        return source.items(self.language)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        summary = strip_tags(str(getattr(page, self.source.summary_field, "") or ""))
        summary = summary.strip() or page.search_description
        field_name = self.source.upcoming_field
        when = getattr(page, field_name, None) if field_name else None
        if when is not None:
            when = date_format(timezone.localtime(when), "DATETIME_FORMAT")
            return f"{when} ({timezone.get_current_timezone_name()}) — {summary}"
        return summary

    def item_link(self, page):
        return absolute_url(page.get_url(self.request) or "/")

    def item_guid(self, page):
        return self.item_link(page)

    def item_pubdate(self, page):
        value = getattr(page, self.source.date_field) if self.source.date_field else None
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            value = timezone.make_aware(datetime.datetime.combine(value, datetime.time()))
        return value or page.first_published_at or page.latest_revision_created_at

    def item_updateddate(self, page):
        return page.last_published_at or self.item_pubdate(page)


class AtomPageFeed(PageFeed):
    feed_type = Atom1Feed


def feed_view(request, name: str, atom: bool = False):
    """/<lang>/feeds/<name>.xml (RSS 2.0) or .atom (Atom 1.0)."""
    return (AtomPageFeed if atom else PageFeed)()(request, name=name)
