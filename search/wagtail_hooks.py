"""Admin: the "may be out of date" report, and publishing experiences only through review."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms import permissions

from . import workflow
from .admin_views import OutdatedExperiencesReport
from .models import ExperienceIndexPage, ExperiencePage


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/outdated-experiences/",
            OutdatedExperiencesReport.as_view(),
            name="outdated_experiences",
        ),
        path(
            "reports/outdated-experiences/results/",
            OutdatedExperiencesReport.as_view(results_only=True),
            name="outdated_experiences_results",
        ),
    ]


class OutdatedReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin") and (
            permissions.is_editor(request.user)
        )


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return OutdatedReportMenuItem(
        _("Experiences to verify"),
        reverse("outdated_experiences"),
        icon_name="time",
        order=900,
    )


def _is_experience(page, parent_page=None) -> bool:
    return isinstance(page, ExperiencePage) or isinstance(
        getattr(parent_page, "specific", parent_page), ExperienceIndexPage
    )


@hooks.register("construct_page_action_menu")
def hide_direct_publish(menu_items, request, context):
    if _is_experience(context.get("page"), context.get("parent_page")) and not (
        workflow.may_publish_experience(request.user)
    ):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _refuse_publish(request, page):
    messages.error(request, _("Experiences are published by the Secretariat after review."))
    return redirect(request.get_full_path())


@hooks.register("before_edit_page")
def refuse_direct_publish_on_edit(request, page):
    if (
        request.method == "POST"
        and "action-publish" in request.POST
        and isinstance(page.specific, ExperiencePage)
        and not workflow.may_publish_experience(request.user)
    ):
        return _refuse_publish(request, page)
    return None


@hooks.register("before_create_page")
def refuse_direct_publish_on_create(request, parent_page, page_class):
    if (
        request.method == "POST"
        and "action-publish" in request.POST
        and issubclass(page_class, ExperiencePage)
        and not workflow.may_publish_experience(request.user)
    ):
        return _refuse_publish(request, parent_page)
    return None


@hooks.register("after_create_page")
def protect_new_library(request, page):
    if isinstance(page.specific, ExperienceIndexPage):
        workflow.protect_library(page)
