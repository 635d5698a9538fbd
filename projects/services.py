"""Writes of the projects domain (states change only in workflow.py). Each service checks the
person, validates, and writes in one transaction; a refusal leaves everything as it was."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cms.refusals import Refusal

from . import activities
from .currencies import validate_currency
from .enums import ProposalState, ReportState
from .models import (
    ActivityLink,
    BudgetLine,
    Indicator,
    IndicatorActual,
    ProgressReport,
    Project,
    Proposal,
    ProposalReview,
)
from .models.records import check_period
from .permissions import (
    linkable_activities,
    may_create_proposal,
    may_edit_proposal,
    may_link_activity,
    may_review_proposal,
    may_write_report,
)
from .selectors import links_to
from .workflow import PROPOSALS, REPORTS


class ProjectRefused(Refusal):
    default_code = "project_refused"


def _invalid(error: ValidationError):
    messages = error.messages if hasattr(error, "messages") else [str(error)]
    return ProjectRefused(" ".join(str(m) for m in messages), code="invalid")


def _check_model(instance, exclude=()) -> None:
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        raise _invalid(error) from error


@transaction.atomic
def proposal_save(
    *,
    by,
    agency,
    title: str,
    modality: str,
    problem: str,
    objectives: str,
    countries,
    partners: str,
    estimated_budget_minor: int,
    currency: str,
    duration_months: int,
    language: str = "en",
    link=None,
    proposal: Proposal | None = None,
    submit: bool = True,
) -> Proposal:
    """Create (or edit, while it is a draft or changes were requested) a concept note for
    ``agency`` and, with ``submit``, send it to the secretariat."""
    if proposal is None:
        if not may_create_proposal(by) or not PROPOSALS.actions["submit"].may(
            by, Proposal(agency=agency)
        ):
            raise ProjectRefused(_("Only a focal point of this agency may propose a project."),
                                 code="forbidden")
        proposal = Proposal(agency=agency, created_by=by, language=language)
    else:
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        if not may_edit_proposal(by, proposal):
            raise ProjectRefused(_("This concept note cannot be edited now."), code="forbidden")
    proposal.title, proposal.modality = title, modality
    proposal.problem, proposal.objectives, proposal.partners = problem, objectives, partners
    proposal.estimated_budget_minor, proposal.currency = estimated_budget_minor, currency
    proposal.duration_months = duration_months
    if link is not None:
        proposal.link_type = ContentType.objects.get_for_model(link)
        proposal.link_id = link.pk
    _check_model(proposal, exclude=["created_by", "link_type", "link_id"])
    countries = list(countries)
    if not countries:
        raise ProjectRefused(_("Choose at least one country."), code="invalid")
    proposal.save()
    proposal.countries.set(countries)
    if submit:
        proposal = PROPOSALS.transition(proposal, "submit", by=by,
                                        expected_version=proposal.version)
    return proposal


@transaction.atomic
def proposal_review_record(
    *, proposal: Proposal, by, relevance: int, feasibility: int, sustainability: int,
    inclusion: int, comment: str = "",
) -> ProposalReview:
    """The secretariat scores a concept note under review (1–5 on each criterion)."""
    if not may_review_proposal(by, proposal):
        raise ProjectRefused(_("Only the secretariat reviews concept notes."), code="forbidden")
    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.state != ProposalState.UNDER_REVIEW:
        raise ProjectRefused(_("Start the review before scoring the concept note."))
    review = ProposalReview(
        proposal=locked, reviewer=by, relevance=relevance, feasibility=feasibility,
        sustainability=sustainability, inclusion=inclusion, comment=comment,
    )
    _check_model(review, exclude=["reviewer"])
    review.save()
    return review


@transaction.atomic
def report_save(
    *, project: Project, by, agency_id: int, period_start: datetime.date,
    period_end: datetime.date, narrative: str, report: ProgressReport | None = None,
    submit: bool = False,
) -> ProgressReport:
    """Write (or edit, while a draft or returned) a progress report for one period."""
    if not may_write_report(by, project, agency_id):
        raise ProjectRefused(_("Only a focal point of one of the project's agencies may report."),
                             code="forbidden")
    try:
        check_period(period_start, period_end, _("The period ends before it starts."))
    except ValidationError as error:
        raise _invalid(error) from error
    if report is None:
        report = ProgressReport(project=project, agency_id=agency_id, created_by=by)
    else:
        report = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if report.state not in (ReportState.DRAFT, ReportState.RETURNED):
            raise ProjectRefused(_("This report cannot be edited now."))
    overlapping = ProgressReport.objects.filter(
        project=project, period_start__lte=period_end, period_end__gte=period_start
    ).exclude(pk=report.pk)
    if overlapping.exists():
        raise ProjectRefused(_("Another report already covers part of this period."),
                             code="invalid")
    report.period_start, report.period_end, report.narrative = period_start, period_end, narrative
    _check_model(report, exclude=["created_by"])
    report.save()
    if submit:
        report = REPORTS.transition(report, "submit", by=by, expected_version=report.version)
    return report


@transaction.atomic
def indicator_actual_record(
    *, report: ProgressReport | None, indicator: Indicator, by, value: Decimal,
    sex: str = "", population_group=None,
) -> IndicatorActual:
    """The value ``indicator`` reached in ``report``'s period (a total or one slice)."""
    if report is None:
        raise ProjectRefused(_("An actual value needs its reporting period (a report)."),
                             code="invalid")
    report = ProgressReport.objects.select_for_update().select_related("project").get(pk=report.pk)
    if not may_write_report(by, report.project, report.agency_id):
        raise ProjectRefused(_("Only the report's agency may record its values."),
                             code="forbidden")
    if report.state not in (ReportState.DRAFT, ReportState.RETURNED):
        raise ProjectRefused(_("This report cannot be edited now."))
    if indicator.result.project_id != report.project_id:
        raise ProjectRefused(_("This indicator belongs to another project."), code="invalid")
    if sex and not indicator.by_sex:
        raise ProjectRefused(_("This indicator is not disaggregated by sex."), code="invalid")
    if population_group is not None and not indicator.by_population_group:
        raise ProjectRefused(_("This indicator is not disaggregated by population group."),
                             code="invalid")
    value = Decimal(str(value))
    if value < 0:
        raise ProjectRefused(_("Values cannot be negative."), code="invalid")
    actual, _created = IndicatorActual.objects.update_or_create(
        indicator=indicator, report=report, sex=sex, population_group=population_group,
        defaults={"value": value},
    )
    _check_model(actual)
    return actual


