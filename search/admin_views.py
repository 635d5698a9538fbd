"""The editors' report of experiences nobody has verified for two years."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import PageReportView

from cms import permissions

from .models import ExperiencePage, outdated_before


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
