"""Editors and the secretariat manage organisations, project records and indicators in the
admin; the secretariat alone reads concept notes and reports there. Everyone else: nothing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = ("organisation", "project", "indicator")
GRANTS = {
    "Editor": [f"{a}_{m}" for m in EDITABLE for a in ("add", "change", "view")],
    "Secretariat": [f"{a}_{m}" for m in EDITABLE for a in ("add", "change", "delete", "view")]
    + ["view_proposal", "view_progressreport"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("projects")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*Permission.objects.filter(
                content_type__app_label="projects", codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*Permission.objects.filter(
                content_type__app_label="projects", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("projects", "0001_initial"), ("accounts", "0002_roles")]

    operations = [migrations.RunPython(grant, revoke)]
