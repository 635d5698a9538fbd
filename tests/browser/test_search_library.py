"""The experience library in a real browser, in Spanish: search, facet, remove the filter."""

import pytest
from playwright.sync_api import expect

from tests.factories import AgencyFactory, CountryFactory, ThemeFactory
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_filter_and_remove_chip(new_page, home_pages):
    library = ExperienceIndexPageFactory(
        parent=home_pages["es"], locale=home_pages["es"].locale, title="Experiencias"
    )
    theme = ThemeFactory(slug="cash-transfers", name_en="Cash transfers", name_es="Transferencias")
    for code, name, title in (
        ("CO", "Colombia", "Focalización con el Sisbén"),
        ("BR", "Brasil", "Focalización con el Cadastro Único"),
    ):
        country = CountryFactory(code=code, name_en=name, name_es=name)
        page = ExperiencePageFactory(
            parent=library, locale=library.locale, title=title, country=country,
            agency=AgencyFactory(country=country), themes=[theme], original_language="es",
            summary="Focalización de transferencias con un registro social.",
        )
        page.save_revision().publish()

    page = new_page(locale="es-PE")
    page.goto("/es/experiences/")
    page.get_by_role("searchbox", name="Buscar experiencias").fill("focalizacion")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page.get_by_role("heading", name="2 experiencias")).to_be_visible()
    assert page.locator("mark").first.inner_text().lower() == "focalización"

    page.get_by_label("Colombia (1)").check()
    page.get_by_role("button", name="Aplicar filtros").click()
    expect(page.get_by_role("heading", name="1 experiencia")).to_be_visible()
    expect(page.get_by_role("link", name="Focalización con el Sisbén")).to_be_visible()

    page.get_by_role("list", name="Filtros activos").get_by_role("link", name="Colombia").click()
    expect(page.get_by_role("heading", name="2 experiencias")).to_be_visible()
