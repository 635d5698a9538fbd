"""iCalendar (RFC 5545) for every dated thing in Puente: webinars, cohorts, forum meetings.

A domain turns its object into a timed or all-day :class:`icalendar.Event` with
:func:`timed_event` / :func:`all_day_event` and answers a file with :func:`calendar_bytes`.
Timed events carry the organiser's time zone (DTSTART;TZID=… with a VTIMEZONE) so calendars
show them right wherever the reader is.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.http import HttpResponse
from django.utils import timezone

from icalendar import Alarm, Calendar, Event


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Puente//Puente//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def alarm(description: str, before: timedelta) -> Alarm:
    reminder = Alarm()
    reminder.add("action", "DISPLAY")
    reminder.add("description", description)
    reminder.add("trigger", -before)
    return reminder


def timed_event(
    *,
    uid: str,
    summary: str,
    starts: datetime,
    ends: datetime,
    zone,
    url: str,
    description: str = "",
    location: str = "",
    reminder: timedelta | None = timedelta(minutes=30),
) -> Event:
    """An event at a time, written in ``zone`` (the organiser's)."""
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    event.add("dtstart", timezone.localtime(starts, zone))
    event.add("dtend", timezone.localtime(ends, zone))
    event.add("dtstamp", timezone.now())
    event.add("url", url)
    if reminder is not None:
        event.add_component(alarm(summary, reminder))
    return event


def all_day_event(
    *,
    uid: str,
    summary: str,
    first: date,
    last: date,
    url: str,
    description: str = "",
    reminder_text: str = "",
) -> Event:
    """An event spanning whole days, ``first`` to ``last`` inclusive."""
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    if description:
        event.add("description", description)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))
    event.add("dtstamp", timezone.now())
    event.add("url", url)
    if reminder_text:
        event.add_component(alarm(reminder_text, timedelta(days=1)))
    return event


def calendar_bytes(name: str, events: Iterable[Event]) -> bytes:
    calendar = new_calendar(name)
    for event in events:
        if event is not None:
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
