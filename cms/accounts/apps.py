from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cms.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import backends, personal_data, versions

        backends.connect_signals()
        versions.connect_signals()
        personal_data.register(
            "account",
            exporter=personal_data.account_export,
            eraser=personal_data.account_data_erase,
        )
