"""The secretariat manages standalone rooms and the moderation queue in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    *[f"{action}_room" for action in ("add", "change", "delete", "view")],
    "view_messagereport",
    "change_messagereport",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("rooms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Secretariat").first()
    if group:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="rooms", codename__in=PERMISSIONS)
        )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    apps.get_model("auth", "Group").objects.get(name="Secretariat").permissions.remove(
        *Permission.objects.filter(content_type__app_label="rooms", codename__in=PERMISSIONS)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("rooms", "0001_initial"),
        ("accounts", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
