"""Each course's instructors' admin group, kept in step with the course's instructors."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from courses.models import CourseInstructorGroup, CoursePage

# What a course's instructors may do to it and everything below it in the admin: edit, add
# modules, lessons and quizzes, and submit them to the "Course review" workflow. Publishing is
# for editors and the secretariat, who approve that workflow's task.
INSTRUCTOR_PAGE_PERMISSIONS = ("add_page", "change_page")
COURSE_REVIEW_WORKFLOW = "Course review"


@transaction.atomic
def course_instructors_sync(*, course: CoursePage) -> CourseInstructorGroup:
    """Make the course's admin group hold exactly its live instructors.

    Called whenever the live ``instructors`` relation changes (``signal_handlers``), so a person
    removed from a course loses access to it in the same transaction. Database rows only: no
    row lock, no I/O outside the database.
    """
    link = CourseInstructorGroup.objects.select_related("group").filter(course=course).first()
    if link is None:
        group, _created = Group.objects.get_or_create(name=f"Instructors of course {course.pk}")
        link = CourseInstructorGroup.objects.create(course=course, group=group)
        for codename in INSTRUCTOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=course,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        workflow = Workflow.objects.filter(name=COURSE_REVIEW_WORKFLOW, active=True).first()
        if workflow is not None:
            WorkflowPage.objects.get_or_create(page=course, defaults={"workflow": workflow})
    teacher_ids = CoursePage.instructors.through.objects.filter(
        coursepage_id=course.pk
    ).values_list("user_id", flat=True)
    link.group.user_set.set(get_user_model().objects.filter(pk__in=teacher_ids))
    return link
