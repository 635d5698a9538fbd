from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    label = "projects"
    verbose_name = _("Cooperation projects")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.accounts import personal_data

        from .personal_data import projects_erase, projects_export

        personal_data.register("projects", exporter=projects_export, eraser=projects_erase)
        from . import registrations, signal_handlers

        signal_handlers.connect()
        registrations.register_all()
