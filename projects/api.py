"""/api/projects/…: published projects, budgets and indicators as JSON and CSV, IATI 2.03 XML,
and the workflow actions of concept notes, projects and reports (same rules as the pages)."""

from __future__ import annotations

import csv
import datetime
import io

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from . import iati, opendata_rows, permissions
from .enums import Modality
from .enums import Status as ProjectStatus
from .models import ProgressReport, Project, Proposal
from .workflow import PROJECTS, PROPOSALS, REPORTS

router = Router(tags=["projects"])

MAX_ROWS = 500
XML = {"200": {"content": {"application/xml": {}}, "description": "IATI 2.03 activities"}}
CSV = {"200": {"content": {"text/csv": {}}, "description": "UTF-8 with BOM"}}
DATASETS = {
    "projects": opendata_rows.project_rows,
    "budgets": opendata_rows.budget_rows,
    "indicators": opendata_rows.indicator_rows,
}


class ProjectOut(Schema):
    code: str
    iati_identifier: str
    title: str
    titles: dict[str, str]
    modality: str
    status: str
    lead_agency: str
    countries: list[str]
    themes: list[str]
    planned_start: datetime.date
    planned_end: datetime.date
    actual_start: datetime.date | None
    actual_end: datetime.date | None
    budget: list[dict]
    illustrative: bool


class ProjectFilters(Schema):
    modality: Modality | None = None
    status: ProjectStatus | None = None
    country: str | None = None
    theme: str | None = None
    year: int | None = None


class TransitionIn(Schema):
    action: str
    version: int
    comment: str = ""


class StateOut(Schema):
    id: int
    state: str
    version: int


def _out(project: Project) -> dict:
    from .selectors import budget_totals

    return {
        "code": project.code,
        "iati_identifier": iati.iati_identifier(project),
        "title": project.title,
        "titles": {p.locale.language_code: p.title for p in project.live_pages},
        "modality": project.modality,
        "status": project.status,
        "lead_agency": str(project.lead_agency),
        "countries": [c.code for c in project.countries.all()],
        "themes": [t.slug for t in project.themes.all()],
        "planned_start": project.planned_start,
        "planned_end": project.planned_end,
        "actual_start": project.actual_start,
        "actual_end": project.actual_end,
        "budget": [
            {"currency": row["currency"], "amount_minor": row["amount_minor"]}
            for row in budget_totals(
                {"currency": b.currency, "amount_minor": b.amount_minor}
                for b in project.budget_lines.all()
            )
        ],
        "illustrative": project.illustrative,
    }


def _published(filters: ProjectFilters | None = None):
    from django.db.models import Prefetch

    from .models import ProjectPage

    projects = opendata_rows.published_projects()
    if filters is not None:
        if filters.modality:
            projects = projects.filter(modality=filters.modality)
        if filters.status:
            projects = projects.filter(status=filters.status)
        if filters.country:
            projects = projects.filter(countries__code=filters.country.upper()[:2])
        if filters.theme:
            projects = projects.filter(themes__slug=filters.theme[:60])
        if filters.year:
            projects = projects.filter(planned_start__year__lte=filters.year,
                                       planned_end__year__gte=filters.year)
    return projects.distinct().select_related("lead_agency").prefetch_related(
        Prefetch("pages", queryset=ProjectPage.objects.live().public().select_related("locale"),
                 to_attr="live_pages"),
        "countries", "themes", "budget_lines",
    ).order_by("code")


@router.get("/", response=list[ProjectOut], summary="Published projects")
def project_list(request, filters: Query[ProjectFilters]):
    return [_out(p) for p in _published(filters)[:MAX_ROWS]]


@router.get("/iati.xml", url_name="iati", openapi_extra={"responses": XML},
            summary="IATI 2.03 activities of every published project")
def iati_all(request):
    projects = opendata_rows.published_projects()
    if not projects.exists():  # the schema needs at least one activity
        raise HttpError(404, "No project is published yet.")
    return HttpResponse(iati.activities_xml(projects),
                        content_type="application/xml; charset=utf-8")


@router.get("/data/{dataset}.csv", url_name="data_csv", openapi_extra={"responses": CSV},
            summary="Projects, budgets or indicators as CSV")
