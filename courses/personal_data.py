"""The courses' section of a person's data (registered in CoursesConfig.ready with
``cms.accounts.personal_data``): enrolments, progress, quiz attempts, webinar registrations,
certificates and the calendar feed. Erasing keeps each certificate, verifiable by its code,
without the holder's name."""

from .models import Attempt, CalendarFeed, Certificate, Enrolment, LessonProgress, Registration


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
    }


def courses_erase(user) -> None:
    Enrolment.objects.filter(user=user).delete()
    LessonProgress.objects.filter(user=user).delete()
    Attempt.objects.filter(user=user).delete()
    Registration.objects.filter(user=user).delete()
    CalendarFeed.objects.filter(user=user).delete()
    Certificate.objects.filter(user=user).update(holder_name="")
