from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    label = "forums"
    verbose_name = _("Political dialogue")

    def ready(self):
        from cms.accounts import personal_data

        from .personal_data import forums_erase, forums_export

        personal_data.register("forums", exporter=forums_export, eraser=forums_erase)
        from . import registries
        from .versions import FORUMS

        registries.register_all()
        FORUMS.follow_apps(self.label)
