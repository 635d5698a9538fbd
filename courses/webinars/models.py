"""Webinars: their list and pages, and registrations (seats and waitlist as for cohorts).

These models keep the app label ``courses`` (no table moves): ``courses/models/__init__.py``
imports them, so the app registry and migrations see them where they always were.
"""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from cms.accounts.models import TIME_ZONE_CHOICES
from cms.pages.blocks import BaseStreamBlock


class WebinarIndexPage(Page):
    """/<lang>/webinars/: upcoming and past webinars."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["courses.WebinarPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("webinar list")

    def get_context(self, request, *args, **kwargs):
        from courses.webinars import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.webinar_index_context(self))
        return context


class WebinarPage(Page):
    """A live session: registration with a waitlist, a join link revealed shortly before it."""

    JOIN_WINDOW = timedelta(minutes=15)

    summary = models.TextField(_("summary"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    time_zone = models.CharField(
        _("organiser's time zone"), max_length=64, choices=TIME_ZONE_CHOICES,
        default="America/New_York",
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    speakers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("speakers"), blank=True,
        related_name="webinars_spoken",
    )
    speaker_names = models.CharField(
        _("speakers as shown"), max_length=300, blank=True,
        help_text=_("Names and roles as they should appear on the page."),
    )
    join_url = models.URLField(
        _("join link"), blank=True,
        help_text=_("Shown only to registered people from 15 minutes before the start."),
    )
    recording_url = models.URLField(_("recording"), blank=True)
    slides = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("slides"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance needed for a certificate (%)"), default=75
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("time_zone")]),
                FieldRowPanel(
                    [FieldPanel("duration_minutes"), FieldPanel("language"),
                     FieldPanel("capacity")]
                ),
            ],
            heading=_("When"),
        ),
        FieldPanel("speakers"),
        FieldPanel("speaker_names"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("join_url"),
                FieldPanel("recording_url"),
                FieldPanel("slides"),
                FieldPanel("attendance_threshold"),
            ],
            heading=_("Links and attendance"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.WebinarIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("webinar")

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def get_context(self, request, *args, **kwargs):
        from courses.webinars import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.webinar_page_context(self, request.user))
        return context


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="webinar_registrations",
    )
    webinar = models.ForeignKey(
        WebinarPage, verbose_name=_("webinar"), on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    reminder_24h_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_1h_sent_at = models.DateTimeField(null=True, blank=True)
    attended_minutes = models.PositiveSmallIntegerField(
        _("minutes attended"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("webinar registration")
        verbose_name_plural = _("webinar registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "webinar"],
                condition=~models.Q(status="cancelled"),
                name="registration_one_open_per_webinar",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.webinar.title}"
