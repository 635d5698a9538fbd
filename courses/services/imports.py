"""CSV imports in the admin: bulk enrolment in a cohort and webinar attendance, run in the
background.

The request checks the whole file first (``courses.admin.forms.read_csv``: size, rows, header,
encoding — a bad file is a form error and nothing is stored), then ``import_job_create`` stores
it privately, records an ``ImportJob`` and queues ``import_job_run`` after the commit. The task
applies the rows in batches: each batch and the job's counters commit together, so a task that
stops resumes after the last committed batch, and a row already applied (the person already
enrolled, the same minutes already recorded) is counted as "already done", never applied twice.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from django_tasks import task

from cms.refusals import Refusal
from courses.models import ImportJob
from courses.webinars.selectors import registrations_by_email
from courses.webinars.services import attendance_record

from .enrolment import enrolment_create

logger = logging.getLogger(__name__)

BATCH_ROWS = 100  # rows applied in one transaction (and between two progress updates)

COLUMNS = {
    ImportJob.Kind.ENROLMENT: ("email",),
    ImportJob.Kind.ATTENDANCE: ("email", "minutes"),
}

APPLIED, ALREADY_DONE = "applied", "already_done"


@dataclass(frozen=True)
class CheckedCsv:
    """A file that passed ``courses.admin.forms.read_csv``: its text (UTF-8, no BOM), rows."""

    name: str
    text: str
    rows: list[dict]


def import_job_create(*, checked: CheckedCsv, by, cohort=None, webinar=None) -> ImportJob:
    """Store a checked file and queue its import (after the commit); returns the job at once."""
    kind = ImportJob.Kind.ENROLMENT if cohort is not None else ImportJob.Kind.ATTENDANCE
    with transaction.atomic():
        job = ImportJob(
            kind=kind, cohort=cohort, webinar=webinar, created_by=by,
            file_name=checked.name[:255], language=translation.get_language() or "",
            total_rows=len(checked.rows),
        )
        job.file.save("import.csv", ContentFile(checked.text.encode("utf-8")), save=False)
        job.save()
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    try:
        import_job_run.enqueue(job_id=job_id)
    except Exception as error:
        logger.exception("Could not queue import %s", job_id)
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED, failure=str(error)[:2000],
            finished_at=timezone.now(),
        )


@task()
def import_job_run(*, job_id: int) -> str:
    """Apply a queued import in batches; returns the job's final status."""
    job = ImportJob.objects.filter(pk=job_id).select_related("cohort", "webinar").first()
    if job is None or job.status in (ImportJob.Status.DONE, ImportJob.Status.FAILED):
        return job.status if job else "missing"
    with translation.override(job.language or None):
        try:
            _run(job)
        except Exception as error:
            logger.exception("Import %s failed", job_id)
            ImportJob.objects.filter(pk=job_id).update(
                status=ImportJob.Status.FAILED, failure=str(error)[:2000],
                finished_at=timezone.now(),
            )
            return ImportJob.Status.FAILED
    return ImportJob.Status.DONE


def _stored_rows(text: str) -> list[dict]:
    """The rows of a file checked when it was uploaded, keyed by lower-case column names."""
    reader = csv.DictReader(StringIO(text))
    reader.fieldnames = [name.strip().lower() for name in (reader.fieldnames or [])]
    return list(reader)


def _run(job: ImportJob) -> None:
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.RUNNING, started_at=job.started_at or timezone.now()
    )
    with job.file.open("rb") as stored:
        text = stored.read().decode("utf-8")
    rows = _stored_rows(text)
    apply_row = _enrol_row if job.kind == ImportJob.Kind.ENROLMENT else _attendance_row
    by = job.created_by
    while True:
        with transaction.atomic():
            locked = ImportJob.objects.select_for_update().get(pk=job.pk)
            start = locked.processed_rows
            batch = rows[start:start + BATCH_ROWS]
            if not batch:
                locked.status = ImportJob.Status.DONE
                locked.finished_at = timezone.now()
                locked.save(update_fields=["status", "finished_at"])
                return
            context = _context(job, batch)
            for line, row in enumerate(batch, start=start + 2):
                outcome = apply_row(job, row, by, context)
                if outcome == APPLIED:
                    locked.created_count += 1
                elif outcome == ALREADY_DONE:
                    locked.skipped_count += 1
                else:
                    locked.error_count += 1
                    if len(locked.errors) < ImportJob.MAX_ERROR_ROWS:
                        locked.errors.append([line, *outcome])
            locked.processed_rows = start + len(batch)
            locked.save(update_fields=[
                "processed_rows", "created_count", "skipped_count", "error_count", "errors",
            ])


def _context(job: ImportJob, batch: list[dict]) -> dict:
    """What a batch's rows look up, read once per batch."""
    if job.kind == ImportJob.Kind.ATTENDANCE:
        return {"registrations": registrations_by_email(job.webinar)}
    emails = {(row.get("email") or "").strip().lower() for row in batch} - {""}
    return {"users": {user.email.lower(): user for user in get_user_model().objects.filter(
        email__in=emails).select_related("agency")}}


def _enrol_row(job: ImportJob, row: dict, by, context: dict):
    """APPLIED, ALREADY_DONE, or (value, reason) for a refused row."""
    email = (row.get("email") or "").strip().lower()
    if not email:
        return ("", _("The email address is missing."))
    user = context["users"].get(email)
    if user is None:
        return (email, _("No account uses this email address."))
    try:
        enrolment_create(user=user, cohort=job.cohort, by=by, check_window=False)
    except Refusal as refusal:
        if refusal.code == "already_enrolled":
            return ALREADY_DONE
        return (email, str(refusal))
    return APPLIED


def _attendance_row(job: ImportJob, row: dict, by, context: dict):
    email = (row.get("email") or "").strip().lower()
    registration = context["registrations"].get(email)
    if registration is None:
        return (email, _("This person is not registered."))
    try:
        minutes = int((row.get("minutes") or "").strip())
    except ValueError:
        return (email, _("“minutes” must be a whole number."))
    if registration.attended_minutes == minutes:
        return ALREADY_DONE
    try:
        attendance_record(registration=registration, minutes=minutes, by=by)
    except Refusal as refusal:
        return (email, str(refusal))
    registration.attended_minutes = minutes
    return APPLIED
