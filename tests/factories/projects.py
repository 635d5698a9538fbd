"""Factories for projects: organisations, records with budgets and results, pages per language,
concept notes brought to a state through the real workflow."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from cms.accounts import roles
from projects import services
from projects.enums import Modality, OrganisationRole, OrganisationType, ResultKind
from projects.models import (
    BudgetLine,
    Indicator,
    Organisation,
    Participation,
    Project,
    ProjectIndexPage,
    ProjectPage,
    Result,
)
from projects.workflow import PROPOSALS
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_en = factory.Sequence(lambda n: f"Foundation {n}")
    name_es = factory.Sequence(lambda n: f"Fundación {n}")
    org_type = OrganisationType.FOUNDATION
    country_code = "US"


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"2026-project-{n}")
    title = factory.Sequence(lambda n: f"Project {n}")
    modality = Modality.REGIONAL
    lead_agency = factory.SubFactory(AgencyFactory)
    planned_start = datetime.date(2026, 1, 1)
    planned_end = datetime.date(2027, 12, 31)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create:
            self.countries.set(extracted or [self.lead_agency.country])
            self.save()


def add_budget(project, *, year=2026, currency="USD", amount_minor=1_500_000, source=None):
    return BudgetLine.objects.create(
        project=project, year=year, currency=currency, amount_minor=amount_minor,
        source=source or OrganisationFactory(),
    )


def add_indicator(project, *, kind=ResultKind.OUTCOME, by_sex=False, target="100", name=None):
    result = Result.objects.create(project=project, kind=kind, name_en="Better services",
                                   name_es="Mejores servicios")
    return Indicator.objects.create(
        result=result, name_en=name or "Officials trained", name_es="Funcionarios capacitados",
        unit="people", baseline_year=2025, baseline_value=Decimal("0"),
        target_value=Decimal(target), by_sex=by_sex,
    )


def add_funder(project, organisation=None, role=OrganisationRole.FUNDING):
    return Participation.objects.create(
        project=project, organisation=organisation or OrganisationFactory(), role=role
    )


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projects"
    slug = "projects"


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Project page {n}")
    project = factory.SubFactory(ProjectFactory)
    summary = "Strengthening labour inspection in three countries."
    description = "<p>Peer learning between inspectorates.</p>"
    objectives = "<ul><li>Train inspectors</li></ul>"


def project_indexes(home_pages) -> dict:
    """The projects list under each language's home, sharing one translation key."""
    indexes = {"en": ProjectIndexPageFactory(parent=home_pages["en"])}
    for code in ("es", "fr", "pt"):
        indexes[code] = ProjectIndexPageFactory(
            parent=home_pages[code], title=f"Projects {code}",
            translation_key=indexes["en"].translation_key,
        )
    return indexes


def proposal_in(state: str, *, agency=None, proposer=None, secretariat=None, **kwargs):
    """A concept note brought to ``state`` through the workflow as the real people would."""
    agency = agency or AgencyFactory()
    proposer = proposer or focal_point_for(agency)
    secretariat = secretariat or UserFactory(roles=[roles.SECRETARIAT])
    data = {
        "title": "Labour inspection for rural workers", "modality": Modality.BILATERAL_FACILITATED,
        "problem": "Few inspections reach farms.", "objectives": "Design risk-based planning.",
        "countries": [agency.country, CountryFactory()], "partners": "Ministry of Labour",
        "estimated_budget_minor": 25_000_000, "currency": "USD", "duration_months": 18,
        **kwargs,
    }
    proposal = services.proposal_save(by=proposer, agency=agency, submit=state != "draft",
                                      **data)
    steps = {
        "under_review": ["start_review"],
        "changes_requested": ["start_review", "request_changes"],
        "approved": ["start_review", "review", "approve"],
        "declined": ["start_review", "decline"],
    }.get(state, [])
    for step in steps:
        if step == "review":
            services.proposal_review_record(proposal=proposal, by=secretariat, relevance=5,
                                            feasibility=4, sustainability=4, inclusion=5)
            continue
        comment = "Please add a budget." if step in ("request_changes", "decline") else ""
        proposal = PROPOSALS.transition(proposal, step, by=secretariat, comment=comment)
    proposal.proposer, proposal.secretary = proposer, secretariat
    return proposal
