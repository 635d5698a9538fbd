"""iCalendar for one webinar, in its organiser's time zone (shared ``cms.calendars``)."""

from datetime import timedelta

from icalendar import Event

from cms.calendars import calendar_bytes, timed_event
from cms.notify import absolute_url


def webinar_event(webinar, request) -> Event:
    return timed_event(
        uid=f"webinar-{webinar.pk}@puente",
        summary=webinar.title,
        description=webinar.summary,
        starts=webinar.starts_at,
        ends=webinar.ends_at,
        zone=webinar.zone,
        url=absolute_url(webinar.get_url(request)),
        reminder=timedelta(minutes=30),
    )


def webinar_calendar(webinar, request) -> bytes:
    return calendar_bytes(webinar.title, [webinar_event(webinar, request)])