def data_csv(request, dataset: str):
    rows = DATASETS.get(dataset)
    if rows is None:
        raise HttpError(404, "Unknown dataset: projects, budgets or indicators.")
    columns = _columns(dataset)
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(rows())
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="project-{dataset}.csv"'
    return response


@router.get("/data/{dataset}.json", url_name="data_json", response=list[dict],
            summary="Projects, budgets or indicators as JSON")
def data_json(request, dataset: str):
    rows = DATASETS.get(dataset)
    if rows is None:
        raise HttpError(404, "Unknown dataset: projects, budgets or indicators.")
    columns = _columns(dataset)
    return [
        {name: (value.isoformat() if isinstance(value, datetime.date) else value)
         for name, value in zip(columns, row, strict=True)}
        for row in rows()
    ]


def _columns(dataset: str) -> list[str]:
    slug = {"projects": "projects", "budgets": "project-budgets",
            "indicators": "project-indicators"}[dataset]
    for item in opendata_rows.datasets():
        if item.slug == slug:
            return [column.name for column in item.columns]
    raise HttpError(404, "Unknown dataset.")


@router.get("/{code}", response=ProjectOut, summary="One published project")
def project_detail(request, code: str):
    project = next(iter(_published().filter(code=code)), None)
    if project is None:
        raise HttpError(404, "Not found")
    return _out(project)


@router.get("/{code}/iati.xml", url_name="project_iati", openapi_extra={"responses": XML},
            summary="IATI 2.03 activity of one published project")
def iati_one(request, code: str):
    projects = opendata_rows.published_projects().filter(code=code)
    if not projects.exists():
        raise HttpError(404, "Not found")
    return HttpResponse(iati.activities_xml(projects),
                        content_type="application/xml; charset=utf-8")


class ActivityIn(Schema):
    kind: str  # "app_label.modelname", e.g. "exchanges.exchangerequest"
    id: int


@router.post("/{code}/activities", auth=django_auth, response={200: dict, 409: dict, 422: dict},
             summary="Link an exchange, course, cohort, webinar or meeting to a project")
def activity_add(request, code: str, payload: ActivityIn):
    from . import activities, services

    project = get_object_or_404(Project, code=code)
    if not permissions.may_view_workspace(request.user, project):
        raise HttpError(404, "Not found")
    link = services.activity_link(project=project, by=request.user, kind=payload.kind,
                                  object_id=payload.id)
    kind = activities.kind_for_label(payload.kind)
    return Status(200, {"id": link.pk, "kind": kind.label, "object_id": link.object_id})


def _fire(machine, obj, payload: TransitionIn, user):
    if machine.button_action(payload.action) is None:
        return Status(409, {"code": "unknown_action", "message": "Unknown action."})
    obj = machine.transition(obj, payload.action, by=user, comment=payload.comment[:3000],
                             expected_version=payload.version)
    return Status(200, {"id": obj.pk, "state": getattr(obj, machine.state_field),
                        "version": obj.version})


@router.post("/proposals/{pk}/transitions", auth=django_auth,
             response={200: StateOut, 409: dict}, summary="Act on a concept note")
def proposal_transition(request, pk: int, payload: TransitionIn):
    proposal = get_object_or_404(Proposal, pk=pk)
    if not permissions.may_view_proposal(request.user, proposal):
        raise HttpError(404, "Not found")
    return _fire(PROPOSALS, proposal, payload, request.user)


@router.post("/{code}/transitions", auth=django_auth, response={200: StateOut, 409: dict},
             summary="Change a project's status")
def project_transition(request, code: str, payload: TransitionIn):
    project = get_object_or_404(Project, code=code)
    if not permissions.may_view_workspace(request.user, project):
        raise HttpError(404, "Not found")
    return _fire(PROJECTS, project, payload, request.user)


@router.post("/reports/{pk}/transitions", auth=django_auth,
             response={200: StateOut, 409: dict}, summary="Act on a progress report")
def report_transition(request, pk: int, payload: TransitionIn):
    report = get_object_or_404(ProgressReport.objects.select_related("project"), pk=pk)
    if not permissions.may_view_report(request.user, report):
        raise HttpError(404, "Not found")
    return _fire(REPORTS, report, payload, request.user)
