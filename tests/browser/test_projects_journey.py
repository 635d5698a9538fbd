"""Projects in real browsers: a focal point in Peru sends a concept note (Spanish) → the
secretariat reviews it with the rubric and approves it into design (English) → approves and
starts the project → the focal point writes the first progress report → the secretariat accepts
it. Then the public list and a project page are axe-clean in four languages."""

import re

import pytest
from playwright.sync_api import expect

from cms.accounts import roles
from projects.enums import ProposalState, ReportState, Status
from projects.models import Indicator, Project, Proposal, Result
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for
from tests.factories.projects import project_indexes
from tests.projects.builders import published_project

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sequences_after_restore(transactional_db):
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


def log_in(new_page, email, language, locale):
    page = new_page(locale=locale)
    page.goto(f"/{language}/accounts/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill("Correct-horse-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/(?!accounts/login).*"))
    return page


def test_concept_note_to_approved_project_with_its_first_report(
    sequences_after_restore, new_page, home_pages
):
    peru = CountryFactory(code="PE", name_en="Peru", name_es="Perú")
    CountryFactory(code="BO", name_en="Bolivia", name_es="Bolivia")
    midis = AgencyFactory(name="Ministerio de Desarrollo e Inclusión Social", acronym="MIDIS",
                          country=peru)
    lucia = focal_point_for(midis, email="lucia@midis.example", preferred_language="es")
    UserFactory(email="sofia@secretariat.example", roles=[roles.SECRETARIAT], second_factor=False)

    # 1. Lucía sends a concept note in Spanish.
    proposer = log_in(new_page, lucia.email, "es", "es-PE")
    proposer.goto("/es/projects/proposals/new/")
    proposer.get_by_label("Título").fill("Datos de discapacidad en el registro de hogares")
    proposer.get_by_label("Modalidad").select_option("bilateral_oas")
    proposer.get_by_label("Problema que se busca resolver").fill(
        "El registro no identifica a las personas con discapacidad.")
    proposer.get_by_label("Objetivos").fill("Incluir preguntas del Grupo de Washington.")
    proposer.get_by_label("Perú").check()
    proposer.get_by_label("Bolivia").check()
    proposer.get_by_label("Presupuesto estimado").fill("95000.50")
    proposer.get_by_label("Duración en meses").fill("18")
    proposer.get_by_role("button", name="Enviar a la secretaría").click()
    expect(proposer.get_by_test_id("state")).to_have_text("Enviada")
    proposal = Proposal.objects.get()
    assert proposal.estimated_budget_minor == 9_500_050

    # 2. Sofía reviews it in English: starts the review, scores the rubric, approves.
    secretary = log_in(new_page, "sofia@secretariat.example", "en", "en-US")
    secretary.goto(f"/en/projects/proposals/{proposal.pk}/")
    secretary.get_by_role("button", name="Start the review").click()
    expect(secretary.get_by_test_id("state")).to_have_text("Under review")
    for criterion in ("Relevance to the region", "Feasibility", "Sustainability",
                      "Inclusion of groups in vulnerable situations"):
        secretary.get_by_role("group", name=criterion).get_by_label("4").check()
    secretary.get_by_role("button", name="Record the review").click()
    secretary.get_by_role("button", name="Approve into design").click()
    expect(secretary.get_by_test_id("state")).to_have_text("Approved into design")
    project = Project.objects.get(proposal=proposal)
    assert project.status == Status.IN_DESIGN

    # An editor adds the results framework in the admin (here: directly).
    result = Result.objects.create(project=project, kind="2", name_en="Registry covers disability",
                                   name_es="El registro cubre la discapacidad")
    Indicator.objects.create(result=result, name_en="Officials trained",
                             name_es="Funcionarios capacitados", baseline_year=2025,
                             target_value=100)

    # 3. Sofía approves the project and starts it from its working space.
    secretary.get_by_role("link", name=project.title).click()
    secretary.get_by_role("button", name="Approve the project").click()
    expect(secretary.get_by_test_id("status")).to_have_text("Approved")
    secretary.get_by_role("button", name="Start implementation").click()
    expect(secretary.get_by_test_id("status")).to_have_text("In implementation")

    # 4. Lucía writes and submits the first progress report.
    proposer.goto(f"/es/projects/workspace/{project.code}/")
    proposer.get_by_role("link", name="Redactar un informe de avance").click()
    proposer.get_by_label("Inicio del período").fill("2026-01-01")
    proposer.get_by_label("Fin del período").fill("2026-06-30")
    proposer.get_by_label("Avances del período").fill("Se capacitó a 40 funcionarios.")
    proposer.get_by_label("Funcionarios capacitados — total").fill("40")
    proposer.get_by_role("button", name="Enviar a la secretaría").click()
    expect(proposer.get_by_test_id("state")).to_have_text("Enviado")

    # 5. Sofía accepts it.
    report = project.reports.get()
    secretary.goto(f"/en/projects/reports/{report.pk}/")
    secretary.get_by_role("button", name="Accept").click()
    expect(secretary.get_by_test_id("state")).to_have_text("Accepted")
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    assert proposal.transitions.count() == 3 and project.transitions.count() == 3
    assert Proposal.objects.get().state == ProposalState.APPROVED


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_list_and_project_page_are_axe_clean(sequences_after_restore, new_page, home_pages,
                                            axe_violations, language):
    indexes = project_indexes(home_pages)
    published_project(indexes, n=1)
    page = new_page(locale=language)
    for path in (f"/{language}/projects/", f"/{language}/projects/labour-1/"):
        page.goto(path)
        assert axe_violations(page) == [], path
    page.set_viewport_size({"width": 320, "height": 800})
    for path in (f"/{language}/projects/", f"/{language}/projects/labour-1/"):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} scrolls sideways at 320 px ({width})"
