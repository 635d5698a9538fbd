"""Downloads: the tracker and a country's matrix as CSV (UTF-8 with BOM) and XLSX, the list of
participants of a meeting as CSV and PDF."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value) -> str:
    """A cell a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_response(filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return response


def xlsx_response(filename: str, title: str, header: list[str], rows) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def tracker_header() -> list[str]:
    return [_("Forum"), _("Meeting"), _("Number"), _("Commitment"), _("Country"),
            _("ISO code"), _("Status"), _("Reporting cycle"), _("Accepted on")]


def tracker_rows(tracker):
    for commitment, country, cell in tracker.rows:
        yield [
            commitment.forum_label, commitment.meeting_title,
            commitment.number, commitment.text, country.name, country.code,
            cell.get_status_display(), cell.report.cycle.title,
            cell.report.accepted_at.date().isoformat() if cell.report.accepted_at else "",
        ]


def matrix_header() -> list[str]:
    return [_("Forum"), _("Number"), _("Commitment"), _("Deadline"), _("Status"),
            _("Reporting cycle"), _("What helps to fulfil it")]


def matrix_rows(matrix):
    for commitment, cell, helpers in matrix:
        yield [
            commitment.forum_label, commitment.number,
            commitment.text, commitment.deadline.isoformat() if commitment.deadline else "",
            cell.get_status_display() if cell else _("No accepted report"),
            cell.report.cycle.title if cell else "",
            "; ".join(f"{h['title']} ({h['url']})" for h in helpers),
        ]


def participants_header() -> list[str]:
    return [_("Country"), _("Role"), _("Name"), _("Title or position"), _("Agency"),
            _("Email")]


def participants_rows(delegations):
    for delegation in delegations:
        for delegate in delegation.delegates.all():
            yield [delegation.country.name, delegate.get_role_display(), delegate.name,
                   delegate.title, delegate.agency, delegate.email]


def participants_pdf(meeting, delegations) -> bytes:
    """The list of participants by country, as the annex of a final report."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    buffer = io.BytesIO()
    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=_("List of participants"),
                            author="Puente")
    story = [Paragraph(_("List of participants"), styles["Title"]),
             Paragraph(meeting.title, styles["Heading2"]), Spacer(1, 12)]
    for delegation in delegations:
        story.append(Paragraph(delegation.country.name, styles["Heading3"]))
        data = [[_("Role"), _("Name"), _("Title or position"), _("Agency")]]
        for d in delegation.delegates.all():
            data.append([d.get_role_display(), Paragraph(d.name, styles["BodyText"]),
                         Paragraph(d.title, styles["BodyText"]),
                         Paragraph(d.agency, styles["BodyText"])])
        table = Table(data, colWidths=[90, 130, 140, 150], repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]))
        story += [table, Spacer(1, 10)]
    doc.build(story)
    return buffer.getvalue()
