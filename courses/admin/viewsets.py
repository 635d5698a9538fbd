"""Cohorts, enrolments, certificates and webinar registrations as snippets of the admin's
"Learning" menu. Rows written only by services are read-only here (``ReadOnlyPolicy``)."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.choosers import PermissionCheckedChooserViewSet
from courses import permissions
from courses.models import Certificate, Cohort, Enrolment, Registration


class LinkColumn(Column):
    """A column with one action link per row (bulk enrolment, attendance, revoke)."""

    def __init__(self, name, label, url_name, text, **kwargs):
        super().__init__(name, label=label, **kwargs)
        self.url_name, self.text = url_name, text

    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>', reverse(self.url_name, args=[self.pk_for(instance)]), self.text
        )

    def pk_for(self, instance):
        return instance.pk


class WebinarLinkColumn(LinkColumn):
    def pk_for(self, instance):
        return instance.webinar_id


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Rows written only by services (enrolment, grading, certification), never by a form."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


#: Models whose admin rows are read-only (registered in ``wagtail_hooks.py``).
READ_ONLY_MODELS = (Enrolment, Certificate, Registration)


class CohortFilterSet(WagtailFilterSet):
    class Meta:
        model = Cohort
        fields = ["course", "requires_approval"]


class CohortViewSet(SnippetViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    list_display = [
        "title", "course", "starts_at", "capacity",
        LinkColumn("bulk", _("Bulk enrolment"), "courses_bulk_enrol", _("Upload CSV")),
    ]
    filterset_class = CohortFilterSet
    search_fields = ["title"]
    search_backend_name = None


class EnrolmentFilterSet(WagtailFilterSet):
    class Meta:
        model = Enrolment
        fields = ["status", "cohort"]


class EnrolmentViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = Enrolment
    icon = "user"
    menu_label = _("Enrolments")
    list_display = ["user", "cohort", "status", "created_at", "completed_at", "score"]
    filterset_class = EnrolmentFilterSet
    search_fields = ["user__email", "user__last_name"]
    search_backend_name = None
    inspect_view_enabled = True


class CertificateViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = Certificate
    icon = "success"
    menu_label = _("Certificates")
    list_display = [
        "code", "holder_name", "title", "kind", "issued_at", "revoked_at",
        LinkColumn("revoke", _("Revoke"), "courses_certificate_revoke", _("Revoke")),
    ]
    list_filter = ["kind"]
    search_fields = ["code", "holder_name", "title"]
    search_backend_name = None
    inspect_view_enabled = True


class RegistrationViewSet(SnippetViewSet):
    chooser_viewset_class = PermissionCheckedChooserViewSet
    model = Registration
    icon = "date"
    menu_label = _("Webinar registrations")
    list_display = [
        "user", "webinar", "status", "attended_minutes",
        WebinarLinkColumn(
            "attendance", _("Attendance"), "courses_attendance", _("Record attendance")
        ),
    ]
    list_filter = ["status", "webinar"]
    search_fields = ["user__email"]
    search_backend_name = None


class LearningGroup(SnippetViewSetGroup):
    menu_label = _("Learning")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (CohortViewSet, EnrolmentViewSet, CertificateViewSet, RegistrationViewSet)


class SecretariatMenuItem(MenuItem):
    """A menu item only the secretariat sees (approvals, reports)."""

    def is_shown(self, request):
        return permissions.may_administer_enrolments(request.user)
