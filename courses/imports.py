"""CSV imports in the admin: bulk enrolment in a cohort and webinar attendance.

Each row is handled on its own: valid rows are applied, bad rows are reported with their reason.
"""

import csv
from dataclasses import dataclass, field
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import services
from .models import Registration

MAX_BYTES = 2 * 1024 * 1024


@dataclass
class ImportResult:
    done: list[str] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (line, value, reason)


def _read(upload) -> list[dict]:
    if upload.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 2 MB."))
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not UTF-8 text.")) from error
    reader = csv.DictReader(StringIO(text))
    fields = [name.strip().lower() for name in (reader.fieldnames or [])]
    if "email" not in fields:
        raise ValidationError(_("The first line must name the columns, including “email”."))
    reader.fieldnames = fields
    return list(reader)


def enrol_from_csv(*, cohort, upload, by) -> ImportResult:
    """Enrol each listed person (column ``email``) in ``cohort``, window or not."""
    result = ImportResult()
    users = get_user_model().objects.select_related("agency")
    for line, row in enumerate(_read(upload), start=2):
        email = (row.get("email") or "").strip().lower()
        if not email:
            result.errors.append((line, "", _("The email address is missing.")))
            continue
        user = users.filter(email=email).first()
        if user is None:
            result.errors.append((line, email, _("No account uses this email address.")))
            continue
        try:
            enrolment = services.enrolment_create(
                user=user, cohort=cohort, by=by, check_window=False
            )
        except ValidationError as error:
            result.errors.append((line, email, " ".join(error.messages)))
        else:
            result.done.append(f"{email}: {enrolment.get_status_display()}")
    return result


def attendance_from_csv(*, webinar, upload, by) -> ImportResult:
    """Record attendance from columns ``email`` and ``minutes``."""
    result = ImportResult()
    registrations = {
        r.user.email.lower(): r
        for r in Registration.objects.filter(webinar=webinar).exclude(
            status=Registration.Status.CANCELLED
        ).select_related("user", "webinar")
    }
    for line, row in enumerate(_read(upload), start=2):
        email = (row.get("email") or "").strip().lower()
        registration = registrations.get(email)
        if registration is None:
            result.errors.append((line, email, _("This person is not registered.")))
            continue
        try:
            minutes = int((row.get("minutes") or "").strip())
        except ValueError:
            result.errors.append((line, email, _("“minutes” must be a whole number.")))
            continue
        try:
            certificate = services.attendance_record(
                registration=registration, minutes=minutes, by=by
            )
        except ValidationError as error:
            result.errors.append((line, email, " ".join(error.messages)))
        else:
            suffix = f" — {certificate.code}" if certificate else ""
            result.done.append(f"{email}: {minutes}{suffix}")
    return result
