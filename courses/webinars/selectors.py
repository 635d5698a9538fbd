"""Reads of webinars: the list, a webinar page, a person's registrations."""

from datetime import timedelta

from django.utils import timezone

from cms.pages.highlights import public_pages
from cms.translations import one_per_translation

from . import permissions
from .models import Registration, WebinarPage

LIST_SIZE = 50


def webinar_index_context(index) -> dict:
    # Every webinar whatever its language, in the index's language when translated (17.1).
    webinars = one_per_translation(WebinarPage.objects.live().public(), index.locale_id)
    now = timezone.now()
    return {
        "upcoming": webinars.filter(starts_at__gte=now).order_by("starts_at")[:LIST_SIZE],
        "past": webinars.filter(starts_at__lt=now).order_by("-starts_at")[:LIST_SIZE],
    }


def open_registration(user, webinar) -> Registration | None:
    """The person's registration (registered or waitlisted), or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(user=user, webinar=webinar)
        .exclude(status=Registration.Status.CANCELLED).first()
    )


def webinar_page_context(webinar, user) -> dict:
    now = timezone.now()
    return {
        "registration": open_registration(user, webinar),
        "may_join": permissions.may_join_webinar(user, webinar, now=now),
        "join_opens_at": webinar.starts_at - webinar.JOIN_WINDOW,
        "is_past": webinar.ends_at < now,
    }


def upcoming_registrations(user) -> list[Registration]:
    """The person's webinars from yesterday on, for the dashboard."""
    return list(
        Registration.objects.filter(
            user=user, webinar__starts_at__gte=timezone.now() - timedelta(days=1)
        ).exclude(status=Registration.Status.CANCELLED)
        .select_related("webinar").order_by("webinar__starts_at")
    )


def upcoming_for_home(request, locale) -> list[dict]:
    """The next three webinars (any language, the visitor's translation when there is one),
    for the home page's highlights: one query."""
    webinars = one_per_translation(public_pages(WebinarPage.objects.live()), locale).filter(
        starts_at__gte=timezone.now()
    ).order_by("starts_at")[:3]
    return [
        {
            "title": webinar.title,
            "url": webinar.get_url(request),
            "datetime": webinar.starts_at,
            "meta": webinar.get_language_display(),
            "lang": "" if webinar.locale_id == locale else webinar.locale.language_code,
        }
        for webinar in webinars
    ]


def registrations_by_email(webinar) -> dict:
    """The webinar's registrations (not cancelled) by lower-case email, for attendance imports."""
    return {
        registration.user.email.lower(): registration
        for registration in Registration.objects.filter(webinar=webinar).exclude(
            status=Registration.Status.CANCELLED
        ).select_related("user", "webinar")
    }
