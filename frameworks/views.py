"""Pages outside the page tree: a country's legal profile, the comparison, national reports and
the downloads of the framework page (``?format=csv|json``)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cms.refusals import Refusal, refused_to_page

from . import csv_format, permissions, selectors, services
from .models import NationalReport, NationalReportFile
from .models.pages import LANGUAGE_CHOICES
from .workflow import WORKFLOW

MIN_COMPARE, MAX_COMPARE = 2, 5


def _csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _table_csv(header: list[str], rows: list[list], filename: str) -> HttpResponse:
    import csv
    import io

    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return _csv_response(out.getvalue(), filename)


def _iso(value) -> str:
    return value.isoformat() if value else ""


def index_download(request, index_page, fmt: str):
    """The index table (instruments and their counts) as CSV or JSON."""
    rows = [
        {"framework": item["framework"].code, "title": item["page"].title,
         "binding": item["framework"].binding,
         "adoption_date": _iso(item["framework"].adoption_date),
         "signatories": item["counts"].get("signatories", 0),
         "parties": item["counts"].get("parties", 0),
         "pending_deposit": item["counts"].get("pending", 0)}
        for item in selectors.index_rows(index_page)
    ]
    if fmt == "json":
        return JsonResponse({"frameworks": rows}, json_dumps_params={"ensure_ascii": False})
    header = list(rows[0]) if rows else ["framework"]
    return _table_csv(header, [list(r.values()) for r in rows], "legal-frameworks.csv")


def _status_json(row: selectors.StatusRow) -> dict:
    s = row.status

    def d(value):
        return value.isoformat() if value else None

    return {
        "country": row.country.code, "country_name": row.country.name,
        "standing": row.standing, "signed": bool(s and s.signed),
        "signature_date": d(s and s.signature_date), "consent": (s and s.consent) or "",
        "consent_date": d(s and s.consent_date), "deposited": bool(s and s.deposited),
        "deposit_date": d(s and s.deposit_date), "entry_into_force": d(row.entry_into_force),
        "reservations": s.reservations[0] if s else "", "source_url": (s and s.source_url) or "",
    }


def status_download(request, page, fmt: str):
    """The framework page's status table as CSV (UTF-8 with BOM) or JSON."""
    framework = page.framework
    if not framework.binding:
        raise Http404
    statuses = list(selectors.status_export_rows(framework))
    table = selectors.status_table(framework, statuses)
    if fmt == "json":
        return JsonResponse({
            "framework": framework.code, "title": page.title,
            "entry_into_force": table.general_entry_into_force and
            table.general_entry_into_force.isoformat(),
            "counts": table.counts,
            "rows": [_status_json(r) for r in table.rows if r.status],
        }, json_dumps_params={"ensure_ascii": False})
    in_force = {r.country.pk: r.entry_into_force for r in table.rows}
    rows = [csv_format.export_row(s, in_force.get(s.country_id)) for s in statuses]
    return _csv_response(csv_format.write(rows), f"{framework.slug}-status.csv")


def country_choose(request):
    """The country picker of the index page: ?country=BR → that country's profile."""
    country = selectors.country_by_code(request.GET.get("country", ""))
    if country is None:
        raise Http404
    return redirect("frameworks:country", iso2=country.code.lower())


def country_profile(request, iso2: str):
    country = selectors.country_by_code(iso2)
    if country is None:
        raise Http404
    if iso2 != country.code.lower():
        return redirect("frameworks:country", iso2=country.code.lower())
    rows = selectors.country_profile(country, request)
    if request.GET.get("format") == "json":
        return JsonResponse({
            "country": country.code, "country_name": country.name,
            "frameworks": [{
                "framework": r["framework"].code, "binding": r["framework"].binding,
                "standing": r["standing"] if r["framework"].binding else None,
                "entry_into_force": r["entry_into_force"] and r["entry_into_force"].isoformat(),
                "reports": [{"cycle": rep.cycle.name, "due_date": rep.cycle.due_date.isoformat(),
                             "state": rep.state} for rep in r["reports"]],
            } for r in rows],
        }, json_dumps_params={"ensure_ascii": False})
    if request.GET.get("format") == "csv":
        return _table_csv(
            ["framework", "standing", "signed", "signature_date", "consent", "consent_date",
             "deposited", "deposit_date", "entry_into_force"],
            [[r["framework"].code, r["standing"] if r["framework"].binding else "",
              "yes" if r["status"] and r["status"].signed else "no",
              _iso(r["status"] and r["status"].signature_date),
              (r["status"] and r["status"].consent) or "",
              _iso(r["status"] and r["status"].consent_date),
              "yes" if r["status"] and r["status"].deposited else "no",
              _iso(r["status"] and r["status"].deposit_date), _iso(r["entry_into_force"])]
             for r in rows],
            f"legal-profile-{country.code.lower()}.csv",
        )
    focal = permissions.is_country_focal_point(request.user, country.pk) or (
        permissions.may_manage_reports(request.user)
    )
    return render(request, "frameworks/country_profile.html", {
        "country": country, "rows": rows, "may_open_reports": focal,
        "has_reports": any(r["reports"] for r in rows),
        "countries": selectors.countries(),
    })


