"""Editors and the secretariat may submit pages for translation (the translation status
report links to simple_translation's view, which asks for this permission)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editor", "Secretariat"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("simple_translation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(
        content_type__app_label="simple_translation", codename="submit_translation"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(
        content_type__app_label="simple_translation", codename="submit_translation"
    ):
        for group in Group.objects.filter(name__in=GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("accounts", "0002_roles"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
