"""Admin registrations: the translation status report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin import may_view_translation_status, translation_status_report


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/translation-status/", translation_status_report,
             name="publishing_translation_status"),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_translation_status(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"), reverse("publishing_translation_status"),
        icon_name="globe", order=910,
    )
