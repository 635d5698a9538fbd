"""The department's communications: news and its own events, under /<lang>/news/."""

import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.accounts.models import TIME_ZONE_CHOICES
from cms.pages.blocks import BaseStreamBlock
from cms.pagination import paginate

NEWS_PER_PAGE = 10
UPCOMING_EVENTS = 10


class NewsIndexPage(Page):
    """/<lang>/news/: the department's news, newest first, and its upcoming events."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["publishing.NewsPage", "publishing.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news and events")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.live().public().child_of(self).order_by("-date", "-pk")
        context["news"] = paginate(request, news.only(
            "id", "title", "url_path", "locale_id", "date", "summary"
        ), NEWS_PER_PAGE)
        context["events"] = (
            EventPage.objects.live().public().child_of(self)
            .filter(ends_at__gte=timezone.now()).order_by("starts_at")[:UPCOMING_EVENTS]
        )
        return context


class NewsPage(Page):
    """One piece of news from the department."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"), FieldPanel("summary"), FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("body"),
    ]
    parent_page_types = ["publishing.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


class EventPage(Page):
    """An event the department itself organises (a forum session, a regional workshop…)."""

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    summary = models.TextField(_("summary"), max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone of the event"), max_length=64, choices=TIME_ZONE_CHOICES,
        default="America/New_York",
    )
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        "directory.Country", verbose_name=_("country"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    online_url = models.URLField(
        _("public link to follow online"), blank=True,
        help_text=_("A public stream or registration page; never a private meeting link."),
    )
    language = models.CharField(
        _("working language"), max_length=5, choices=settings.LANGUAGES, blank=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("time_zone"), FieldPanel("language")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("online_url"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"), index.SearchField("body"), index.SearchField("city"),
    ]
    parent_page_types = ["publishing.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The end cannot be before the start.")})

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def in_person(self) -> bool:
        return self.attendance != self.Attendance.ONLINE

    @property
    def online(self) -> bool:
        return self.attendance != self.Attendance.IN_PERSON

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            local_start=timezone.localtime(self.starts_at, self.zone),
            local_end=timezone.localtime(self.ends_at, self.zone),
            is_past=self.ends_at < timezone.now(),
        )
        return context
