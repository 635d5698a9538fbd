"""The work of focal points and the secretariat: country reports and delegations. Thin views:
they ask ``permissions``, then call ``services`` or ``workflow``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.directory.models import Agency, Country
from cms.refusals import Refusal, refused_to_page

from .. import exports, permissions, services
from ..forms import CommentForm, DelegateForm, RowForm
from ..models import (
    CountryReport,
    Delegate,
    Delegation,
    MeetingPage,
    ReportingCycle,
    StatusChange,
)
from ..models.pages import canonical
from ..workflow import DELEGATIONS, REPORTS


@login_required
def workspace(request):
    """/<lang>/forums/reports/: open cycles and this person's reports and delegations; for the
    secretariat, everything waiting for review."""
    user = request.user
    countries = permissions.focal_country_ids(user)
    secretariat = permissions.is_secretariat(user)
    if not (countries or secretariat):
        raise PermissionDenied
    reports = CountryReport.objects.select_related("cycle__forum", "country")
    delegations = Delegation.objects.select_related("meeting", "country")
    if not secretariat:
        reports = reports.filter(country_id__in=countries)
        delegations = delegations.filter(country_id__in=countries)
    today = timezone.localdate()
    cycles = list(
        ReportingCycle.objects.filter(opens_on__lte=today, closes_on__gte=today)
        .select_related("forum")
    )
    mine = list(reports[:200])
    started = {(r.cycle_id, r.country_id) for r in mine}
    my_countries = permissions.focal_countries(user)
    to_start = [
        (cycle, country) for cycle in cycles for country in my_countries
        if (cycle.pk, country.pk) not in started
    ]
    return render(request, "forums/workspace.html", {
        "reports": mine,
        "delegations": list(delegations.order_by("-meeting__starts_at")[:200]),
        "to_start": to_start,
        "secretariat": secretariat,
    })


@login_required
@require_POST
def report_start(request, cycle_pk, iso2):
    cycle = get_object_or_404(ReportingCycle.objects.select_related("forum"), pk=cycle_pk)
    country = get_object_or_404(Country, code=iso2.upper())
    try:
        report = services.report_open(cycle=cycle, country=country, by=request.user)
    except Refusal as refusal:
        return refused_to_page(request, refusal, "forums:workspace")
    return redirect("forums:report", report.pk)


def _report(request, pk) -> CountryReport:
    report = get_object_or_404(
        CountryReport.objects.select_related("cycle__forum", "country"), pk=pk
    )
    if not permissions.may_read_report(request.user, report):
        raise PermissionDenied
    return report


@login_required
def report(request, pk):
    """A country report: one form per commitment while it may be edited; the audit trail."""
    report = _report(request, pk)
    editable = permissions.may_edit_report(request.user, report)
    rows = list(
        report.rows.select_related("commitment__meeting", "agency").order_by(
            "commitment__meeting__starts_at", "commitment__sort_key", "commitment_id"
        )
    )
    agencies = list(Agency.objects.filter(country_id=report.country_id).select_related("country"))
    forms = []
    for row in rows:
        initial = {"status": row.status, "narrative": row.narrative,
                   "evidence_links": row.evidence_links, "agency": row.agency_id}
        bound = request.POST if request.method == "POST" and editable else None
        forms.append((row, RowForm(bound, initial=initial, prefix=f"row{row.pk}",
                                   agencies=agencies)))
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if all(form.is_valid() for _row, form in forms):
            try:
                for row, form in forms:
                    if form.has_changed():
                        services.report_row_update(row=row, by=request.user, **form.cleaned_data)
            except Refusal as refusal:
                return refused_to_page(request, refusal, "forums:report", pk)
            messages.success(request, _("The report is saved as a draft."))
            return redirect("forums:report", pk)
    return render(request, "forums/report.html", {
        "report": report,
        "forms": forms,
        "editable": editable,
        "actions": REPORTS.available_actions(report, request.user),
        "transitions": report.transitions.select_related("by"),
        "changes": StatusChange.objects.filter(row__report=report)
        .select_related("by", "row__commitment").order_by("-at")[:200],
        "comment_form": CommentForm(initial={"version": report.version}),
    }, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def report_transition(request, pk):
    report = _report(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return refused_to_page(request, Refusal(_("The form was incomplete.")), "forums:report",
                               pk)
    try:
        REPORTS.transition(report, form.cleaned_data["action"], by=request.user,
                           comment=form.cleaned_data["comment"],
                           expected_version=form.cleaned_data["version"])
    except Refusal as refusal:
        return refused_to_page(request, refusal, "forums:report", pk)
    messages.success(request, _("Done."))
    return redirect("forums:report", pk)


# -- delegations ------------------------------------------------------------------------------
@login_required
@require_POST
def delegation_start(request, meeting_pk, iso2):
    meeting = get_object_or_404(MeetingPage, pk=meeting_pk)
    country = get_object_or_404(Country, code=iso2.upper())
    try:
        delegation = services.delegation_open(meeting=meeting, country=country, by=request.user)
    except Refusal as refusal:
        messages.error(request, str(refusal))
        return redirect(meeting.url or "/")
    return redirect("forums:delegation", delegation.pk)


def _delegation(request, pk) -> Delegation:
    delegation = get_object_or_404(
        Delegation.objects.select_related("meeting", "country"), pk=pk
    )
    if not permissions.may_read_delegation(request.user, delegation):
        raise PermissionDenied
    return delegation


@login_required
def delegation(request, pk):
    delegation = _delegation(request, pk)
    form = DelegateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.delegate_add(delegation=delegation, by=request.user, **form.cleaned_data)
            except Refusal as refusal:
                return refused_to_page(request, refusal, "forums:delegation", pk)
            messages.success(request, _("The delegate is added."))
            return redirect("forums:delegation", pk)
        status = 400
    meeting = delegation.meeting
    return render(request, "forums/delegation.html", {
        "delegation": delegation,
        "meeting": meeting,
        "delegates": list(delegation.delegates.all()),
        "form": form,
        "may_edit": permissions.is_secretariat(request.user) or (
            permissions.may_register(request.user, meeting, delegation.country_id)
            and delegation.state in (Delegation.State.DRAFT, Delegation.State.RETURNED)
        ),
        "actions": DELEGATIONS.available_actions(delegation, request.user),
        "transitions": delegation.transitions.select_related("by"),
        "comment_form": CommentForm(initial={"version": delegation.version}),
    }, status=status)


@login_required
@require_POST
def delegate_remove(request, pk, delegate_pk):
    delegation = _delegation(request, pk)
    delegate = get_object_or_404(Delegate, pk=delegate_pk, delegation=delegation)
    try:
        services.delegate_remove(delegate=delegate, by=request.user)
    except Refusal as refusal:
        return refused_to_page(request, refusal, "forums:delegation", pk)
    return redirect("forums:delegation", pk)


@login_required
@require_POST
def delegation_transition(request, pk):
    delegation = _delegation(request, pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return refused_to_page(request, Refusal(_("The form was incomplete.")),
                               "forums:delegation", pk)
    try:
        DELEGATIONS.transition(delegation, form.cleaned_data["action"], by=request.user,
                               comment=form.cleaned_data["comment"],
                               expected_version=form.cleaned_data["version"])
    except Refusal as refusal:
        return refused_to_page(request, refusal, "forums:delegation", pk)
    messages.success(request, _("Done."))
    return redirect("forums:delegation", pk)


@login_required
def participants(request, pk, fmt):
    """The list of participants by country (confirmed delegations), CSV or PDF: secretariat."""
    if not permissions.may_list_participants(request.user):
        raise PermissionDenied
    meeting = canonical(get_object_or_404(MeetingPage, pk=pk)).specific
    delegations = list(
        Delegation.objects.filter(meeting=meeting, state=Delegation.State.CONFIRMED)
        .select_related("country")
        .prefetch_related(Prefetch("delegates", queryset=Delegate.objects.order_by("role", "pk")))
        .order_by("country__name_en")
    )
    if fmt == "csv":
        return exports.csv_response(f"participants-{pk}.csv", exports.participants_header(),
                                    exports.participants_rows(delegations))
    from django.http import HttpResponse

    response = HttpResponse(exports.participants_pdf(meeting, delegations),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="participants-{pk}.pdf"'
    return response
