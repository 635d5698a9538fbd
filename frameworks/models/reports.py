"""National reports to an instrument's follow-up mechanism, cycle by cycle.

A report's ``state`` is written only by :mod:`frameworks.workflow` (due → submitted →
reviewed; due → late → submitted)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Country, TranslatedNameMixin
from cms.files import PrivateStorage

from .instruments import Framework
from .pages import LANGUAGE_CHOICES


class ReportingCycle(TranslatedNameMixin, models.Model):
    """One round of reporting (e.g. “First national report”), with its due date."""

    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="cycles",
        verbose_name=_("legal framework"),
    )
    due_date = models.DateField(_("due date"))

    class Meta:
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")
        ordering = ["framework", "due_date"]

    def __str__(self) -> str:
        return f"{self.framework.code} · {self.name} ({self.due_date:%Y-%m-%d})"


class NationalReport(models.Model):
    class State(models.TextChoices):
        DUE = "due", _("Due")
        LATE = "late", _("Late")
        SUBMITTED = "submitted", _("Submitted")
        REVIEWED = "reviewed", _("Reviewed")

    cycle = models.ForeignKey(
        ReportingCycle, on_delete=models.CASCADE, related_name="reports",
        verbose_name=_("reporting cycle"),
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="national_reports",
        verbose_name=_("country"),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.DUE)
    version = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    observations = models.TextField(_("observations of the follow-up mechanism"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("national report")
        verbose_name_plural = _("national reports")
        ordering = ["cycle__due_date", "country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "country"], name="frameworks_report_once")
        ]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.country.code}"

    def get_absolute_url(self) -> str:
        return reverse("frameworks:report", args=[self.pk])


private_storage = PrivateStorage("FRAMEWORKS_REPORT_ROOT")


def _private_storage():
    return private_storage


class NationalReportFile(models.Model):
    """The report in one language; served only through the permission-checked download."""

    report = models.ForeignKey(NationalReport, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGE_CHOICES)
    file = models.FileField(_("file"), upload_to="%Y/%m/", storage=_private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        ordering = ["language", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("frameworks:report_file", args=[self.report_id, self.pk])


class NationalReportTransition(models.Model):
    report = models.ForeignKey(NationalReport, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=20)
    from_state = models.CharField(max_length=10)
    to_state = models.CharField(max_length=10)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


class ReportReminder(models.Model):
    """A reminder that went out, so that it never goes out twice."""

    class Kind(models.TextChoices):
        DAYS_30 = "30d", _("30 days before")
        DAYS_7 = "7d", _("7 days before")
        LATE = "late", _("Late")

    report = models.ForeignKey(NationalReport, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="frameworks_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} · {self.kind}"
