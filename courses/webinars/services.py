"""Webinars: register (a seat or the waitlist, by the rule cohorts follow), cancel, record
attendance (by hand, or row by row from a CSV import in ``courses/services/imports.py``; a
certificate of attendance past the threshold) and send the reminders.

Registration writes lock the webinar row; emails go through ``cms.notify`` after the commit.
"""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.notify import absolute_url, notify
from cms.refusals import Refusal
from courses import permissions, seats
from courses.models import Certificate
from courses.services.certificates import certificate_issue

from .models import Registration, WebinarPage


def _registered(webinar: WebinarPage) -> int:
    return webinar.registrations.filter(status=Registration.Status.REGISTERED).count()


@transaction.atomic
def registration_create(*, user, webinar: WebinarPage) -> Registration:
    """Register for a webinar, or join its waitlist when it is full."""
    webinar = WebinarPage.objects.select_for_update().get(pk=webinar.pk)
    if webinar.ends_at < timezone.now():
        raise Refusal(_("This webinar has already taken place."), code="past")
    if Registration.objects.filter(user=user, webinar=webinar).exclude(
        status=Registration.Status.CANCELLED
    ).exists():
        raise Refusal(
            _("You are already registered for this webinar."), code="already_registered"
        )
    # A webinar always keeps a waitlist.
    where = seats.place(capacity=webinar.capacity, taken=_registered(webinar), waitlist=True)
    status = (
        Registration.Status.REGISTERED if where == seats.SEAT
        else Registration.Status.WAITLISTED
    )
    registration = Registration.objects.create(user=user, webinar=webinar, status=status)
    # Confirmation after commit, in the person's language and zone (cms.notify).
    notify([user.pk], "courses/webinar_registered", {
        "title": webinar.title,
        "starts_at": webinar.starts_at.isoformat(),
        "waitlisted": status == Registration.Status.WAITLISTED,
        "url": absolute_url(webinar.url or ""),
    })
    return registration


def _promote_waitlist(webinar: WebinarPage) -> list[Registration]:
    """Fill free seats from the waitlist, first come first served. Caller holds the lock."""
    count = seats.to_promote(capacity=webinar.capacity, taken=_registered(webinar))
    waiting = webinar.registrations.filter(status=Registration.Status.WAITLISTED)
    if count is not None:
        waiting = waiting[:count]
    promoted = []
    for registration in waiting:
        registration.status = Registration.Status.REGISTERED
        registration.save(update_fields=["status"])
        notify([registration.user_id], "courses/webinar_promoted", {"title": webinar.title})
        promoted.append(registration)
    return promoted


@transaction.atomic
def registration_cancel(*, registration: Registration, by) -> Registration:
    """Cancel a registration; the people waiting take the freed place."""
    webinar = WebinarPage.objects.select_for_update().get(pk=registration.webinar_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if by.pk != registration.user_id and not permissions.may_administer_enrolments(by):
        raise Refusal(_("You may only cancel your own registration."), code="forbidden")
    if registration.status == Registration.Status.CANCELLED:
        raise Refusal(_("This registration is already cancelled."), code="cancelled")
    was_registered = registration.status == Registration.Status.REGISTERED
    registration.status = Registration.Status.CANCELLED
    registration.save(update_fields=["status"])
    if was_registered:
        _promote_waitlist(webinar)
    return registration


@transaction.atomic
def attendance_record(*, registration: Registration, minutes: int, by) -> Certificate | None:
    """Record minutes attended; enough of the duration earns a certificate of attendance."""
    if not permissions.may_administer_enrolments(by):
        raise Refusal(_("Only the secretariat records attendance."), code="forbidden")
    webinar = registration.webinar
    if minutes < 0 or minutes > webinar.duration_minutes:
        raise Refusal(
            _("Minutes attended must be between 0 and %(max)s.")
            % {"max": webinar.duration_minutes},
            code="invalid_minutes",
        )
    if registration.status != Registration.Status.REGISTERED:
        raise Refusal(
            _("Only registered people can be marked as attending."), code="not_registered"
        )
    registration.attended_minutes = minutes
    registration.save(update_fields=["attended_minutes"])
    if 100 * minutes >= webinar.attendance_threshold * webinar.duration_minutes:
        return certificate_issue(
            user=registration.user, kind=Certificate.Kind.ATTENDANCE, webinar=webinar,
            hours=(Decimal(webinar.duration_minutes) / 60).quantize(Decimal("0.1")),
        )
    return None


REMINDERS = (
    # (field, how long before the start, the window's lower bound)
    ("reminder_24h_sent_at", timedelta(hours=24), timedelta(hours=1)),
    ("reminder_1h_sent_at", timedelta(hours=1), timedelta(0)),
)


def reminders_send(*, now=None) -> int:
    """Send due 24-hour and 1-hour reminders. Safe to run every minute, and in parallel: each
    reminder is claimed by a conditional UPDATE before it is queued, so it goes out once."""
    now = now or timezone.now()
    sent = 0
    for field, before, after in REMINDERS:
        due = Registration.objects.filter(
            status=Registration.Status.REGISTERED,
            webinar__starts_at__gt=now + after,
            webinar__starts_at__lte=now + before,
            **{f"{field}__isnull": True},
        ).select_related("webinar")
        for registration in due:
            claimed = Registration.objects.filter(
                pk=registration.pk, **{f"{field}__isnull": True}
            ).update(**{field: now})
            if not claimed:
                continue
            webinar = registration.webinar
            notify(
                [registration.user_id], "courses/webinar_reminder",
                {"title": webinar.title, "starts_at": webinar.starts_at.isoformat()},
            )
            sent += 1
    return sent
