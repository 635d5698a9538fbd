"""The projects version: replaced on any change of a projects row (or of the directory, whose
names the cached blocks show), so cached project blocks and totals are never stale."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from cms.versions import Version

PROJECTS = Version("puente:projects:version")


def _changed(sender, **kwargs) -> None:
    if sender._meta.app_label in ("projects", "directory"):
        PROJECTS.replace()


def connect() -> None:
    post_save.connect(_changed, dispatch_uid="puente-projects-save")
    post_delete.connect(_changed, dispatch_uid="puente-projects-delete")
    for model in apps.get_app_config("projects").get_models():
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                PROJECTS.replace, sender=field.remote_field.through,
                dispatch_uid=f"puente-projects-m2m-{model._meta.label}-{field.name}",
            )