@transaction.atomic
def budget_line_add(
    *, project: Project, by, year: int, currency: str, amount_minor: int, source=None,
    source_agency=None,
) -> BudgetLine:
    """A budget line in integer minor units; negative amounts and unknown currencies refused."""
    from cms.permissions import is_secretariat

    if not is_secretariat(by):
        raise ProjectRefused(_("Only the secretariat records budgets."), code="forbidden")
    if not isinstance(amount_minor, int) or isinstance(amount_minor, bool):
        raise ProjectRefused(_("Amounts are whole numbers of minor units."), code="invalid")
    try:
        validate_currency(currency)
    except ValidationError as error:
        raise _invalid(error) from error
    line = BudgetLine(project=project, year=year, currency=currency, amount_minor=amount_minor,
                      source=source, source_agency=source_agency)
    _check_model(line, exclude=["project"])
    line.save()
    return line


class ActivityNotFound(ProjectRefused):
    """The kind or the item does not exist — or is not one the person may see (the same answer,
    so nobody learns of an item they may not open)."""

    default_code = "not_found"
    status = 422


@transaction.atomic
def activity_link(*, project: Project, by, kind: str, object_id: int) -> ActivityLink:
    """Record that the item ``object_id`` of ``kind`` ("exchanges.exchangerequest",
    "courses.coursepage"…) belongs to ``project``: the secretariat or the project's focal
    points, an item they may see, once (a page once, whichever of its translations)."""
    if not may_link_activity(by, project):
        raise ProjectRefused(_("You may not link activities to this project."), code="forbidden")
    activity_kind = activities.kind_for_label(kind)
    if activity_kind is None:
        raise ActivityNotFound(_("This kind of item cannot be linked to a project."))
    model = activity_kind.model
    target = None
    if 0 < object_id < 2**63:  # a database integer
        target = linkable_activities(by, activity_kind, activity_kind.objects()).filter(
            pk=object_id).first()
    if target is None:
        raise ActivityNotFound(_("No such item among those you may link."))
    project = Project.objects.select_for_update().get(pk=project.pk)  # one link at a time
    content_type = ContentType.objects.get_for_model(model)
    if links_to(target).filter(project=project).exists():
        item = activity_kind.title(target)
        raise ProjectRefused(_("“%(item)s” is already linked to this project.") % {"item": item},
                             code="duplicate")
    return ActivityLink.objects.create(project=project, content_type=content_type,
                                       object_id=target.pk)


@transaction.atomic
def activity_unlink(*, project: Project, by, link_id: int) -> None:
    """Remove one of the project's links (the same people who may link)."""
    if not may_link_activity(by, project):
        raise ProjectRefused(_("You may not link activities to this project."), code="forbidden")
    deleted, _rows = ActivityLink.objects.filter(project=project, pk=link_id).delete()
    if not deleted:
        raise ActivityNotFound(_("This activity is not linked to this project."))
