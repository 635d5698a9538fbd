"""Secretariat screens in the Wagtail admin: approvals, bulk enrolment, attendance, CSV imports
and their progress, certificate revocation and reports. Each view asks ``permissions`` first,
then calls one service; a refusal is answered by ``courses.views.answers_refusals`` (message and
back), or as the form's error."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.downloads import csv_response
from cms.pagination import paginate
from cms.refusals import Refusal
from courses import permissions, reports, selectors, services
from courses.models import Certificate, Cohort, Enrolment, ImportJob, Registration, WebinarPage
from courses.services import imports
from courses.views import answers_refusals, back_to
from courses.webinars.services import attendance_record

from .forms import CsvUploadForm, RevokeForm

RECENT_IMPORTS = 5  # the latest imports listed under an upload form


def _require(check, user) -> None:
    if not check(user):
        raise PermissionDenied


@require_http_methods(["GET", "POST"])
@answers_refusals
def approvals(request):
    _require(permissions.may_administer_enrolments, request.user)
    if request.method == "POST":
        back = back_to(request, reverse("courses_approvals"))
        enrolment = get_object_or_404(Enrolment, pk=request.POST.get("enrolment"))
        decision = request.POST.get("decision")
        if decision not in ("approve", "reject"):
            messages.error(request, _("Choose approve or reject."))
            return back
        services.enrolment_decide(
            enrolment=enrolment, approve=decision == "approve", by=request.user
        )
        messages.success(request, _("Decision recorded for %(user)s.") % {
            "user": enrolment.user})
        return back
    pending = Enrolment.objects.filter(status=Enrolment.Status.PENDING).select_related(
        "user__agency__country", "cohort__course"
    )
    return render(request, "courses/admin/approvals.html", {"pending": pending})


def _import_started(request, job):
    messages.success(request, _("The file is checked and its import has started."))
    return redirect(reverse("courses_import", args=[job.pk]), permanent=False)


@require_http_methods(["GET", "POST"])
def bulk_enrol(request, pk: int):
    _require(permissions.may_administer_enrolments, request.user)
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    form = CsvUploadForm(request.POST or None, request.FILES or None,
                         kind=ImportJob.Kind.ENROLMENT)
    if request.method == "POST" and form.is_valid():
        job = imports.import_job_create(
            checked=form.cleaned_data["file"], cohort=cohort, by=request.user
        )
        return _import_started(request, job)
    return render(
        request, "courses/admin/csv_import.html",
        {"form": form, "title": _("Bulk enrolment: %(cohort)s") % {"cohort": cohort},
         "columns": "email", "jobs": selectors.imports_visible_to(request.user).filter(
             cohort=cohort)[:RECENT_IMPORTS]},
    )


@require_http_methods(["GET", "POST"])
@answers_refusals
def attendance(request, pk: int):
    _require(permissions.may_administer_enrolments, request.user)
    webinar = get_object_or_404(WebinarPage, pk=pk)
    form = CsvUploadForm(request.POST or None, request.FILES or None,
                         kind=ImportJob.Kind.ATTENDANCE)
    registrations = webinar.registrations.filter(
        status=Registration.Status.REGISTERED
    ).select_related("user")
    if request.method == "POST" and "registration" in request.POST:
        back = back_to(request, reverse("courses_attendance", args=[webinar.pk]))
        registration = get_object_or_404(registrations, pk=request.POST["registration"])
        minutes = request.POST.get("minutes", "").strip()
        if not minutes.isdigit():
            messages.error(request, _("“minutes” must be a whole number."))
            return back
        attendance_record(registration=registration, minutes=int(minutes), by=request.user)
        messages.success(request, _("Attendance recorded for %(user)s.") % {
            "user": registration.user})
        return back
    if request.method == "POST" and form.is_valid():
        job = imports.import_job_create(
            checked=form.cleaned_data["file"], webinar=webinar, by=request.user
        )
        return _import_started(request, job)
    return render(
        request, "courses/admin/attendance.html",
        {"form": form, "webinar": webinar, "registrations": registrations,
         "title": _("Attendance: %(title)s") % {"title": webinar.title},
         "columns": "email, minutes", "jobs": selectors.imports_visible_to(request.user).filter(
             webinar=webinar)[:RECENT_IMPORTS]},
    )


def import_list(request):
    """The imports the person may follow: their own (everyone's for staff), newest first."""
    _require(permissions.may_administer_enrolments, request.user)
    page = paginate(request, selectors.imports_visible_to(request.user), per_page=50)
    return render(request, "courses/admin/import_list.html", {"page_obj": page})


def _visible_job(request, pk: int) -> ImportJob:
    _require(permissions.may_administer_enrolments, request.user)
    job = get_object_or_404(
        ImportJob.objects.select_related("cohort__course", "webinar", "created_by"), pk=pk
    )
    if not permissions.may_see_import(request.user, job):
        raise Http404
    return job


def import_detail(request, pk: int):
    """An import's status and progress; ``?fragment=1`` is the progress alone (auto-refresh)."""
    job = _visible_job(request, pk)
    if request.GET.get("fragment"):
        return render(request, "courses/admin/_import_progress.html", {"job": job})
    return render(request, "courses/admin/import_detail.html", {"job": job})


def import_errors(request, pk: int):
    """The refused rows of an import as CSV (UTF-8 with BOM)."""
    job = _visible_job(request, pk)
    rows = [[_("Line"), _("Value"), _("Reason")], *job.errors]
    return csv_response(f"import-{job.pk}-refused.csv", rows)


@require_http_methods(["GET", "POST"])
def certificate_revoke(request, pk: int):
    _require(permissions.may_administer_enrolments, request.user)
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except Refusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Certificate %(code)s revoked.") % {
                "code": certificate.code})
            return redirect(reverse("wagtailsnippets_courses_certificate:list"))
    return render(
        request, "courses/admin/revoke.html", {"form": form, "certificate": certificate}
    )


def report(request):
    _require(permissions.may_view_reports, request.user)
    grouping = request.GET.get("by", "cohort")
    if grouping not in reports.GROUPINGS:
        grouping = "cohort"
    data = reports.rows(grouping)
    if request.GET.get("format") == "csv":
        return csv_response(f"learning-{grouping}.csv", reports.as_csv_rows(grouping, data))
    return render(
        request, "courses/admin/report.html",
        {
            "rows": data,
            "grouping": grouping,
            "groupings": [(key, label) for key, (label, _keys) in reports.GROUPINGS.items()],
            "group_label": reports.GROUPINGS[grouping][0],
        },
    )
