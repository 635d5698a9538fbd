"""Keep each course's admin group in step with its live instructors."""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete

from .models import CourseInstructorGroup, CoursePage


def instructors_changed(sender, instance, action, reverse, pk_set, **kwargs):
    from .services.instructors import course_instructors_sync

    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        courses = [instance]
    elif action == "post_clear":
        courses = CoursePage.objects.filter(instructor_group__group__user=instance)
    else:
        courses = CoursePage.objects.filter(pk__in=pk_set or ())
    for course in courses:
        course_instructors_sync(course=course)


def instructor_group_deleted(sender, instance, **kwargs):
    # The group exists only for its course: it goes with it.
    Group.objects.filter(pk=instance.group_id).delete()


def register() -> None:
    from . import eligibility

    eligibility.connect_signals()
    m2m_changed.connect(
        instructors_changed, sender=CoursePage.instructors.through,
        dispatch_uid="courses-instructors-changed",
    )
    post_delete.connect(
        instructor_group_deleted, sender=CourseInstructorGroup,
        dispatch_uid="courses-instructor-group-deleted",
    )
