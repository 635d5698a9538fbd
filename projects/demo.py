"""Demo cooperation projects (projects/demo_data.py): organisations with their real IATI
identifiers, eight illustrative projects across the four modalities with pages in four
languages, budgets, results, a progress report and links to demo courses and exchanges.
Safe to run twice."""

import datetime
from decimal import Decimal

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Locale

from cms.accounts.models import User
from cms.directory.models import Agency, Country, PopulationGroup, Theme
from cms.pages.models import HomePage

from . import demo_data, services
from .models import (
    ActivityLink,
    BudgetLine,
    Indicator,
    Organisation,
    Participation,
    Project,
    ProjectIndexPage,
    ProjectPage,
    Result,
)
from .workflow import PROJECTS, REPORTS

LANGUAGES = ("en", "es", "fr", "pt")
PATH = {
    "concept": [],
    "in_design": ["start_design"],
    "approved": ["start_design", "approve"],
    "in_implementation": ["start_design", "approve", "start"],
    "completed": ["start_design", "approve", "start", "complete"],
    "evaluated": ["start_design", "approve", "start", "complete", "evaluate"],
}


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _indexes() -> dict:
    english = HomePage.objects.get(locale__language_code="en", depth=2)
    indexes = {}
    for code in LANGUAGES:
        home = english if code == "en" else english.get_translation(
            Locale.objects.get(language_code=code))
        index = ProjectIndexPage.objects.child_of(home).first()
        if index is None:
            title, intro = demo_data.INDEX_TITLES[code]
            extra = {"translation_key": indexes["en"].translation_key} if code != "en" else {}
            index = ProjectIndexPage(title=title, slug="projects", intro=intro,
                                     locale=home.locale, show_in_menus=True, **extra)
            home.add_child(instance=index)
            index.save_revision().publish()
        indexes[code] = index
    return indexes


def _organisations() -> dict:
    by_acronym = {}
    for en, es, fr, pt, acronym, org_type, country, identifier in demo_data.ORGANISATIONS:
        organisation, _created = Organisation.objects.update_or_create(
            acronym=acronym, name_en=en,
            defaults={"name_es": es, "name_fr": fr, "name_pt": pt, "org_type": org_type,
                      "country_code": country, "iati_identifier": identifier},
        )
        by_acronym[acronym] = organisation
    return by_acronym


def _agency(country: str, acronym: str) -> Agency:
    return Agency.objects.get(country__code=country, acronym=acronym)


def _record(row, organisations, secretariat) -> Project:
    lead = _agency(*row["lead"])
    start, end = (_date(d) for d in row["planned"])
    project = Project(
        code=row["code"], title=row["texts"]["en"][0], modality=row["modality"],
        lead_agency=lead, planned_start=start, planned_end=end, illustrative=True,
        contact_email="cooperation@puente.test",
    )
    if row["status"] in ("in_implementation", "completed", "evaluated"):
        project.actual_start = start
    if row["status"] in ("completed", "evaluated"):
        project.actual_end = end
    project.save()
    project.partner_agencies.set([_agency(*p) for p in row["partners"]])
    project.countries.set(Country.objects.filter(code__in=row["countries"]))
    project.themes.set(Theme.objects.filter(slug__in=row["themes"]))
    project.population_groups.set(PopulationGroup.objects.filter(slug__in=row["groups"]))
    project.save()
    for acronym, role in row["organisations"]:
        Participation.objects.create(project=project, organisation=organisations[acronym],
                                     role=role)
    for year, currency, amount, source in row["budget"]:
        BudgetLine.objects.create(
            project=project, year=year, currency=currency, amount_minor=amount,
            source=organisations.get(source), source_agency=lead if source == "agency" else None,
        )
    indicators = {}
    for position, (kind, key, baseline, target) in enumerate(row["indicators"]):
        names = demo_data.RESULTS[kind]
        result = Result.objects.create(
            project=project, kind="2" if kind == "outcome" else "1", sort_order=position,
            **dict(zip(("name_en", "name_es", "name_fr", "name_pt"), names, strict=True)),
        )
        *labels, unit = demo_data.INDICATORS[key]
        indicators[key] = Indicator.objects.create(
            result=result, unit=unit, baseline_year=start.year - 1,
            baseline_value=Decimal(baseline), target_value=Decimal(target),
            by_sex=key == "trained",
            **dict(zip(("name_en", "name_es", "name_fr", "name_pt"), labels, strict=True)),
        )
    for action in PATH[row["status"]]:
        project = PROJECTS.transition(project, action, by=secretariat)
    if "report" in row:
        _report(project, row["report"], indicators, secretariat)
    return project


