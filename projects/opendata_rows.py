"""Rows for the shared registries: open-data datasets (projects, budgets, indicators), the
country-profile section and the network activity source. Published projects only: those with
a live, public page in at least one language. No personal data."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, DecimalField, Exists, Max, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .currencies import to_decimal
from .enums import ReportState
from .models import BudgetLine, Indicator, IndicatorActual, Project, ProjectPage

VALUE_FIELD = DecimalField(max_digits=14, decimal_places=2)


def published_projects():
    pages = ProjectPage.objects.live().public().filter(project_id=OuterRef("pk"))
    return Project.objects.filter(Exists(pages))


def project_rows():
    yield from (
        published_projects().select_related("lead_agency__country").order_by("code")
        .values_list("code", "title", "modality", "status", "lead_agency__name",
                     "lead_agency__country__code", "planned_start", "planned_end",
                     "actual_start", "actual_end", "illustrative")
        .iterator()
    )


def budget_rows():
    for code, year, currency, amount, org, agency in (
        BudgetLine.objects.filter(project__in=published_projects())
        .order_by("project__code", "year", "currency", "pk")
        .values_list("project__code", "year", "currency", "amount_minor", "source__name_en",
                     "source_agency__name")
        .iterator()
    ):
        yield (code, year, currency, amount, str(to_decimal(amount, currency)), org or agency)


def indicator_rows():
    latest = IndicatorActual.objects.filter(
        indicator=OuterRef("pk"), report__state=ReportState.ACCEPTED, sex="",
        population_group__isnull=True,
    ).order_by("-report__period_end")

    for row in (
        Indicator.objects.filter(result__project__in=published_projects())
        .annotate(actual=Subquery(latest.values("value")[:1], output_field=VALUE_FIELD),
                  period_end=Subquery(latest.values("report__period_end")[:1]))
        .order_by("result__project__code", "result__sort_order", "sort_order", "pk")
        .values_list("result__project__code", "result__kind", "name_en", "unit",
                     "baseline_year", "baseline_value", "target_value", "actual", "period_end")
        .iterator()
    ):
        code, kind, name, unit, year, baseline, target, actual, period_end = row
        yield (code, kind, name, unit, year, _number(baseline), _number(target),
               _number(actual), period_end)


def _number(value) -> str | None:
    """Indicator values with their two decimals, whatever the database returned."""
    return None if value is None else f"{Decimal(str(value)):.2f}"


def _last_updated():
    return published_projects().aggregate(at=Max("updated_at"))["at"]


def datasets():
    from opendata.datasets import Column, Dataset

    return [
        Dataset(
            slug="projects", title=_("Cooperation projects"),
            description=_("Published cooperation programmes and projects: modality, status, "
                          "lead agency and periods."),
            columns=(
                Column("code", _("Project code")), Column("title", _("Working title")),
                Column("modality", _("Modality")), Column("status", _("Status")),
                Column("lead_agency", _("Lead agency")),
                Column("lead_country", _("Country of the lead agency (ISO 3166)")),
                Column("planned_start", _("Planned start"), "date"),
                Column("planned_end", _("Planned end"), "date"),
                Column("actual_start", _("Actual start"), "date"),
                Column("actual_end", _("Actual end"), "date"),
                Column("illustrative", _("Illustrative (demonstration) data"), "boolean"),
            ),
            rows=project_rows, last_updated=_last_updated,
            keywords=("cooperation", "projects", "IATI"),
        ),
        Dataset(
            slug="project-budgets", title=_("Project budgets"),
            description=_("Budget lines of published projects by source, year and currency, "
                          "in minor units and in the currency's unit. Never summed across "
                          "currencies."),
            columns=(
                Column("project", _("Project code")), Column("year", _("Year"), "integer"),
                Column("currency", _("Currency (ISO 4217)")),
                Column("amount_minor", _("Amount in minor units"), "integer"),
                Column("amount", _("Amount"), "number"), Column("source", _("Source")),
            ),
            rows=budget_rows, last_updated=_last_updated, keywords=("budgets", "projects"),
        ),
        Dataset(
            slug="project-indicators", title=_("Project indicators"),
            description=_("Indicators of published projects with baseline, target and the "
                          "latest accepted actual value."),
            columns=(
                Column("project", _("Project code")),
                Column("result_type", _("Result type (IATI: 1 output, 2 outcome)")),
                Column("indicator", _("Indicator")), Column("unit", _("Unit")),
                Column("baseline_year", _("Baseline year"), "integer"),
                Column("baseline", _("Baseline"), "number"),
                Column("target", _("Target"), "number"),
                Column("actual", _("Latest actual"), "number"),
                Column("actual_period_end", _("End of the period of the actual"), "date"),
            ),
            rows=indicator_rows, last_updated=_last_updated, keywords=("results", "projects"),
        ),
    ]


def _country_pages(country):
    return ProjectPage.objects.live().public().filter(
        project__countries=country, locale__language_code=(get_language() or "en")[:2]
    ).select_related("project")


def country_section(country, request):
    pages = list(_country_pages(country).order_by("-project__planned_start")[:10])
    if not pages:
        return None
    return {"pages": pages}


def country_headline(countries):
    return dict(
        published_projects().filter(countries__in=countries)
        .values_list("countries").annotate(n=Count("pk", distinct=True)).order_by()
    )


def _network_projects(agency_ids):
    return published_projects().filter(
        Q(lead_agency_id__in=agency_ids) | Q(partner_agencies__in=agency_ids)
    ).distinct()


def network_items(network, agency_ids, limit):
    language = (get_language() or "en")[:2]
    pages = (
        ProjectPage.objects.live().public()
        .filter(locale__language_code=language,
                project__in=_network_projects(agency_ids))
        .select_related("project").order_by("-project__planned_start")[:limit]
    )
    return [{"title": p.title, "url": p.url, "date": p.project.planned_start} for p in pages]


def network_yearly(network, agency_ids):
    return (
        _network_projects(agency_ids).annotate(year=ExtractYear("planned_start")).values("year")
        .annotate(n=Count("pk", distinct=True)).order_by()
    )
