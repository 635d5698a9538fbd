"""CSV imports run in the background: the checked file, who sent it, and how far it has got.

The upload is checked and stored by the request (``courses/services/imports.py``
``import_job_create``); the task ``import_job_run`` applies it in batches and fills the counters
that the admin's import page shows.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.files import PrivateStorage

from .cohorts import Cohort

# Files with no public address: only the import's own admin views read them.
private_storage = PrivateStorage("COURSES_IMPORT_ROOT")


def _private_storage():
    return private_storage


class ImportJob(models.Model):
    """One CSV upload: bulk enrolment in a cohort, or attendance at a webinar."""

    class Kind(models.TextChoices):
        ENROLMENT = "enrolment", _("Bulk enrolment")
        ATTENDANCE = "attendance", _("Attendance")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    ACTIVE_STATUSES = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="import_jobs",
    )
    webinar = models.ForeignKey(
        "courses.WebinarPage", verbose_name=_("webinar"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="import_jobs",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), null=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    file = models.FileField(_("file"), storage=_private_storage, upload_to="%Y/%m/")
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    created_count = models.PositiveIntegerField(_("applied"), default=0)
    skipped_count = models.PositiveIntegerField(_("already done"), default=0)
    error_count = models.PositiveIntegerField(_("refused"), default=0)
    # [line, value, reason], at most MAX_ERROR_ROWS of them (error_count counts them all)
    errors = models.JSONField(_("refused rows"), default=list, blank=True)
    failure = models.TextField(_("failure"), blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    MAX_ERROR_ROWS = 1000

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="enrolment", cohort__isnull=False, webinar__isnull=True)
                    | models.Q(kind="attendance", cohort__isnull=True, webinar__isnull=False)
                ),
                name="courses_importjob_one_target",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target}"

    @property
    def target(self):
        return self.cohort if self.kind == self.Kind.ENROLMENT else self.webinar

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE or not self.total_rows:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, 100 * self.processed_rows // self.total_rows)
