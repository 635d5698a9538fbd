"""Registrations of the learning section of the Wagtail admin (the viewsets and screens
themselves are in ``courses/admin/``)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin import views as admin_views
from .admin.viewsets import (
    READ_ONLY_MODELS,
    LearningGroup,
    ReadOnlyPolicy,
    SecretariatMenuItem,
)

for model in READ_ONLY_MODELS:
    register_permission_policy(model, ReadOnlyPolicy(model))

register_snippet(LearningGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("learning/approvals/", admin_views.approvals, name="courses_approvals"),
        path("learning/reports/", admin_views.report, name="courses_reports"),
        path("learning/cohorts/<int:pk>/bulk-enrol/", admin_views.bulk_enrol,
             name="courses_bulk_enrol"),
        path("learning/webinars/<int:pk>/attendance/", admin_views.attendance,
             name="courses_attendance"),
        path("learning/imports/", admin_views.import_list, name="courses_imports"),
        path("learning/imports/<int:pk>/", admin_views.import_detail, name="courses_import"),
        path("learning/imports/<int:pk>/refused.csv", admin_views.import_errors,
             name="courses_import_errors"),
        path("learning/certificates/<int:pk>/revoke/", admin_views.certificate_revoke,
             name="courses_certificate_revoke"),
    ]


@hooks.register("register_admin_menu_item")
def register_approvals_menu_item():
    return SecretariatMenuItem(
        _("Enrolment approvals"), reverse("courses_approvals"), icon_name="tick", order=251
    )


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return SecretariatMenuItem(
        _("Learning reports"), reverse("courses_reports"), icon_name="table", order=252
    )


@hooks.register("register_admin_menu_item")
def register_imports_menu_item():
    return SecretariatMenuItem(
        _("Imports"), reverse("courses_imports"), icon_name="upload", order=253
    )


@hooks.register("register_log_actions")
def register_learning_log_actions(actions):
    """The secretariat's decisions on people, in the admin's history (audit log)."""
    actions.register_action(
        "puente.enrolment.approve", _("Approve enrolment"), _("Enrolment approved")
    )
    actions.register_action(
        "puente.enrolment.reject", _("Reject enrolment"), _("Enrolment rejected")
    )
    actions.register_action(
        "puente.certificate.revoke", _("Revoke certificate"), _("Certificate revoked")
    )
