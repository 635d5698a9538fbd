"""CSV imports in the admin: bulk enrolment in a cohort (webinar attendance:
``courses/webinars/services.py``).

The admin form reads and checks the file (``courses/admin/forms.py``); these take its rows.
Each row is handled on its own: valid rows are applied, refused rows are reported with their
reason.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from cms.refusals import Refusal

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
