"""The secretariat edits each network's governance in the admin (Snippets › Network governance)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Secretariat": [
        "add_networkprofile", "change_networkprofile", "delete_networkprofile",
        "view_networkprofile",
    ],
}


def extend_roles(apps, schema_editor):
    app_config = apps.get_app_config("networks")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="networks", codename__in=codenames)
        )


def shrink_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in PERMISSIONS.items():
        group = Group.objects.filter(name=role).first()
        if group is not None:
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="networks", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [("networks", "0002_memberships_from_directory"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(extend_roles, shrink_roles)]
