"""A published project with pages in four languages, partners, budget, results and reports."""

import datetime
from decimal import Decimal

from cms.accounts import roles
from projects import services
from projects.enums import OrganisationRole
from projects.workflow import PROJECTS, REPORTS
from tests.factories import CountryFactory, ThemeFactory, UserFactory, focal_point_for
from tests.factories.projects import (
    OrganisationFactory,
    ProjectFactory,
    ProjectPageFactory,
    add_budget,
    add_funder,
    add_indicator,
)


def published_project(indexes, *, n=0, secretariat=None, languages=("en", "es", "fr", "pt")):
    secretariat = secretariat or UserFactory(roles=[roles.SECRETARIAT])
    project = ProjectFactory(code=f"2026-labour-{n}", countries=[CountryFactory(),
                                                              CountryFactory()])
    project.themes.set([ThemeFactory(slug="labour-inspection"),
                        ThemeFactory(slug="social-protection")])
    project.save()
    funder = OrganisationFactory(name_en=f"Donor {n}", iati_identifier=f"XM-DAC-4130{n % 10}")
    add_funder(project, funder)
    add_funder(project, OrganisationFactory(), OrganisationRole.IMPLEMENTING)
    add_budget(project, year=2026, currency="USD", amount_minor=12_345_67, source=funder)
    add_budget(project, year=2026, currency="EUR", amount_minor=500_000_00, source=funder)
    add_budget(project, year=2027, currency="CLP", amount_minor=90_000_000, source=funder)
    indicator = add_indicator(project, by_sex=True)
    for action in ("start_design", "approve", "start"):
        project = PROJECTS.transition(project, action, by=secretariat)
    lead = focal_point_for(project.lead_agency)
    report = services.report_save(
        project=project, by=lead, agency_id=project.lead_agency_id,
        period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2026, 6, 30),
        narrative="Forty inspectors trained.",
    )
    services.indicator_actual_record(report=report, indicator=indicator, by=lead,
                                     value=Decimal("40"))
    services.indicator_actual_record(report=report, indicator=indicator, by=lead,
                                     value=Decimal("25"), sex="female")
    REPORTS.transition(report, "submit", by=lead)
    REPORTS.transition(report, "accept", by=secretariat)
    pages = {}
    for code in languages:
        pages[code] = ProjectPageFactory(
            parent=indexes[code], project=project, slug=f"labour-{n}",
            title=f"Labour inspection {n} ({code})",
            translation_key=pages["en"].translation_key if code != "en" else None,
        ) if code != "en" else ProjectPageFactory(
            parent=indexes[code], project=project, slug=f"labour-{n}",
            title=f"Labour inspection {n} ({code})",
        )
    project.refresh_from_db()
    project.pages_by_language = pages
    project.lead = lead
    return project
