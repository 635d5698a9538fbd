"""Admin: the report of experiences nobody has verified for two years, and the guard that
keeps experiences behind the Secretariat's review (registered in ``wagtail_hooks``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import PageReportView

from cms import permissions

from . import permissions as experience_permissions
from . import services
from .models import ExperienceIndexPage, ExperiencePage, outdated_before


class OutdatedExperiencesReport(PageReportView):
    page_title = _("Experiences that may be out of date")
    header_icon = "time"
    index_url_name = "outdated_experiences"
    index_results_url_name = "outdated_experiences_results"
    list_export = [*PageReportView.list_export, "last_verified"]
    export_headings = {**PageReportView.export_headings, "last_verified": _("Last verified")}

    def dispatch(self, request, *args, **kwargs):
        if not permissions.is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            ExperiencePage.objects.filter(
                Q(last_verified__isnull=True) | Q(last_verified__lt=outdated_before())
            )
            .select_related("locale", "owner")
            .order_by("last_verified", "title")
        )


def report_urls():
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


def report_menu_item():
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


def hide_direct_publish(menu_items, request, context):
    """Only the Secretariat sees "Publish" on an experience; others submit it for review."""
    if _is_experience(context.get("page"), context.get("parent_page")) and not (
        experience_permissions.may_publish_experience(request.user)
    ):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def _refuse_publish(request, page):
    messages.error(request, _("Experiences are published by the Secretariat after review."))
    return redirect(request.get_full_path())


def refuse_direct_publish_on_edit(request, page):
    """A forged "Publish" on an experience's edit form is refused, nothing saved."""
    if (
        request.method == "POST"
        and "action-publish" in request.POST
        and isinstance(page.specific, ExperiencePage)
        and not experience_permissions.may_publish_experience(request.user)
    ):
        return _refuse_publish(request, page)
    return None


def refuse_direct_publish_on_create(request, parent_page, page_class):
    """As for editing, when the experience is created."""
    if (
        request.method == "POST"
        and "action-publish" in request.POST
        and issubclass(page_class, ExperiencePage)
        and not experience_permissions.may_publish_experience(request.user)
    ):
        return _refuse_publish(request, parent_page)
    return None


def protect_new_library(request, page):
    """A new library runs the review workflow from its first day."""
    if isinstance(page.specific, ExperienceIndexPage):
        services.library_protect(page)
