"""Who may see and do what in courses (webinars: ``courses/webinars/permissions.py``): one
answer for views, API, admin and rooms."""

from django.db.models import Q

from cms import permissions as cms_permissions
from cms.permissions import is_active_user
from rooms.parents import RoomPolicy

from . import outline
from .models import CoursePage, Enrolment


def active_enrolment(user, course):
    """The user's active enrolment in any cohort of ``course``, or None (cached per request)."""
    if not is_active_user(user) or course is None:
        return None
    cache = user.__dict__.setdefault("_puente_enrolments", {})
    if course.pk not in cache:
        cache[course.pk] = (
            Enrolment.objects.filter(
                user=user, cohort__course_id=course.pk, status=Enrolment.Status.ACTIVE
            ).select_related("cohort").order_by("-created_at").first()
        )
    return cache[course.pk]


def teaches(user, course) -> bool:
    """Whether ``user`` is an instructor of ``course`` (a course page or its id)."""
    if not is_active_user(user):
        return False
    # Through the table, not the page's (possibly unsaved, in-memory) parental relation.
    return CoursePage.instructors.through.objects.filter(
        coursepage_id=getattr(course, "pk", course), user_id=user.pk
    ).exists()


def may_manage_course(user, course) -> bool:
    """Instructors of the course, editors and the secretariat see everything in it."""
    return cms_permissions.is_editor(user) or teaches(user, course)


def may_read_lesson(user, lesson, *, course=None) -> bool:
    """Lesson content: enrolled learners and course staff; the first lesson is a public preview."""
    course = course or lesson.course
    if course is None:
        return False
    if outline.first_lesson_id(course) == lesson.pk:
        return True
    if active_enrolment(user, course) is not None:
        return True
    return may_manage_course(user, course)


def may_take_quiz(user, quiz) -> bool:
    return active_enrolment(user, quiz.course) is not None


def may_view_reports(user) -> bool:
    return cms_permissions.is_secretariat(user)


def may_administer_enrolments(user) -> bool:
    """Approve, bulk-enrol, record attendance and revoke certificates: the secretariat."""
    return cms_permissions.is_secretariat(user)


def sees_every_import(user) -> bool:
    """Superusers and staff accounts follow every import; the secretariat their own."""
    return may_administer_enrolments(user) and (user.is_superuser or user.is_staff)


def may_see_import(user, job) -> bool:
    """An import's progress and refused rows: the secretariat member who sent it, and those who
    see every import. Nobody else (the admin answers 404)."""
    return may_administer_enrolments(user) and (
        sees_every_import(user) or job.created_by_id == user.pk
    )


def may_download_certificate(user, certificate) -> bool:
    return is_active_user(user) and (
        certificate.user_id == user.pk or cms_permissions.is_secretariat(user)
    )


class CohortRoomPolicy(RoomPolicy):
    """A cohort's room: its enrolled learners talk; instructors and the secretariat moderate."""

    kind = "cohort"

    def is_member(self, user, parent) -> bool:
        return Enrolment.objects.filter(
            user=user, cohort=parent, status=Enrolment.Status.ACTIVE
        ).exists()

    def is_moderator(self, user, parent) -> bool:
        return super().is_moderator(user, parent) or teaches(user, parent.course_id)

    def readable(self, user, cohorts):
        """``may_read`` for a queryset of cohorts, in one query (the room list)."""
        if not is_active_user(user):
            return cohorts.none()
        if cms_permissions.is_secretariat(user):
            return cohorts
        enrolled = Enrolment.objects.filter(user=user, status=Enrolment.Status.ACTIVE)
        taught = CoursePage.instructors.through.objects.filter(user_id=user.pk)
        return cohorts.filter(
            Q(pk__in=enrolled.values("cohort_id"))
            | Q(course_id__in=taught.values("coursepage_id"))
        )
