"""The one way Puente tells people something by email.

``notify(recipients, "exchanges/transition", {...})`` schedules, after the current transaction
commits, a django-tasks task that renders ``templates/email/<template>_subject.txt``,
``<template>.txt`` and (when it exists) ``<template>.html`` for each recipient in their own
language and time zone, and sends it. Nothing is ever sent inside a transaction (a row lock is
never held while a mail server answers), and a rolled-back change sends nothing.

The context must be JSON-serialisable (it crosses the task queue): ids, strings, numbers, ISO
dates. Texts that need translating are passed untranslated (``gettext_noop``) and translated in
the template (``{% translate state %}``), so each person reads them in their language.
"""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation

from django_tasks import task

logger = logging.getLogger(__name__)


def absolute_url(path: str) -> str:
    """``path`` on the site's public address (``BASE_URL``): the one home of absolute links."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def _ids(recipients: Iterable) -> list[int]:
    ids = []
    for person in recipients:
        pk = getattr(person, "pk", person)
        if pk is not None and pk not in ids:
            ids.append(int(pk))
    return ids


def notify(recipients: Iterable, template: str, context: dict | None = None) -> None:
    """Email ``template`` to each of ``recipients`` (users or user ids) after commit."""
    ids = _ids(recipients)
    if not ids:
        return
    payload = dict(context or {})
    transaction.on_commit(lambda: _enqueue(ids, template, payload))


def _enqueue(ids: list[int], template: str, context: dict) -> None:
    try:
        send_notification.enqueue(user_ids=ids, template=template, context=context)
    except Exception:
        # A queue that is down must not turn the person's action into an error page.
        logger.exception("Could not queue the %s email for users %s", template, ids)


def render_for(person, template: str, context: dict) -> tuple[str, str, str | None]:
    """(subject, text, html or None) of ``template`` for ``person``, in their language and zone."""
    language = getattr(person, "preferred_language", "") or settings.LANGUAGE_CODE
    zone_name = getattr(person, "time_zone", "") or settings.TIME_ZONE
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    full = {
        **context,
        "recipient": person,
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Puente"),
        "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
    }
    with translation.override(language), timezone.override(zone):
        subject = " ".join(render_to_string(f"email/{template}_subject.txt", full).split())
        text = render_to_string(f"email/{template}.txt", full)
        try:
            html = render_to_string(f"email/{template}.html", full)
        except TemplateDoesNotExist:
            html = None
    return subject[:200], text, html


@task()
def send_notification(*, user_ids: list[int], template: str, context: dict) -> int:
    """Render and send one email per active recipient; returns how many were sent."""
    sent = 0
    for person in get_user_model().objects.filter(pk__in=user_ids, is_active=True):
        if not person.email:
            continue
        subject, text, html = render_for(person, template, context)
        message = EmailMultiAlternatives(subject, text, None, [person.email])
        if html:
            message.attach_alternative(html, "text/html")
        sent += message.send()
    return sent
