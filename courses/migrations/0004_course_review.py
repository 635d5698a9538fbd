"""Instructors edit their own courses: who may choose instructors, the "Course review" workflow
that editors and the secretariat approve, images and documents for lessons, and a group for
each course that already has instructors."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Course review"
TASK_NAME = "Course editorial review"
ASSIGNERS = ["Editor", "Secretariat"]
INSTRUCTOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document"),
]
INSTRUCTOR_PAGE_PERMISSIONS = ["add_page", "change_page"]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    CoursePage = apps.get_model("courses", "CoursePage")
    CourseInstructorGroup = apps.get_model("courses", "CourseInstructorGroup")

    assign = Permission.objects.get(
        content_type__app_label="courses", codename="assign_course_instructors"
    )
    approvers = [Group.objects.get_or_create(name=name)[0] for name in ASSIGNERS]
    for group in approvers:
        group.permissions.add(assign)

    instructor, _ = Group.objects.get_or_create(name="Instructor")
    root_collection = Collection.objects.filter(depth=1).first()
    for app_label, codename in INSTRUCTOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=instructor, collection=root_collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.groups.add(*approvers)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    page_permissions = [
        Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        for codename in INSTRUCTOR_PAGE_PERMISSIONS
    ]
    for course in CoursePage.objects.all():
        teachers = list(course.instructors.all())
        if not teachers:
            continue
        group, _ = Group.objects.get_or_create(name=f"Instructors of course {course.pk}")
        CourseInstructorGroup.objects.get_or_create(course=course, defaults={"group": group})
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=course.pk, permission=permission
            )
        WorkflowPage.objects.get_or_create(page_id=course.pk, defaults={"workflow": workflow})
        group.user_set.set(teachers)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Group.objects.filter(name__startswith="Instructors of course ").delete()
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_instructor_groups"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
