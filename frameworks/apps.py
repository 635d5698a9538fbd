from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrameworksConfig(AppConfig):
    name = "frameworks"
    label = "frameworks"
    verbose_name = _("Legal frameworks")

    def ready(self):
        from cms.accounts import personal_data

        from .personal_data import frameworks_erase, frameworks_export

        personal_data.register("frameworks", exporter=frameworks_export, eraser=frameworks_erase)
        from . import registrations
        from .versions import FRAMEWORKS

        registrations.register()
        FRAMEWORKS.follow_apps(self.label)
