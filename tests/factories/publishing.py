"""Factories for the department's news and events."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from cms.publishing.models import EventPage, NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "News"
    slug = "news"


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"News item {n}")
    date = factory.LazyFunction(timezone.localdate)
    summary = "Labour ministries compared their inspection plans."


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "A regional workshop on care systems."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=8))
    time_zone = "America/Lima"
    attendance = EventPage.Attendance.MIXED
    venue = "Ministry of Women and Vulnerable Populations"
    city = "Lima"
