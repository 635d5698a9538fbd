"""Bad input gets a clear error and changes nothing."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError

import pytest

from cms.refusals import Refusal
from projects import services
from projects.currencies import format_amount, to_minor
from projects.models import BudgetLine, IndicatorActual, ProgressReport, Proposal
from tests.factories import AgencyFactory, CountryFactory, focal_point_for
from tests.factories.projects import ProjectFactory, add_indicator

pytestmark = pytest.mark.django_db


def test_budget_lines_refuse_negative_amounts_unknown_currencies_and_floats(secretariat):
    project = ProjectFactory()
    source = AgencyFactory()
    for kwargs, message in [
        ({"amount_minor": -1, "currency": "USD"}, "greater than or equal to 0"),
        ({"amount_minor": 100, "currency": "XYZ"}, "ISO 4217"),
        ({"amount_minor": 10.5, "currency": "USD"}, "whole numbers"),
    ]:
        with pytest.raises(Refusal, match=message):
            services.budget_line_add(project=project, by=secretariat, year=2026,
                                     source_agency=source, **kwargs)
    with pytest.raises(Refusal, match="one of them"):
        services.budget_line_add(project=project, by=secretariat, year=2026, currency="USD",
                                 amount_minor=100)
    with pytest.raises(Refusal):
        services.budget_line_add(project=project, by=focal_point_for(project.lead_agency),
                                 year=2026, currency="USD", amount_minor=100,
                                 source_agency=source)
    assert not BudgetLine.objects.exists()
    line = services.budget_line_add(project=project, by=secretariat, year=2026, currency="JPY",
                                    amount_minor=1_000_000, source_agency=source)
    assert format_amount(line.amount_minor, line.currency) == "1,000,000 JPY"


def test_currency_conversion_is_exact():
    assert to_minor("12345.67", "USD") == 1_234_567
    assert to_minor("5", "CLP") == 5
    assert to_minor("1.234", "BHD") == 1234
    with pytest.raises(ValidationError):
        to_minor("1.5", "CLP")
    with pytest.raises(ValidationError):
        to_minor("-1", "USD")


def test_report_period_must_be_in_order_and_not_overlap():
    project = ProjectFactory()
    lead = focal_point_for(project.lead_agency)
    common = {"project": project, "by": lead, "agency_id": project.lead_agency_id,
              "narrative": "Progress."}
    with pytest.raises(Refusal, match="ends before it starts"):
        services.report_save(period_start=datetime.date(2026, 6, 30),
                             period_end=datetime.date(2026, 1, 1), **common)
    assert not ProgressReport.objects.exists()
    services.report_save(period_start=datetime.date(2026, 1, 1),
                         period_end=datetime.date(2026, 6, 30), **common)
    with pytest.raises(Refusal, match="already covers"):
        services.report_save(period_start=datetime.date(2026, 6, 1),
                             period_end=datetime.date(2026, 12, 31), **common)
    other = focal_point_for(AgencyFactory())
    with pytest.raises(Refusal):
        services.report_save(**{**common, "by": other}, period_start=datetime.date(2027, 1, 1),
                             period_end=datetime.date(2027, 6, 30))
    assert ProgressReport.objects.count() == 1


def test_indicator_actuals_need_a_period_and_respect_disaggregation():
    project = ProjectFactory()
    lead = focal_point_for(project.lead_agency)
    indicator = add_indicator(project, by_sex=False)
    with pytest.raises(Refusal, match="reporting period"):
        services.indicator_actual_record(report=None, indicator=indicator, by=lead, value=5)
    report = services.report_save(project=project, by=lead, agency_id=project.lead_agency_id,
                                  period_start=datetime.date(2026, 1, 1),
                                  period_end=datetime.date(2026, 3, 31), narrative="Q1")
    with pytest.raises(Refusal, match="not disaggregated by sex"):
        services.indicator_actual_record(report=report, indicator=indicator, by=lead, value=5,
                                         sex="female")
    with pytest.raises(Refusal, match="negative"):
        services.indicator_actual_record(report=report, indicator=indicator, by=lead,
                                         value=Decimal("-2"))
    foreign = add_indicator(ProjectFactory())
    with pytest.raises(Refusal, match="another project"):
        services.indicator_actual_record(report=report, indicator=foreign, by=lead, value=5)
    assert not IndicatorActual.objects.exists()
    services.indicator_actual_record(report=report, indicator=indicator, by=lead, value=5)
    services.indicator_actual_record(report=report, indicator=indicator, by=lead, value=7)
    assert IndicatorActual.objects.get().value == 7


def test_concept_note_form_errors_change_nothing(client, agency):
    focal = focal_point_for(agency)
    CountryFactory(code="PE")
    client.force_login(focal)
    response = client.post("/en/projects/proposals/new/", {
        "agency": agency.pk, "title": "", "modality": "space", "problem": "x",
        "objectives": "y", "countries": ["ZZ"], "estimated_budget": "-5", "currency": "XXX",
        "duration_months": "0",
    })
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"title", "modality", "countries", "estimated_budget", "currency",
            "duration_months"} <= set(errors)
    response = client.post("/en/projects/proposals/new/", {
        "agency": agency.pk, "title": "T", "modality": "regional", "problem": "x",
        "objectives": "y", "countries": ["PE"], "estimated_budget": "10.001",
        "currency": "USD", "duration_months": "12",
    })
    assert response.status_code == 400
    assert "at most 2 decimals" in str(response.context["form"].errors["estimated_budget"])
    other_agency = AgencyFactory()
    response = client.post("/en/projects/proposals/new/", {
        "agency": other_agency.pk, "title": "T", "modality": "regional", "problem": "x",
        "objectives": "y", "countries": ["PE"], "estimated_budget": "10",
        "currency": "USD", "duration_months": "12",
    })
    assert response.status_code == 400  # not one of the agencies the person acts for
    assert not Proposal.objects.exists()


def test_project_dates_in_order_are_enforced_by_the_model():
    project = ProjectFactory.build(planned_start=datetime.date(2027, 1, 1),
                                   planned_end=datetime.date(2026, 1, 1))
    with pytest.raises(ValidationError) as error:
        project.clean()
    assert "planned_end" in error.value.message_dict


def test_changes_requested_note_is_edited_and_sent_again(client, secretariat):
    from projects.enums import ProposalState
    from tests.factories.projects import proposal_in

    proposal = proposal_in("changes_requested", secretariat=secretariat)
    client.force_login(proposal.proposer)
    edit = f"/en/projects/proposals/{proposal.pk}/edit/"
    assert client.get(edit).status_code == 200
    country = proposal.countries.first()
    response = client.post(edit, {
        "agency": proposal.agency_id, "title": "Labour inspection for rural workers, v2",
        "modality": "regional", "problem": "Few inspections reach farms.",
        "objectives": "Risk-based planning.", "countries": [country.code],
        "estimated_budget": "300000", "currency": "USD", "duration_months": "24",
    })
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SUBMITTED
    assert proposal.title.endswith("v2") and proposal.estimated_budget_minor == 30_000_000
    assert list(proposal.countries.all()) == [country]
    assert client.get(edit).status_code == 403  # submitted again: no longer editable
