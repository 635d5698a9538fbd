"""A network's membership journey in real browsers: an agency's focal point asks to join (Spanish),
the secretariat approves (English), and the network page and the country profile show the new
member. Then the network page, a country profile and the data catalogue are axe-clean in four
languages, and fit a 320 px screen."""

import re

import pytest
from playwright.sync_api import expect

from cms.accounts import roles
from tests.factories import (
    AgencyFactory,
    CountryFactory,
    NetworkFactory,
    UserFactory,
    focal_point_for,
)
from tests.factories.networks import NetworkProfileFactory, member_of

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


@pytest.fixture
def network(sequences_after_restore, home_pages):
    network = NetworkFactory(
        slug="iaspn", acronym="IASPN", name_en="Inter-American Social Protection Network",
        name_es="Red Interamericana de Protección Social",
        name_fr="Réseau interaméricain de protection sociale",
        name_pt="Rede Interamericana de Proteção Social",
    )
    NetworkProfileFactory(network=network)
    brazil = AgencyFactory(name="Ministério do Desenvolvimento Social", acronym="MDS",
                           country=CountryFactory(code="BR", name_en="Brazil", name_pt="Brasil"))
    member_of(network, brazil)
    return network


def test_focal_point_asks_secretariat_approves_pages_show_member(network, new_page):
    midis = AgencyFactory(
        name="Ministerio de Desarrollo e Inclusión Social", acronym="MIDIS",
        country=CountryFactory(code="PE", name_en="Peru", name_es="Perú"),
    )
    focal_point_for(midis, email="lucia@midis.example", preferred_language="es")
    UserFactory(email="sofia@secretariat.example", roles=[roles.SECRETARIAT], second_factor=False)

    lucia = log_in(new_page, "lucia@midis.example", "es", "es-PE")
    lucia.goto("/es/networks/iaspn/")
    lucia.get_by_role("link", name="Solicitar el ingreso a esta red").click()
    lucia.get_by_label("¿Por qué su organismo desea unirse? (opcional)").fill(
        "Queremos aprender de los registros sociales de la región.")
    lucia.get_by_role("button", name="Enviar la solicitud").click()
    expect(lucia.get_by_text("Su solicitud se envió a la secretaría.")).to_be_visible()

    sofia = log_in(new_page, "sofia@secretariat.example", "en", "en-US")
    sofia.goto("/en/networks/iaspn/members/")
    sofia.get_by_role("button", name="Approve Ministerio de Desarrollo e Inclusión Social").click()
    expect(sofia.get_by_text("Done: Approve")).to_be_visible()

    visitor = new_page(locale="en-US")
    visitor.goto("/en/networks/iaspn/")
    expect(visitor.get_by_role("heading", name="Peru")).to_be_visible()
    expect(visitor.get_by_text("Ministerio de Desarrollo e Inclusión Social")).to_be_visible()
    visitor.goto("/en/countries/pe/")
    networks = visitor.locator("#section-networks")
    link = networks.get_by_role("link", name="Inter-American Social Protection Network")
    expect(link).to_be_visible()


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt"])
def test_pages_are_accessible_in_four_languages(network, new_page, axe_violations, language):
    page = new_page(locale=language)
    for path in (f"/{language}/networks/iaspn/", f"/{language}/countries/br/",
                 f"/{language}/data/", f"/{language}/countries/"):
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(path)
        assert axe_violations(page) == [], path
        page.set_viewport_size({"width": 320, "height": 640})
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (path, width)
