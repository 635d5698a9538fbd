"""iCalendar: a cohort's dates, and a person's feed of their webinars and cohorts (built with
the shared ``cms.calendars``; one webinar's file is ``courses/webinars/calendars.py``)."""

from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Event

from cms.calendars import all_day_event, calendar_bytes
from cms.notify import absolute_url

from .models import Cohort, Enrolment, Registration
from .webinars.calendars import webinar_event


def cohort_event(cohort: Cohort, request) -> Event | None:
    if cohort.starts_at is None:
        return None
    # A cohort runs for weeks: an all-day span, not a meeting.
    return all_day_event(
        uid=f"cohort-{cohort.pk}@puente",
        summary=str(cohort),
        first=timezone.localdate(cohort.starts_at),
        last=timezone.localdate(cohort.ends_at or cohort.starts_at),
        url=absolute_url(cohort.course.get_url(request)),
        reminder_text=_("Your course starts: %(title)s") % {"title": str(cohort)},
    )


def personal_feed(user, request) -> bytes:
    """Everything a person has signed up for: webinars (registered) and cohorts (enrolled)."""
    events = [
        webinar_event(registration.webinar, request)
        for registration in Registration.objects.filter(
            user=user, status=Registration.Status.REGISTERED
        ).select_related("webinar")
    ]
    events += [
        cohort_event(enrolment.cohort, request)
        for enrolment in Enrolment.objects.filter(
            user=user, status=Enrolment.Status.ACTIVE
        ).select_related("cohort__course")
    ]
    return calendar_bytes(_("Puente — my learning"), events)
