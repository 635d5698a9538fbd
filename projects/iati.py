"""IATI 2.03 activity XML for published projects (https://iatistandard.org/en/iati-standard/203/).

One ``<iati-activity>`` per project with a live public page: titles and descriptions in every
language that has a page (``narrative xml:lang``), participating organisations with their IATI
roles, recipient countries, DAC 5-digit sectors mapped from themes (:data:`THEME_SECTORS`,
documented in docs/projects.md), dates, status, yearly budgets per currency, and results with
indicators (accepted reports only). ``tests/projects/test_iati.py`` validates the output against
the official 2.03 schema.

The reporting organisation is the department; its identifier comes from the setting
``PROJECTS_IATI_REPORTING_ORG`` — the default ``XX-PUENTE`` ("XX" is no registration agency)
must be replaced by the organisation's registered IATI identifier before publishing to the
IATI registry.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags

from cms.directory.models import Country

from .currencies import to_decimal
from .enums import IATI_ACTIVITY_STATUS, OrganisationRole, ReportState
from .models import BudgetLine, Indicator, IndicatorActual, Participation, Project, Result
from .opendata_rows import published_projects

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

DEFAULT_REPORTING_ORG = {
    "ref": "XX-PUENTE",
    "type": "40",  # multilateral
    "name": "Organization of American States — Department of Social Inclusion",
}

#: Theme slug → OECD DAC CRS purpose code (sector vocabulary 1).
THEME_SECTORS = {
    "social-protection": "16010",  # Social protection
    "cash-transfers": "16010",  # Social protection
    "care-systems": "16010",  # Social protection
    "employment-skills": "16020",  # Employment creation
    "labour-inspection": "16070",  # Labour rights
    "occupational-safety-health": "16070",  # Labour rights
    "child-labour": "16070",  # Labour rights
    "social-dialogue": "16080",  # Social dialogue
    "migration-mobility": "15190",  # Facilitation of orderly, safe, regular migration
    "social-information-systems": "16062",  # Statistical capacity building
    "digital-government": "15110",  # Public sector policy and administrative management
    "gender-equality": "15170",  # Women's rights organisations and movements, and institutions
    "non-discrimination": "15160",  # Human rights
    "rural-development": "43040",  # Rural development
}

#: Date types of the IATI ActivityDateType codelist.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"


def reporting_org() -> dict:
    return {**DEFAULT_REPORTING_ORG, **getattr(settings, "PROJECTS_IATI_REPORTING_ORG", {})}


def iati_identifier(project: Project) -> str:
    return f"{reporting_org()['ref']}-{project.code}"


def _narratives(parent, tag: str, texts: dict[str, str]):
    element = ET.SubElement(parent, tag)
    for language, text in texts.items():
        if text:
            ET.SubElement(element, "narrative", {XML_LANG: language}).text = text
    return element


def _split_percentages(codes: list[str]) -> list[tuple[str, str]]:
    """Even shares summing to exactly 100 (the remainder on the first)."""
    if not codes:
        return []
    share, rest = divmod(100, len(codes))
    return [(code, str(share + (rest if i == 0 else 0))) for i, code in enumerate(codes)]


def _load(projects):
    """The projects with everything the XML needs, in a fixed number of queries."""
    from .models import ProjectPage

    pages = ProjectPage.objects.live().public().select_related("locale")
    return list(
        projects.select_related("lead_agency__country").prefetch_related(
            Prefetch("pages", queryset=pages, to_attr="live_pages"),
            Prefetch("participations",
                     queryset=Participation.objects.select_related("organisation")),
            Prefetch("countries", queryset=Country.objects.order_by("code")),
            "themes", "partner_agencies",
            Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("year", "currency")),
            Prefetch("results", queryset=Result.objects.prefetch_related(
                Prefetch("indicators", queryset=Indicator.objects.prefetch_related(
                    Prefetch("actuals", queryset=IndicatorActual.objects.filter(
                        report__state=ReportState.ACCEPTED
                    ).select_related("report", "population_group").order_by(
                        "report__period_start", "pk")),
                ).order_by("sort_order", "pk")),
            )),
        ).order_by("code")
    )


def _activity(root, project: Project) -> None:
    pages = sorted(project.live_pages, key=lambda p: p.locale.language_code)
    activity = ET.SubElement(root, "iati-activity", {
        "last-updated-datetime": project.updated_at.isoformat(timespec="seconds"),
        XML_LANG: "en",
        "default-currency": "USD",
        "humanitarian": "0",
    })
    ET.SubElement(activity, "iati-identifier").text = iati_identifier(project)
    org = reporting_org()
    reporting = ET.SubElement(activity, "reporting-org", {"ref": org["ref"], "type": org["type"]})
    ET.SubElement(reporting, "narrative").text = org["name"]
    _narratives(activity, "title", {p.locale.language_code: p.title for p in pages})
    general = _narratives(activity, "description",
                          {p.locale.language_code: p.summary for p in pages})
    general.set("type", "1")
    objectives = {p.locale.language_code: strip_tags(p.objectives).strip() for p in pages}
    if any(objectives.values()):
        _narratives(activity, "description", objectives).set("type", "2")

    lead = ET.SubElement(activity, "participating-org", {
        "role": OrganisationRole.IMPLEMENTING, "type": "10",
    })
    ET.SubElement(lead, "narrative").text = str(project.lead_agency)
    for agency in project.partner_agencies.all():
        partner = ET.SubElement(activity, "participating-org", {
            "role": OrganisationRole.IMPLEMENTING, "type": "10",
        })
        ET.SubElement(partner, "narrative").text = str(agency)
    for participation in project.participations.all():
        organisation = participation.organisation
        attrs = {"role": participation.role, "type": organisation.org_type}
        if organisation.iati_identifier:
            attrs["ref"] = organisation.iati_identifier
        element = ET.SubElement(activity, "participating-org", attrs)
        ET.SubElement(element, "narrative").text = organisation.name_en

    ET.SubElement(activity, "activity-status", {"code": IATI_ACTIVITY_STATUS[project.status]})
    for date_type, value in ((PLANNED_START, project.planned_start),
                             (ACTUAL_START, project.actual_start),
                             (PLANNED_END, project.planned_end),
                             (ACTUAL_END, project.actual_end)):
        if value and not (date_type in (ACTUAL_START, ACTUAL_END) and value > timezone.localdate()):
            ET.SubElement(activity, "activity-date", {"iso-date": value.isoformat(),
                                                      "type": date_type})
    for code, percentage in _split_percentages([c.code for c in project.countries.all()]):
        ET.SubElement(activity, "recipient-country", {"code": code, "percentage": percentage})
    sectors = sorted({THEME_SECTORS[t.slug] for t in project.themes.all()
                      if t.slug in THEME_SECTORS})
    for code, percentage in _split_percentages(sectors):
        ET.SubElement(activity, "sector",
                      {"vocabulary": "1", "code": code, "percentage": percentage})
    _budgets(activity, project)
    _results(activity, project)


def _budgets(activity, project: Project) -> None:
    """One budget per year and currency (lines of a year and currency added; currencies never)."""
    totals: dict[tuple[int, str], int] = defaultdict(int)
    for line in project.budget_lines.all():
        totals[(line.year, line.currency)] += line.amount_minor
    for (year, currency), amount in sorted(totals.items()):
        budget = ET.SubElement(activity, "budget", {"type": "1", "status": "1"})
        ET.SubElement(budget, "period-start", {"iso-date": f"{year}-01-01"})
        ET.SubElement(budget, "period-end", {"iso-date": f"{year}-12-31"})
        ET.SubElement(budget, "value", {
            "currency": currency, "value-date": f"{year}-01-01",
        }).text = str(to_decimal(amount, currency))


def _names(obj) -> dict[str, str]:
    return {code: getattr(obj, f"name_{code}") for code in ("en", "es", "fr", "pt")}


def _results(activity, project: Project) -> None:
    for result in project.results.all():
        indicators = list(result.indicators.all())
        if not indicators:  # the schema needs at least one indicator per result
            continue
        element = ET.SubElement(activity, "result",
                                {"type": result.kind, "aggregation-status": "0"})
        _narratives(element, "title", _names(result))
        for indicator in indicators:
            attrs = {"measure": indicator.measure,
                     "ascending": "1" if indicator.ascending else "0"}
            ind = ET.SubElement(element, "indicator", attrs)
            _narratives(ind, "title", _names(indicator))
            ET.SubElement(ind, "baseline", {"year": str(indicator.baseline_year),
                                            "value": str(indicator.baseline_value)})
            by_period = defaultdict(list)
            for actual in indicator.actuals.all():
                by_period[(actual.report.period_start, actual.report.period_end)].append(actual)
            for (start, end), actuals in sorted(by_period.items()):
                period = ET.SubElement(ind, "period")
                ET.SubElement(period, "period-start", {"iso-date": start.isoformat()})
                ET.SubElement(period, "period-end", {"iso-date": end.isoformat()})
                ET.SubElement(period, "target", {"value": str(indicator.target_value)})
                for actual in actuals:
                    value = ET.SubElement(period, "actual", {"value": str(actual.value)})
                    if actual.sex:
                        ET.SubElement(value, "dimension", {"name": "sex", "value": actual.sex})
                    if actual.population_group:
                        ET.SubElement(value, "dimension", {
                            "name": "population group", "value": actual.population_group.slug,
                        })


def activities_xml(projects=None) -> bytes:
    """The ``<iati-activities>`` document of ``projects`` (default: every published one)."""
    projects = published_projects() if projects is None else projects
    root = ET.Element("iati-activities", {
        "version": "2.03",
        "generated-datetime": timezone.now().replace(microsecond=0).isoformat(),
    })
    for project in _load(projects):
        _activity(root, project)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


