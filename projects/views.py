"""The working pages of projects: concept notes, a project's working space and its progress
reports. Thin: ask ``permissions``, then call ``services`` or ``workflow``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.directory.models import Agency
from cms.pagination import paginate
from cms.permissions import represented_agency_ids
from cms.refusals import Refusal

from . import permissions, services
from .currencies import format_amount, to_decimal
from .forms import (
    ActivityKindForm,
    ActivityLinkForm,
    ProposalForm,
    ReportForm,
    ReviewForm,
    TransitionForm,
)
from .models import Indicator, ProgressReport, Project, Proposal
from .workflow import PROJECTS, PROPOSALS, REPORTS


def _history(transitions, machine) -> list:
    """Audit rows with the action's label in the reader's language."""
    rows = list(transitions.select_related("by"))
    for row in rows:
        action = machine.actions.get(row.action)
        row.label = action.label if action else _("Created")
    return rows


def _proposal(request, pk) -> Proposal:
    proposal = get_object_or_404(
        Proposal.objects.select_related("agency__country", "created_by"), pk=pk
    )
    if not permissions.may_view_proposal(request.user, proposal):
        raise PermissionDenied
    return proposal


@login_required
def proposal_list(request):
    if not permissions.may_list_proposals(request.user):
        raise PermissionDenied
    proposals = permissions.visible_proposals(
        request.user, Proposal.objects.select_related("agency__country")
    )
    return render(request, "projects/proposal_list.html", {
        "page_obj": paginate(request, proposals, 25),
        "may_create": permissions.may_create_proposal(request.user),
    })


def _proposal_form_submit(request, form, proposal=None):
    data = form.cleaned_data
    return services.proposal_save(
        by=request.user, agency=data["agency"], title=data["title"], modality=data["modality"],
        problem=data["problem"], objectives=data["objectives"], countries=data["countries"],
        partners=data["partners"], estimated_budget_minor=data["estimated_budget_minor"],
        currency=data["currency"], duration_months=data["duration_months"],
        language=(get_language() or "en")[:2], link=data.get("link_object"), proposal=proposal,
    )


@login_required
def proposal_new(request):
    if not permissions.may_create_proposal(request.user):
        raise PermissionDenied
    agencies = Agency.objects.filter(pk__in=represented_agency_ids(request.user))
    form = ProposalForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = _proposal_form_submit(request, form)
        except Refusal as refusal:
            form.add_error(None, str(refusal.message))
        else:
            messages.success(request, _("Your concept note was sent to the secretariat."))
            return redirect("projects:proposal", pk=proposal.pk)
    return render(request, "projects/proposal_form.html", {"form": form},
                  status=400 if form.errors else 200)


@login_required
def proposal_edit(request, pk):
    proposal = _proposal(request, pk)
    if not permissions.may_edit_proposal(request.user, proposal):
        raise PermissionDenied
    agencies = Agency.objects.filter(pk=proposal.agency_id)
    initial = {
        "agency": proposal.agency_id, "title": proposal.title, "modality": proposal.modality,
        "problem": proposal.problem, "objectives": proposal.objectives,
        "countries": list(proposal.countries.all()), "partners": proposal.partners,
        "currency": proposal.currency, "duration_months": proposal.duration_months,
    }
    initial["estimated_budget"] = to_decimal(proposal.estimated_budget_minor, proposal.currency)
    form = ProposalForm(request.POST or None, agencies=agencies, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            _proposal_form_submit(request, form, proposal)
        except Refusal as refusal:
            form.add_error(None, str(refusal.message))
        else:
            messages.success(request, _("Your concept note was sent to the secretariat again."))
            return redirect("projects:proposal", pk=proposal.pk)
    return render(request, "projects/proposal_form.html", {"form": form, "proposal": proposal},
                  status=400 if form.errors else 200)


@login_required
def proposal_detail(request, pk):
    proposal = _proposal(request, pk)
    reviewer = permissions.may_review_proposal(request.user, proposal)
    return render(request, "projects/proposal_detail.html", {
        "proposal": proposal,
        "countries": proposal.countries.all(),
        "actions": PROPOSALS.available_actions(proposal, request.user),
        "may_edit": permissions.may_edit_proposal(request.user, proposal),
        "review_form": ReviewForm() if reviewer and proposal.state == "under_review" else None,
        "reviews": proposal.reviews.select_related("reviewer") if reviewer else (),
        "transitions": _history(proposal.transitions, PROPOSALS),
        "project": Project.objects.filter(proposal=proposal).first(),
        "budget": format_amount(proposal.estimated_budget_minor, proposal.currency),
    })


def _fire(request, machine, obj, to):
    form = TransitionForm(request.POST)
    if not form.is_valid() or machine.button_action(form.cleaned_data["action"]) is None:
        messages.error(request, _("The action could not be read; reload the page and try again."))
        return redirect(to)
    try:
        machine.transition(obj, form.cleaned_data["action"], by=request.user,
                           comment=form.cleaned_data["comment"],
                           expected_version=form.cleaned_data["version"])
    except Refusal as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(request, _("Done."))
    return redirect(to)


@login_required
@require_POST
def proposal_fire(request, pk):
    proposal = _proposal(request, pk)
    return _fire(request, PROPOSALS, proposal, proposal_url(proposal))


def proposal_url(proposal) -> str:
    from django.urls import reverse

    return reverse("projects:proposal", kwargs={"pk": proposal.pk})


@login_required
@require_POST
def proposal_review(request, pk):
    proposal = _proposal(request, pk)
    if not permissions.may_review_proposal(request.user, proposal):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Score each criterion from 1 to 5."))
        return redirect(proposal_url(proposal))
    try:
        services.proposal_review_record(proposal=proposal, by=request.user, **form.cleaned_data)
    except Refusal as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(request, _("The review was recorded."))
    return redirect(proposal_url(proposal))


def _project(request, code) -> Project:
    project = get_object_or_404(
        Project.objects.select_related("lead_agency__country").prefetch_related(
            "partner_agencies"), code=code
    )
    if not permissions.may_view_workspace(request.user, project):
        raise PermissionDenied
    return project


def workspace_url(project) -> str:
    from django.urls import reverse

    return reverse("projects:workspace", kwargs={"code": project.code})


@login_required
def workspace(request, code):
    project = _project(request, code)
    language = (get_language() or "en")[:2]
    page = project.pages.filter(locale__language_code=language).first()
    return render(request, "projects/workspace.html", {
        "project": project,
        "page": page,
        "actions": PROJECTS.available_actions(project, request.user),
        "reports": project.reports.select_related("agency"),
        "may_report": permissions.may_write_report(request.user, project),
        "transitions": _history(project.transitions, PROJECTS),
    })


def _activity_kinds(value):
    """Every kind that may be linked, and the one asked for (the first one when unknown)."""
    from . import activities

    kinds = activities.registered()
    chosen = activities.kind_for_label(value) if value else None
    return kinds, chosen or (kinds[0] if kinds else None)


@login_required
def project_activities(request, code):
    """What the project produced: the links, a form to add one, a button to remove each."""
    from .selectors import activity_candidates, linked_activities

    project = _project(request, code)
    if not permissions.may_link_activity(request.user, project):
        raise PermissionDenied
    kinds, kind = _activity_kinds(request.POST.get("kind") or request.GET.get("kind"))
    language = (get_language() or "en")[:2]
    candidates = (activity_candidates(project.pk, request.user, kind, language)
                  if kind is not None else [])
    initial = {"kind": kind.label.lower()} if kind is not None else {}
    form = ActivityLinkForm(request.POST or None, candidates=candidates, initial=initial,
                            label=kind.name if kind is not None else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.activity_link(project=project, by=request.user,
                                       kind=form.cleaned_data["kind"],
                                       object_id=form.cleaned_data["item"])
            except Refusal as refusal:
                form.add_error(None, str(refusal.message))
            else:
                messages.success(request, _("The activity is linked to the project."))
                return redirect("projects:activities", code=project.code)
        status = 400
    return render(request, "projects/activities.html", {
        "project": project,
        "activity_links": linked_activities(project.pk, request.user),
        "kind_form": ActivityKindForm(initial=initial, kinds=kinds, auto_id="choose-%s"),
        "kind": kind,
        "form": form,
        "has_candidates": bool(candidates),
    }, status=status)


@login_required
@require_POST
def project_activity_unlink(request, code, link_id):
    project = _project(request, code)
    if not permissions.may_link_activity(request.user, project):
        raise PermissionDenied
    try:
        services.activity_unlink(project=project, by=request.user, link_id=link_id)
    except Refusal as refusal:
        messages.error(request, str(refusal.message))
    else:
        messages.success(request, _("The activity is no longer linked to the project."))
    return redirect("projects:activities", code=project.code)


@login_required
@require_POST
def project_fire(request, code):
    project = _project(request, code)
    return _fire(request, PROJECTS, project, workspace_url(project))


def _report_form(request, project, report=None):
    agency_ids = [a for a in permissions.project_agency_ids(project)
                  if a in represented_agency_ids(request.user)]
    indicators = Indicator.objects.filter(result__project=project).select_related("result")
    initial = {}
    if report is not None:
        initial = {"agency": report.agency_id, "period_start": report.period_start,
                   "period_end": report.period_end, "narrative": report.narrative}
        for actual in report.actuals.filter(population_group__isnull=True):
            initial[f"ind_{actual.indicator_id}_{actual.sex or 'total'}"] = actual.value
    return ReportForm(request.POST or None, agencies=Agency.objects.filter(pk__in=agency_ids),
                      indicators=indicators, initial=initial)


def _save_report(request, project, form, report=None):
    data = form.cleaned_data
    with transaction.atomic():
        report = services.report_save(
            project=project, by=request.user, agency_id=data["agency"].pk,
            period_start=data["period_start"], period_end=data["period_end"],
            narrative=data["narrative"], report=report,
        )
        for indicator, sex, value in form.actual_values():
            services.indicator_actual_record(report=report, indicator=indicator, by=request.user,
                                             value=value, sex=sex)
        if "submit" in request.POST:
            report = REPORTS.transition(report, "submit", by=request.user,
                                        expected_version=report.version)
    return report


@login_required
def report_new(request, code):
    project = _project(request, code)
    if not permissions.may_write_report(request.user, project):
        raise PermissionDenied
    form = _report_form(request, project)
    if request.method == "POST" and form.is_valid():
        try:
            report = _save_report(request, project, form)
        except Refusal as refusal:
            form.add_error(None, str(refusal.message))
        else:
            messages.success(request, _("The report was saved."))
            return redirect("projects:report", pk=report.pk)
    return render(request, "projects/report_form.html", {"form": form, "project": project},
                  status=400 if form.errors else 200)


def _report(request, pk) -> ProgressReport:
    report = get_object_or_404(
        ProgressReport.objects.select_related("project__lead_agency", "agency"), pk=pk
    )
    if not permissions.may_view_report(request.user, report):
        raise PermissionDenied
    return report


@login_required
def report_detail(request, pk):
    report = _report(request, pk)
    project = report.project
    editable = report.state in ("draft", "returned") and permissions.may_write_report(
        request.user, project, report.agency_id)
    form = _report_form(request, project, report) if editable else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                _save_report(request, project, form, report)
            except Refusal as refusal:
                form.add_error(None, str(refusal.message))
            else:
                messages.success(request, _("The report was saved."))
                return redirect("projects:report", pk=report.pk)
    return render(request, "projects/report_detail.html", {
        "report": report, "project": project, "form": form,
        "actuals": report.actuals.select_related("indicator", "population_group"),
        "actions": [a for a in REPORTS.available_actions(report, request.user)
                    if a.name != "submit"],
        "transitions": _history(report.transitions, REPORTS),
    }, status=400 if form is not None and form.errors else 200)


@login_required
@require_POST
def report_fire(request, pk):
    from django.urls import reverse

    report = _report(request, pk)
    return _fire(request, REPORTS, report, reverse("projects:report", kwargs={"pk": report.pk}))
