"""Reminders to focal points, each sent once (a ``ReminderSent`` row names it): a reporting
cycle opens, it closes in 14 days and their report is not in, their report was returned."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.notify import absolute_url, notify

from .models import CountryReport, ReminderSent, ReportingCycle, ReportTransition
from .notifications import focal_points_of, report_path

CLOSING_NOTICE = timedelta(days=14)


def _send_once(key: str, user_ids, template: str, context: dict) -> int:
    """Record ``key`` then notify; a key already recorded sends nothing."""
    try:
        with transaction.atomic():
            ReminderSent.objects.create(key=key)
    except IntegrityError:
        return 0
    notify(user_ids, template, context)
    return 1


def _cycle_context(cycle: ReportingCycle) -> dict:
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        url = absolute_url(reverse("forums:workspace"))
    return {"cycle": cycle.title, "forum": cycle.forum.title,
            "closes_on": cycle.closes_on.isoformat(), "url": url}


def send_reminders(today=None) -> int:
    """Send every reminder that is due and was never sent; return how many went out."""
    today = today or timezone.localdate()
    sent = 0
    cycles = ReportingCycle.objects.filter(opens_on__lte=today, closes_on__gte=today)
    for cycle in cycles.select_related("forum").prefetch_related("forum__member_countries"):
        context = _cycle_context(cycle)
        closing = cycle.closes_on - CLOSING_NOTICE <= today
        done = set(
            cycle.reports.filter(
                state__in=[CountryReport.State.SUBMITTED, CountryReport.State.ACCEPTED]
            ).values_list("country_id", flat=True)
        )
        for country in cycle.forum.member_countries.all():
            for user_id in focal_points_of(country.pk):
                sent += _send_once(f"open:{cycle.pk}:{user_id}", [user_id],
                                   "forums/cycle_opened", context)
                if closing and country.pk not in done:
                    sent += _send_once(f"closing:{cycle.pk}:{user_id}", [user_id],
                                       "forums/cycle_closing", context)
    returned = ReportTransition.objects.filter(
        action="return", at__gte=timezone.now() - timedelta(days=30)
    ).select_related("report__cycle", "report__country")
    for record in returned:
        report = record.report
        context = {"cycle": report.cycle.title, "country": report.country.name_en,
                   "comment": record.comment, "url": absolute_url(report_path(report))}
        for user_id in focal_points_of(report.country_id):
            sent += _send_once(f"returned:{record.pk}:{user_id}", [user_id],
                               "forums/report_returned", context)
    return sent
