"""Admin registrations only: the views and forms live in frameworks/admin.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin, permissions
from .models import (
    ArticleTag,
    CountryStatus,
    CountryStatusChange,
    Framework,
    NationalReport,
    ReportingCycle,
)

# Deny by default: each model's rule, read by the viewsets, the menu and the chooser alike.
# Status rows are never deleted (their history stays); history and reports are read-only here.
register_permission_policy(
    Framework, admin.RolePolicy(Framework, permissions.may_edit_frameworks,
                                group_names=admin.EDITORS)
)
register_permission_policy(
    CountryStatus, admin.RolePolicy(CountryStatus, permissions.may_edit_status,
                                    group_names=admin.SECRETARIAT)
)
register_permission_policy(
    CountryStatusChange, admin.RolePolicy(CountryStatusChange, permissions.may_edit_status,
                                          actions=("view",), group_names=admin.SECRETARIAT)
)
register_permission_policy(
    ReportingCycle, admin.RolePolicy(ReportingCycle, permissions.may_manage_reports,
                                     group_names=admin.SECRETARIAT)
)
register_permission_policy(
    NationalReport, admin.RolePolicy(NationalReport, permissions.may_manage_reports,
                                     actions=("view",), group_names=admin.SECRETARIAT)
)
register_permission_policy(
    ArticleTag, admin.RolePolicy(ArticleTag, permissions.may_tag,
                                 actions=("add", "view", "delete"), group_names=admin.EDITORS)
)


class FrameworkViewSet(ModelViewSet):
    model = Framework
    icon = "doc-full"
    menu_label = _("Instruments and articles")
    list_display = ["code", "name", "binding", "adoption_date"]


class CountryStatusViewSet(ModelViewSet):
    model = CountryStatus
    icon = "list-ul"
    menu_label = _("Country statuses")
    list_display = ["framework", "country", "standing", "signature_date", "consent_date",
                    "deposit_date", "updated_at"]
    list_filter = ["framework", "standing", "country"]
    edit_handler = admin.STATUS_EDIT_HANDLER
    

class StatusChangeViewSet(ModelViewSet):
    model = CountryStatusChange
    icon = "history"
    menu_label = _("Status history")
    list_display = [
        "status", "changed_at", "changed_by", "via",
        Column("changes", label=_("Changes")),
    ]
    list_filter = ["status__framework", "status__country", "via"]
    form_fields = ["via"]  # never editable: the policy allows viewing only


class ReportingCycleViewSet(ModelViewSet):
    model = ReportingCycle
    icon = "date"
    menu_label = _("Reporting cycles")
    list_display = ["framework", "name", "due_date"]
    edit_handler = admin.CYCLE_EDIT_HANDLER


class NationalReportViewSet(ModelViewSet):
    model = NationalReport
    icon = "doc-full-inverse"
    menu_label = _("National reports")
    list_display = [
        "cycle", "country", "state", "submitted_at",
        Column("page", label=_("Review"), accessor=admin.report_link),
    ]
    list_filter = ["state", "cycle__framework", "country"]
    form_fields = ["observations"]  # observations go through the workflow on the report page


class ArticleTagViewSet(ModelViewSet):
    model = ArticleTag
    icon = "tag"
    menu_label = _("Article tags")
    list_display = ["article", "content_type", "object_id", "country", "created_at"]
    list_filter = ["article__framework", "content_type"]
    edit_handler = admin.TAG_EDIT_HANDLER


class LegalFrameworksGroup(ViewSetGroup):
    menu_label = _("Legal frameworks")
    menu_icon = "doc-full"
    menu_order = 260
    items = (
        FrameworkViewSet("frameworks_framework"),
        CountryStatusViewSet("frameworks_status"),
        StatusChangeViewSet("frameworks_status_history"),
        ReportingCycleViewSet("frameworks_cycle"),
        NationalReportViewSet("frameworks_report"),
        ArticleTagViewSet("frameworks_tag"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return LegalFrameworksGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("frameworks/status-import/", admin.status_import_view,
             name="frameworks_status_import"),
        path("frameworks/status-export.csv", admin.status_export_view,
             name="frameworks_status_export"),
    ]


class SecretariatMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.may_edit_status(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return SecretariatMenuItem(
        _("Import statuses (CSV)"), reverse("frameworks_status_import"), icon_name="upload",
        order=261,
    )
