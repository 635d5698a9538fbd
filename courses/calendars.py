"""iCalendar files: one webinar, and a person's feed of webinars and cohort dates.

Events carry the organiser's time zone (DTSTART;TZID=… with a VTIMEZONE) so that calendars show
them right wherever the reader is, and a 30-minute alarm.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Alarm, Calendar, Event

from .models import Cohort, Enrolment, Registration


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Puente//Courses and webinars//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    return calendar


def _alarm(description: str, before: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", -before)
    return alarm


def webinar_event(webinar, request) -> Event:
    event = Event()
    event.add("uid", f"webinar-{webinar.pk}@puente")
    event.add("summary", webinar.title)
    event.add("description", webinar.summary)
    event.add("dtstart", timezone.localtime(webinar.starts_at, webinar.zone))
    event.add("dtend", timezone.localtime(webinar.ends_at, webinar.zone))
    event.add("dtstamp", timezone.now())
    event.add("url", request.build_absolute_uri(webinar.get_url(request)))
    event.add_component(_alarm(webinar.title, timedelta(minutes=30)))
    return event


def webinar_calendar(webinar, request) -> bytes:
    calendar = _calendar(webinar.title)
    calendar.add_component(webinar_event(webinar, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def cohort_event(cohort: Cohort, request) -> Event | None:
    if cohort.starts_at is None:
        return None
    event = Event()
    event.add("uid", f"cohort-{cohort.pk}@puente")
    event.add("summary", str(cohort))
    # A cohort runs for weeks: an all-day span, not a meeting.
    event.add("dtstart", timezone.localdate(cohort.starts_at))
    end = cohort.ends_at or cohort.starts_at
    event.add("dtend", timezone.localdate(end) + timedelta(days=1))
    event.add("dtstamp", timezone.now())
    event.add("url", request.build_absolute_uri(cohort.course.get_url(request)))
    event.add_component(_alarm(_("Your course starts: %(title)s") % {"title": str(cohort)},
                               timedelta(days=1)))
    return event


def personal_feed(user, request) -> bytes:
    """Everything a person has signed up for: webinars (registered) and cohorts (enrolled)."""
    calendar = _calendar(_("Puente — my learning"))
    for registration in Registration.objects.filter(
        user=user, status=Registration.Status.REGISTERED
    ).select_related("webinar"):
        calendar.add_component(webinar_event(registration.webinar, request))
    for enrolment in Enrolment.objects.filter(
        user=user, status=Enrolment.Status.ACTIVE
    ).select_related("cohort__course"):
        event = cohort_event(enrolment.cohort, request)
        if event is not None:
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
