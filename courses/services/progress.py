"""Progress and completion: a lesson done, a course completed and certified."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.refusals import Refusal
from courses import permissions, selectors
from courses.models import Certificate, CoursePage, Enrolment, LessonPage, LessonProgress

from .certificates import certificate_issue


@transaction.atomic
def lesson_mark_done(*, user, lesson: LessonPage) -> LessonProgress:
    """Record a lesson as done; completes the course when it was the last requirement."""
    course = lesson.course
    if permissions.active_enrolment(user, course) is None:
        raise Refusal(_("Enrol in the course to record your progress."), code="not_enrolled")
    progress, _created = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    enrolment_complete_if_done(user=user, course=course)
    return progress


@transaction.atomic
def enrolment_complete_if_done(*, user, course: CoursePage) -> Certificate | None:
    """Complete the course and issue its certificate the moment the last requirement is met."""
    enrolment = (
        Enrolment.objects.select_for_update()
        .filter(user=user, cohort__course=course, status=Enrolment.Status.ACTIVE)
        .first()
    )
    if enrolment is None:
        return None
    progress = selectors.course_progress(user=user, course=course)
    if not progress["complete"]:
        return None
    if course.minimum_score is not None:
        scores = selectors.best_scores(user, course)
        if scores and sum(scores) / len(scores) < course.minimum_score:
            return None
    if enrolment.completed_at is None:
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
    return certificate_issue(
        user=user, kind=Certificate.Kind.COMPLETION, course=course,
        hours=Decimal(course.estimated_hours),
    )
