"""Extend the role groups with the permissions of courses and webinars."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODEL_PERMISSIONS = {
    "Secretariat": [
        *[
            ("courses", f"{action}_{model}")
            for model in ("cohort", "enrolment", "registration", "certificate")
            for action in ("add", "change", "delete", "view")
        ],
        ("courses", "view_attempt"),
    ],
    "Instructor": [("courses", "view_cohort"), ("courses", "view_enrolment")],
    "Editor": [("courses", "view_cohort")],
}


def extend_roles(apps, schema_editor):
    app_config = apps.get_app_config("courses")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, permissions in MODEL_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *[
                Permission.objects.get(content_type__app_label=app, codename=codename)
                for app, codename in permissions
            ]
        )


def shrink_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, permissions in MODEL_PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="courses",
                    codename__in=[codename for _app, codename in permissions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(extend_roles, shrink_roles)]