def compare(request):
    codes = [c.strip() for c in request.GET.getlist("country") if c.strip()]
    errors, selected = [], []
    for code in codes:
        country = selectors.country_by_code(code)
        if country is None:
            errors.append(_("Unknown country code “%(code)s”.") % {"code": code[:10]})
        elif country in selected:
            errors.append(_("%(country)s is chosen twice.") % {"country": country.name})
        else:
            selected.append(country)
    if not errors and not MIN_COMPARE <= len(selected) <= MAX_COMPARE:
        errors.append(_("Choose from %(min)s to %(max)s countries to compare.")
                      % {"min": MIN_COMPARE, "max": MAX_COMPARE})
    if errors:
        if request.GET.get("format") == "json":
            return JsonResponse({"errors": errors}, status=400)
        return render(request, "frameworks/compare.html", {
            "errors": errors, "countries": selectors.countries(), "selected": selected,
        }, status=400)
    rows = selectors.compare(selected)
    if request.GET.get("format") == "csv":
        return _table_csv(
            ["framework", *[c.code for c in selected]],
            [[r["framework"].code, *[c["standing"] for c in r["cells"]]] for r in rows],
            "legal-frameworks-compare.csv",
        )
    if request.GET.get("format") == "json":
        return JsonResponse({
            "countries": [c.code for c in selected],
            "frameworks": [{"framework": r["framework"].code,
                            "standings": {c["country"].code: c["standing"] for c in r["cells"]}}
                           for r in rows],
        })
    return render(request, "frameworks/compare.html", {
        "rows": rows, "selected": selected, "countries": selectors.countries(),
    })


# -- national reports -------------------------------------------------------------------------


class ReportFileForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language of the file"),
                                 choices=LANGUAGE_CHOICES)
    file = forms.FileField(label=gettext_lazy("Report file (PDF, DOCX or ODT)"))


class ReviewForm(forms.Form):
    observations = forms.CharField(
        label=gettext_lazy("Observations of the follow-up mechanism"), max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


def _report(request, pk) -> NationalReport:
    report = get_object_or_404(
        NationalReport.objects.select_related("cycle__framework", "country"), pk=pk
    )
    if not permissions.may_view_report(request.user, report):
        raise Http404
    return report


@login_required
def report(request, pk):
    report = _report(request, pk)
    return render(request, "frameworks/report.html", {
        "report": report, "files": list(report.files.all()),
        "transitions": list(report.transitions.select_related("by")),
        "may_submit": permissions.may_submit_report(request.user, report)
        and report.state in (NationalReport.State.DUE, NationalReport.State.LATE),
        "may_review": permissions.may_manage_reports(request.user)
        and report.state == NationalReport.State.SUBMITTED,
        "file_form": ReportFileForm(), "review_form": ReviewForm(),
    })


@login_required
@require_POST
def report_upload(request, pk):
    report = _report(request, pk)
    form = ReportFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return refused_to_page(request, Refusal(_("Choose a file and its language.")),
                               "frameworks:report", pk=pk)
    try:
        services.report_file_add(report=report, language=form.cleaned_data["language"],
                                 upload=form.cleaned_data["file"], by=request.user)
    except Refusal as refusal:
        return refused_to_page(request, refusal, "frameworks:report", pk=pk)
    return redirect("frameworks:report", pk=pk)


@login_required
@require_POST
def report_transition(request, pk, action):
    report = _report(request, pk)
    if WORKFLOW.button_action(action) is None:
        raise Http404
    params = {}
    if action == "review":
        params["observations"] = request.POST.get("observations", "")[:20000]
    try:
        WORKFLOW.transition(report, action, by=request.user, **params)
    except Refusal as refusal:
        return refused_to_page(request, refusal, "frameworks:report", pk=pk)
    return redirect("frameworks:report", pk=pk)


@login_required
def report_file(request, pk, file_pk):
    report = _report(request, pk)
    item = get_object_or_404(NationalReportFile, pk=file_pk, report=report)
    response = FileResponse(item.file.open("rb"), as_attachment=True,
                            filename=item.original_name, content_type=item.content_type)
    response["Cache-Control"] = "private, no-store"
    return response
