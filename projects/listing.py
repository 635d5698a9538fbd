"""The public list /<lang>/projects/: facets, totals (SVG bars + table), pages of results and
``?format=csv`` (UTF-8 with BOM) of everything the filters select."""

from __future__ import annotations

import csv
import hashlib

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.directory.models import Country
from cms.pages.shell import tree_version
from cms.pagination import page_number, paginate

from . import permissions
from .filters import ProjectFilter
from .models import ProjectPage
from .selectors import cached, live_pages, totals
from .signal_handlers import PROJECTS

PER_PAGE = 20
CSV_MAX_ROWS = 10_000


def list_context(index, request) -> dict:
    """The filter form, and the page of results and totals it selects. Both are rendered once
    per ``results_key`` (the projects and tree versions, language, host and query string) and
    kept: they are read from the database only when their kept fragment is not."""
    # The filter only validates here; its pages are selected when a fragment is not kept.
    project_filter = ProjectFilter(request.GET or None, queryset=ProjectPage.objects.none(),
                                   request=request)
    valid = not project_filter.is_bound or project_filter.is_valid()
    if valid:
        query = request.GET.copy()
        query["page"] = str(page_number(request.GET.get("page")))
        query = hashlib.sha256(query.urlencode().encode()).hexdigest()
    else:  # any invalid filter selects nothing: one answer for all
        query = "invalid"
    key = ":".join([PROJECTS.current(), tree_version(request), get_language() or "en",
                    request.get_host(), str(index.pk), query])

    def selected():
        if not valid:
            return ProjectPage.objects.none()
        pages = live_pages(index)
        return project_filter.filter_queryset(pages) if project_filter.is_bound else pages

    def page_obj():
        return paginate(
            request,
            selected().prefetch_related(
                Prefetch("project__countries", queryset=Country.objects.order_by("name_en"))
            ),
            PER_PAGE,
        )

    def summary():
        if project_filter.is_bound:
            return totals(selected())
        return cached(request, "totals", index.pk, compute=lambda: totals(selected()))

    return {"filter": project_filter, "page_obj": SimpleLazyObject(page_obj),
            "totals": SimpleLazyObject(summary), "results_key": key,
            # The form shows what was asked: kept only for valid filters (a bounded set).
            "form_key": key if valid else "",
            "may_list_proposals": permissions.may_list_proposals(request.user)}


class _Echo:
    def write(self, value):
        return value


def csv_rows(pages):
    yield "\ufeff"
    writer = csv.writer(_Echo())
    yield writer.writerow([
        _("Code"), _("Title"), _("Modality"), _("Status"), _("Lead agency"), _("Countries"),
        _("Planned start"), _("Planned end"), _("Address"),
    ])
    for page in pages[:CSV_MAX_ROWS]:
        project = page.project
        yield writer.writerow([
            project.code, page.title, project.get_modality_display(),
            project.get_status_display(), str(project.lead_agency),
            " ".join(c.code for c in project.countries.all()),
            project.planned_start.isoformat(), project.planned_end.isoformat(), page.full_url,
        ])


def serve_list(index, request, serve, *args, **kwargs):
    if request.GET.get("format") == "csv":
        query = request.GET.copy()
        query.pop("format")
        project_filter = ProjectFilter(query or None, queryset=live_pages(index), request=request)
        if project_filter.is_bound and not project_filter.is_valid():
            response = serve(request, *args, **kwargs)
            response.status_code = 400
            return response
        pages = project_filter.qs.prefetch_related("project__countries")
        response = StreamingHttpResponse(csv_rows(pages), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="projects.csv"'
        return response
    response = serve(request, *args, **kwargs)
    context = getattr(response, "context_data", None) or {}
    project_filter = context.get("filter")
    if project_filter is not None and project_filter.is_bound and not project_filter.is_valid():
        response.status_code = 400
    return response
