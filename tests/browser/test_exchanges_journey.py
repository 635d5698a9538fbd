"""The core journey of a peer exchange in real browsers, each person in their own language:
a focal point in Peru files a request (Spanish) → the secretariat reviews and approves it
(English) → a focal point in Brazil offers (Portuguese) → the requester accepts → the exchange
runs → both sides report.
"""

import re

from django.utils.functional import empty

import pytest
from playwright.sync_api import expect

from cms.accounts import roles
from exchanges.models import ExchangeRequest, Report, State, private_storage
from tests.exchanges import documents
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sequences_after_restore(transactional_db):
    """Serialized rollback re-inserts the migrations' rows with their ids but leaves PostgreSQL's
    sequences at 1, so the next page created would collide with the root page; move them on."""
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture
def attachments_dir(settings, tmp_path):
    settings.EXCHANGES_ATTACHMENT_ROOT = tmp_path
    private_storage._wrapped = empty
    yield tmp_path
    private_storage._wrapped = empty


def log_in(new_page, email, language, locale):
    page = new_page(locale=locale)
    page.goto(f"/{language}/accounts/login/")
    page.locator("main input[name=login]").fill(email)
    page.locator("main input[name=password]").fill("Correct-horse-2026")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/(?!accounts/login).*"))
    return page


def test_request_review_offer_accept_report(
    sequences_after_restore, new_page, home_pages, attachments_dir
):
    midis = AgencyFactory(
        name="Ministerio de Desarrollo e Inclusión Social",
        acronym="MIDIS",
        country=CountryFactory(code="PE", name_en="Peru", name_es="Perú"),
    )
    mds = AgencyFactory(
        name="Ministério do Desenvolvimento Social",
        acronym="MDS",
        country=CountryFactory(code="BR", name_en="Brazil", name_pt="Brasil"),
    )
    lucia = focal_point_for(midis, email="lucia@midis.example", preferred_language="es")
    joao = focal_point_for(mds, email="joao@mds.example", preferred_language="pt")
    # She works on the public pages only (the admin would ask for her second factor).
    UserFactory(email="sofia@secretariat.example", roles=[roles.SECRETARIAT], second_factor=False)

    # 1. Lucía files the request in Spanish, with an attachment, and submits it.
    requester = log_in(new_page, lucia.email, "es", "es-PE")
    requester.goto("/es/exchanges/new/")
    requester.get_by_label("Título").fill("Focalizar transferencias monetarias")
    requester.get_by_label("El problema").fill("Las transferencias no llegan a los más pobres.")
    requester.get_by_label("Lo que necesita").fill("Conocer un registro social de hogares.")
    requester.get_by_label("Objetivos").fill("Diseñar un modelo de focalización.")
    requester.get_by_label("Resultados esperados").fill("Un piloto en dos regiones.")
    requester.get_by_label("Inicio propuesto").fill("2026-03-01")
    requester.get_by_label("Fin propuesto").fill("2026-03-10")
    requester.get_by_label("Modalidad").select_option("study_visit")
    requester.locator("input[name=attachment]").set_input_files(
        files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": documents.PDF}]
    )
    requester.get_by_role("button", name="Guardar y enviar").click()
    requester.wait_for_url(re.compile(r".*/es/exchanges/\d+/$"))
    expect(requester.get_by_test_id("state")).to_have_text("Enviada")
    expect(requester.get_by_role("link", name="plan.pdf")).to_be_visible()
    req = ExchangeRequest.objects.get()
    url = f"/exchanges/{req.pk}/"

    # 2. The secretariat starts the review, fills the rubric and approves, open to offers.
    secretariat = log_in(new_page, "sofia@secretariat.example", "en", "en-US")
    secretariat.goto(f"/en{url}")
    secretariat.get_by_role("button", name="Start the review").click()
    expect(secretariat.get_by_test_id("state")).to_have_text("Under review")
    for criterion in ("Relevance", "Clarity", "Commitment of both parties", "Feasibility"):
        secretariat.get_by_label(criterion, exact=False).first.select_option("4")
    secretariat.get_by_role("button", name="Record the review").click()
    expect(secretariat.get_by_role("status")).to_have_text("The review was recorded.")
    secretariat.get_by_label("Open to offers from other agencies").check()
    secretariat.get_by_role("button", name="Approve").click()
    expect(secretariat.get_by_test_id("state")).to_have_text("Approved")

    # 3. João, in Brazil, sees the open call and offers in Portuguese.
    provider = log_in(new_page, joao.email, "pt", "pt-BR")
    provider.goto(f"/pt{url}")
    provider.get_by_label("O que você pode oferecer").fill("O Cadastro Único faz isso há anos.")
    provider.get_by_role("button", name="Enviar a oferta").click()
    expect(provider.get_by_role("status")).to_have_text("Sua oferta foi enviada.")

    # 4. Lucía accepts the offer.
    requester.goto(f"/es{url}")
    requester.get_by_role("button", name=f"Aceptar la oferta de {mds.name}").click()
    expect(requester.get_by_test_id("state")).to_have_text("Oferente asignado")

    # 5. The secretariat confirms the schedule; the exchange runs and is completed.
    secretariat.goto(f"/en{url}")
    for action, state in (
        ("Confirm the schedule", "Scheduled"),
        ("Mark as started", "In progress"),
        ("Mark as completed", "Completed"),
    ):
        secretariat.get_by_role("button", name=action).click()
        expect(secretariat.get_by_test_id("state")).to_have_text(state)

    # 6. Both sides report, each in their language.
    for page, language, labels, button in (
        (
            requester,
            "es",
            ("Actividades realizadas", "Participantes", "Resultados", "Próximos pasos"),
            "Presentar el informe",
        ),
        (
            provider,
            "pt",
            ("Atividades realizadas", "Participantes", "Resultados", "Próximos passos"),
            "Enviar o relatório",
        ),
    ):
        page.goto(f"/{language}{url}report/")
        for label in labels:
            page.get_by_label(label, exact=False).first.fill(f"{label}: texto do relatório.")
        page.get_by_role("button", name=button).click()
        page.wait_for_url(re.compile(rf".*/{language}{url}$"))
    expect(provider.get_by_test_id("state")).to_have_text("Relatórios entregues")
    assert Report.objects.filter(request=req).count() == 2
    req.refresh_from_db()
    assert req.state == State.REPORTS_SUBMITTED
    assert req.transitions.count() == 8  # submit … reports in
