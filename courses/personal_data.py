"""The courses' section of a person's data (registered in CoursesConfig.ready with
``cms.accounts.personal_data``): enrolments, progress, quiz attempts, webinar registrations,
certificates, the calendar feed and the CSV imports they sent. Erasing keeps each certificate,
verifiable by its code, without the holder's name; imports stay without their sender, and no
import's refused rows keep the person's address."""

from .models import (
    Attempt,
    CalendarFeed,
    Certificate,
    Enrolment,
    ImportJob,
    LessonProgress,
    Registration,
)


def courses_export(user) -> dict:
    return {
        "enrolments": list(
            Enrolment.objects.filter(user=user).values(
                "cohort__course__title", "cohort__title", "status", "created_at", "decided_at",
                "completed_at", "score", "last_seen_at",
            )
        ),
        "lessons_completed": list(
            LessonProgress.objects.filter(user=user).values("lesson__title", "completed_at")
        ),
        "quiz_attempts": list(
            Attempt.objects.filter(user=user).values(
                "quiz__title", "number", "started_at", "submitted_at", "score", "passed", "answers"
            )
        ),
        "webinar_registrations": list(
            Registration.objects.filter(user=user).values(
                "webinar__title", "status", "created_at", "attended_minutes"
            )
        ),
        "certificates": list(
            Certificate.objects.filter(user=user).values(
                "code", "kind", "title", "holder_name", "hours", "issued_at", "revoked_at"
            )
        ),
        "calendar_feed": CalendarFeed.objects.filter(user=user).exists(),
        "imports_sent": list(
            ImportJob.objects.filter(created_by=user).values(
                "kind", "file_name", "status", "total_rows", "created_count", "skipped_count",
                "error_count", "created_at",
            )
        ),
    }


def courses_erase(user) -> None:
    Enrolment.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).delete()
    Attempt.objects.filter(user=user).delete()
    Registration.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
    Certificate.objects.filter(user=user).update(holder_name="")
    ImportJob.objects.filter(created_by=user).update(created_by=None)
    _forget_in_refused_rows(user.email)


def _forget_in_refused_rows(email: str) -> None:
    """A refused row names the address it was about: that row leaves the import's report."""
    email = (email or "").strip().lower()
    if not email:
        return
    for job in ImportJob.objects.filter(errors__icontains=email).only("pk", "errors"):
        job.errors = [row for row in job.errors if str(row[1]).lower() != email]
        job.save(update_fields=["errors"])
