"""The "Experience review" workflow, its Secretariat task, and admin access for focal points."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Experience review"
TASK_NAME = "Secretariat review"


def create_workflow(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ExperienceIndexPage = apps.get_model("puente_search", "ExperienceIndexPage")

    secretariat, _ = Group.objects.get_or_create(name="Secretariat")
    focal_points, _ = Group.objects.get_or_create(name="Agency focal point")
    focal_points.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.groups.add(secretariat)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    add_page = Permission.objects.get(content_type__app_label="wagtailcore", codename="add_page")
    for library in ExperienceIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page_id=library.pk, defaults={"workflow": workflow})
        GroupPagePermission.objects.get_or_create(
            group=focal_points, page_id=library.pk, permission=add_page
        )


def remove_workflow(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("puente_search", "0002_fulltext"),
        ("accounts", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
