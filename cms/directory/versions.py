"""The directory version: replaced whenever a country, agency, theme, population group or network
changes, so answers built from directory rows (filter options) can be kept in the shared cache."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from cms.versions import Version

DIRECTORY = Version("puente:directory:version")


def _changed(sender, **kwargs) -> None:
    if sender._meta.app_label == "directory":
        DIRECTORY.replace()


def connect_signals() -> None:
    post_save.connect(_changed, dispatch_uid="puente-directory-save")
    post_delete.connect(_changed, dispatch_uid="puente-directory-delete")
    for model in apps.get_app_config("directory").get_models():
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                DIRECTORY.replace, sender=field.remote_field.through,
                dispatch_uid=f"puente-directory-m2m-{model._meta.label}-{field.name}",
            )
