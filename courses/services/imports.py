"""CSV imports in the admin: bulk enrolment in a cohort and webinar attendance.

The admin form reads and checks the file (``courses/admin/forms.py``); these take its rows.
Each row is handled on its own: valid rows are applied, refused rows are reported with their
reason.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from cms.refusals import Refusal
from courses.models import Registration
from courses.webinars.services import attendance_record

from .enrolment import enrolment_create


@dataclass
class ImportResult:
    done: list[str] = field(default_factory=list)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (line, value, reason)


def enrol_from_csv(*, cohort, rows: list[dict], by) -> ImportResult:
    """Enrol each listed person (column ``email``) in ``cohort``, window or not."""
    result = ImportResult()
    users = get_user_model().objects.select_related("agency")
    for line, row in enumerate(rows, start=2):
        email = (row.get("email") or "").strip().lower()
        if not email:
            result.errors.append((line, "", _("The email address is missing.")))
            continue
        user = users.filter(email=email).first()
        if user is None:
            result.errors.append((line, email, _("No account uses this email address.")))
            continue
        try:
            enrolment = enrolment_create(user=user, cohort=cohort, by=by, check_window=False)
        except Refusal as refusal:
            result.errors.append((line, email, str(refusal)))
        else:
            result.done.append(f"{email}: {enrolment.get_status_display()}")
    return result


def attendance_from_csv(*, webinar, rows: list[dict], by) -> ImportResult:
    """Record attendance from columns ``email`` and ``minutes``."""
    result = ImportResult()
    registrations = {
        r.user.email.lower(): r
        for r in Registration.objects.filter(webinar=webinar).exclude(
            status=Registration.Status.CANCELLED
        ).select_related("user", "webinar")
    }
    for line, row in enumerate(rows, start=2):
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
            certificate = attendance_record(registration=registration, minutes=minutes, by=by)
        except Refusal as refusal:
            result.errors.append((line, email, str(refusal)))
        else:
            suffix = f" — {certificate.code}" if certificate else ""
            result.done.append(f"{email}: {minutes}{suffix}")
    return result
