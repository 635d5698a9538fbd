"""The five roles as groups, with their model, page and collection permissions.

Later migrations (in the apps that add models) extend these groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Learner", "Agency focal point", "Instructor", "Editor", "Secretariat"]

MODEL_PERMISSIONS = {
    "Instructor": [("wagtailadmin", "access_admin")],
    "Editor": [
        ("wagtailadmin", "access_admin"),
        ("directory", "view_country"),
        ("directory", "view_agency"),
        ("directory", "view_theme"),
        ("directory", "view_populationgroup"),
        ("directory", "view_network"),
    ],
    "Secretariat": [
        ("wagtailadmin", "access_admin"),
        *[
            ("directory", f"{action}_{model}")
            for model in ("country", "agency", "theme", "populationgroup", "network")
            for action in ("add", "change", "delete", "view")
        ],
        ("accounts", "view_agencyclaim"),
        ("accounts", "change_agencyclaim"),
    ],
}
PAGE_PERMISSIONS = {
    "Editor": ["add_page", "change_page", "publish_page"],
    "Secretariat": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    "Editor": [
        ("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"), ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
    ],
}
COLLECTION_PERMISSIONS["Secretariat"] = COLLECTION_PERMISSIONS["Editor"]


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*[permission(*p) for p in MODEL_PERMISSIONS.get(role, [])])
        for codename in PAGE_PERMISSIONS.get(role, []):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission("wagtailcore", codename)
            )
        for app_label, codename in COLLECTION_PERMISSIONS.get(role, []):
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=permission(app_label, codename),
            )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("directory", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
