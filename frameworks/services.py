"""Writes: status rows (the one writer, with history), the CSV import, article tags, reporting
cycles, report files and reminders. Each is atomic and raises a Refusal when it says no."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms.directory.models import Country
from cms.notify import absolute_url, notify
from cms.refusals import Refusal

from . import conf, permissions
from .models import (
    Article,
    ArticleTag,
    CountryStatus,
    CountryStatusChange,
    Framework,
    NationalReport,
    NationalReportFile,
    ReportingCycle,
    ReportReminder,
    Standing,
)
from .validation import check_status
from .versions import FRAMEWORKS

#: The fields a status change may set, in the order of the CSV columns.
STATUS_FIELDS = (
    "signed", "signature_date", "consent", "consent_date", "deposited", "deposit_date",
    "entry_into_force_date", "reservations_en", "reservations_es", "reservations_fr",
    "reservations_pt", "source_url",
)


class NotAllowed(Refusal):
    default_code = "forbidden"
    status = 403


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def country_status_save(
    *,
    framework: Framework,
    country: Country,
    values: dict,
    by,
    via: str,
    expected_version: int | None = None,
    dry_run: bool = False,
) -> CountryStatus:
    """Create or update ``framework``'s row for ``country`` with ``values`` (any of
    :data:`STATUS_FIELDS`; missing ones keep their value) and write one history row.

    Only the secretariat (or the demo seed, ``via="seed"``) may; the dates are checked by
    :func:`frameworks.validation.check_status` and a bad row changes nothing. ``dry_run``
    checks without writing (the admin form shows the errors next to the fields)."""
    if not (via == CountryStatusChange.Via.SEED or permissions.may_edit_status(by)):
        raise NotAllowed(_("Only the secretariat records the status of a State."))
    if not framework.binding:
        raise Refusal(
            _("%(code)s is not a treaty: it has no signatures or ratifications.")
            % {"code": framework.code}, code="not_binding",
        )
    unknown = set(values) - set(STATUS_FIELDS)
    if unknown:
        raise Refusal(_("Unknown fields: %(names)s.") % {"names": ", ".join(sorted(unknown))},
                      code="unknown_fields")
    with transaction.atomic():
        status = (
            CountryStatus.objects.select_for_update()
            .filter(framework=framework, country=country).first()
        )
        created = status is None
        if created:
            status = CountryStatus(framework=framework, country=country)
        if expected_version is not None and status.version != expected_version:
            raise Refusal(
                _("Someone else changed this row while you were editing it. Reload and try "
                  "again."), code="stale",
            )
        current = {name: getattr(status, name) for name in STATUS_FIELDS}
        checked = check_status({**current, **values})
        if dry_run:
            return status
        changes = {}
        for name in (*STATUS_FIELDS, "standing"):
            before = "" if created else _text(getattr(status, name))
            if created or getattr(status, name) != checked[name]:
                after = _text(checked[name])
                if before != after:
                    changes[name] = [before, after]
            setattr(status, name, checked[name])
        if not changes and not created:
            return status
        status.version += 1
        status.save()
        CountryStatusChange.objects.create(
            status=status, changed_by=by if getattr(by, "pk", None) else None, via=via,
            changes=changes,
        )
    return status


# -- CSV import -------------------------------------------------------------------------------


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int


class ImportInvalid(Refusal):
    """Some rows are bad: nothing was written. ``errors`` = [(line number, message), ...]."""

    default_code = "invalid_import"
    status = 400

    def __init__(self, message, errors: list[tuple[int, str]]):
        super().__init__(message)
        self.errors = errors

    def as_dict(self) -> dict:
        return {**super().as_dict(),
                "errors": [{"line": line, "message": m} for line, m in self.errors]}


def country_statuses_import(*, data: bytes, by) -> ImportResult:
    """Apply a status CSV (the export's columns) all or nothing: when any row is bad, no row is
    written and every bad row is listed with its line number and reason."""
    from . import csv_format
    from .validation import StatusInvalid

    if not permissions.may_edit_status(by):
        raise NotAllowed(_("Only the secretariat records the status of a State."))
    if len(data) > conf.csv_max_bytes():
        raise ImportInvalid(
            _("The file is larger than %(size)s KB.") % {"size": conf.csv_max_bytes() // 1024},
            [],
        )
    parsed, errors = csv_format.parse(data, max_rows=conf.csv_max_rows())
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    if not errors:
        try:
            with transaction.atomic():
                for line, framework, country, values in parsed:
                    existing = CountryStatus.objects.filter(
                        framework=framework, country=country
                    ).values_list("version", flat=True).first()
                    try:
                        status = country_status_save(
                            framework=framework, country=country, values=values, by=by,
                            via=CountryStatusChange.Via.CSV,
                        )
                    except StatusInvalid as invalid:
                        errors.append((line, str(invalid)))
                        continue
                    except Refusal as refusal:
                        errors.append((line, str(refusal)))
                        continue
                    if existing is None:
                        counts["created"] += 1
                    elif status.version != existing:
                        counts["updated"] += 1
                    else:
                        counts["unchanged"] += 1
                if errors:
                    raise _RollBack
        except _RollBack:
            pass
    if errors:
        raise ImportInvalid(
            _("Nothing was imported: %(count)s row(s) have errors. Correct them and import the "
              "file again.") % {"count": len(errors)},
            sorted(errors),
        )
    return ImportResult(**counts)


class _RollBack(Exception):
    """Leaves the import's transaction so that every row written is undone."""


# -- tags -------------------------------------------------------------------------------------


def article_tag_create(*, article: Article, target, by) -> ArticleTag:
    """Tag ``target`` (a page or any model instance) with ``article``; idempotent."""
    if not permissions.may_tag(by):
        raise NotAllowed(_("Only editors and the secretariat tag content with articles."))
    content_type = ContentType.objects.get_for_model(target)
    country_id = getattr(target, "country_id", None)
    try:
        with transaction.atomic():
            tag, _created = ArticleTag.objects.get_or_create(
                article=article, content_type=content_type, object_id=target.pk,
                defaults={"country_id": country_id, "tagged_by": by},
            )
    except IntegrityError:
        tag = ArticleTag.objects.get(
            article=article, content_type=content_type, object_id=target.pk
        )
    return tag


def article_tag_delete(*, tag: ArticleTag, by) -> None:
    if not permissions.may_tag(by):
        raise NotAllowed(_("Only editors and the secretariat tag content with articles."))
    tag.delete()


# -- national reports -------------------------------------------------------------------------


def cycle_reports_create(*, cycle: ReportingCycle, by) -> int:
    """Open ``cycle``: one report due from each State Party today. Returns how many were new."""
    if not (by is None or permissions.may_manage_reports(by)):
        raise NotAllowed(_("Only the secretariat opens a reporting cycle."))
    parties = CountryStatus.objects.filter(
        framework_id=cycle.framework_id, standing=Standing.PARTY
    ).values_list("country_id", flat=True)
    existing = set(cycle.reports.values_list("country_id", flat=True))
    new = [NationalReport(cycle=cycle, country_id=c) for c in parties if c not in existing]
    NationalReport.objects.bulk_create(new, ignore_conflicts=True)
    FRAMEWORKS.replace()  # bulk_create sends no signal
    return len(new)


def report_file_add(*, report: NationalReport, language: str, upload, by) -> NationalReportFile:
    """Attach the report in ``language`` (PDF, DOCX or ODT, bounded size)."""
    import os

    if not permissions.may_submit_report(by, report):
        raise NotAllowed(_("Only the focal points of this country upload its report."))
    if report.state not in (NationalReport.State.DUE, NationalReport.State.LATE):
        raise Refusal(_("This report was submitted: its files can no longer change."),
                      code="report_closed")
    extension = os.path.splitext(upload.name)[1].lower()
    if extension not in conf.REPORT_TYPES:
        raise Refusal(_("Upload a PDF, DOCX or ODT file."), code="file_type")
    if upload.size > conf.report_max_bytes():
        raise Refusal(_("The file is larger than %(size)s MB.")
                      % {"size": conf.report_max_bytes() // (1024 * 1024)}, code="file_size")
    if language not in dict(NationalReportFile._meta.get_field("language").choices):
        raise Refusal(_("Choose the language of the file."), code="file_language")
    return NationalReportFile.objects.create(
        report=report, language=language, file=upload, original_name=upload.name[:255],
        content_type=conf.REPORT_TYPES[extension], size=upload.size, uploaded_by=by,
    )


def report_recipients(report: NationalReport) -> list[int]:
    """The focal points of the report's country (approved claims only)."""
    from django.contrib.auth import get_user_model

    from cms.accounts import roles
    from cms.accounts.models import AgencyClaim

    return list(
        get_user_model().objects.filter(
            is_active=True, groups__name=roles.FOCAL_POINT,
            agency_claims__status=AgencyClaim.Status.APPROVED,
            agency_claims__agency__country_id=report.country_id,
        ).distinct().values_list("pk", flat=True)
    )


def report_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind focal points 30 and 7 days before a due date, and once late; each reminder is
    recorded so that it never goes out twice. Marks overdue reports late. Returns how many
    reminders went out."""
    from .workflow import WORKFLOW

    today = today or timezone.localdate()
    sent = 0
    open_reports = NationalReport.objects.filter(
        state__in=[NationalReport.State.DUE, NationalReport.State.LATE],
        cycle__due_date__lte=today + datetime.timedelta(days=30),
    ).select_related("cycle__framework", "country")
    for report in open_reports:
        days = (report.cycle.due_date - today).days
        if days < 0:
            if report.state == NationalReport.State.DUE:
                report = WORKFLOW.transition(report, "mark_late", by=None)
            kind = ReportReminder.Kind.LATE
        elif days <= 7:
            kind = ReportReminder.Kind.DAYS_7
        else:
            kind = ReportReminder.Kind.DAYS_30
        with transaction.atomic():
            reminder, created = ReportReminder.objects.get_or_create(report=report, kind=kind)
            if not created:
                continue
            recipients = report_recipients(report)
            reminder.recipients = len(recipients)
            reminder.save(update_fields=["recipients"])
            notify(recipients, "frameworks/report_reminder", {
                "kind": kind, "code": report.cycle.framework.code,
                "cycle": report.cycle.name_en, "due_date": report.cycle.due_date.isoformat(),
                "url": absolute_url(report.get_absolute_url()),
                "state": gettext_noop("Late") if kind == ReportReminder.Kind.LATE else "",
            })
            sent += 1
    return sent