def _report(project, data, indicators, secretariat) -> None:
    focal = User.objects.filter(agency_claims__agency=project.lead_agency,
                                agency_claims__status="approved").first()
    if focal is None:
        return
    start, end = (_date(d) for d in data["period"])
    report = services.report_save(project=project, by=focal, agency_id=project.lead_agency_id,
                                  period_start=start, period_end=end,
                                  narrative=data["narrative"])
    for key, value in data["values"].items():
        services.indicator_actual_record(report=report, indicator=indicators[key], by=focal,
                                         value=Decimal(value))
    for key, value in data.get("female", {}).items():
        services.indicator_actual_record(report=report, indicator=indicators[key], by=focal,
                                         value=Decimal(value), sex="female")
    report = REPORTS.transition(report, "submit", by=focal)
    REPORTS.transition(report, "accept", by=secretariat)


def _link_activities(project, row) -> None:
    """Demo courses and exchanges, found now; skipped when those apps have none."""
    targets = []
    try:
        course_model = apps.get_model("courses", "CoursePage")
        targets += list(course_model.objects.filter(slug__in=row.get("courses", []),
                                                    locale__language_code="en"))
    except LookupError:
        pass
    try:
        exchange_model = apps.get_model("exchanges", "ExchangeRequest")
        taken = ActivityLink.objects.filter(
            content_type=ContentType.objects.get_for_model(exchange_model)
        ).values("object_id")
        targets += list(exchange_model.objects.exclude(pk__in=taken).order_by("pk")[
            : row.get("exchanges", 0)])
    except LookupError:
        pass
    for target in targets:
        ActivityLink.objects.get_or_create(
            project=project, content_type=ContentType.objects.get_for_model(target),
            object_id=target.pk,
        )


def _pages(project, row, indexes) -> None:
    english = None
    for code in LANGUAGES:
        index = indexes[code]
        if ProjectPage.objects.child_of(index).filter(project=project).exists():
            english = english or ProjectPage.objects.get(project=project, locale=index.locale)
            continue
        title, summary, description, objectives = row["texts"][code]
        page = ProjectPage(
            title=title, slug=row["code"].split("-", 1)[1], project=project, summary=summary,
            description=f"<p>{description}</p>",
            objectives="<ul>" + "".join(f"<li>{o}</li>" for o in objectives) + "</ul>",
            locale=index.locale,
            **({"translation_key": english.translation_key} if english else {}),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        english = english or page


@transaction.atomic
def seed(stdout) -> None:
    secretariat = User.objects.filter(email="secretariat@puente.test").first()
    if secretariat is None or not Country.objects.exists():
        stdout.write("projects: skipped (no directory or demo people yet)")
        return
    indexes = _indexes()
    organisations = _organisations()
    created = 0
    for row in demo_data.PROJECTS:
        project = Project.objects.filter(code=row["code"]).first()
        if project is None:
            project = _record(row, organisations, secretariat)
            _link_activities(project, row)
            created += 1
        _pages(project, row, indexes)
    stdout.write(f"projects: {created} demo projects added ({len(demo_data.PROJECTS)} in all)")
