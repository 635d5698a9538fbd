"""Smoke test in a real browser: the Spanish home page, then logging in."""

import pytest
from playwright.sync_api import expect

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_in_spanish_and_login(new_page, home_pages):
    UserFactory(email="lucia@midis.example", first_name="Lucía", last_name="Quispe",
                preferred_language="es")
    page = new_page(locale="es-PE")

    page.goto("/")
    assert page.url.endswith("/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("link", name="Saltar al contenido principal").count() == 1

    page.get_by_role("link", name="Iniciar sesión").click()
    page.get_by_label("Correo electrónico").fill("lucia@midis.example")
    page.get_by_label("Contraseña").fill("Correct-horse-2026")
    page.get_by_role("button", name="Iniciar sesión").click()

    page.wait_for_url("**/es/")
    account = page.get_by_role("navigation", name="Su cuenta")
    expect(account.get_by_role("link", name="Lucía Quispe")).to_be_visible()
    expect(account.get_by_role("button", name="Cerrar sesión")).to_be_visible()


def test_wrong_password_shows_an_error_in_the_page_language(new_page, home_pages):
    UserFactory(email="joao@mds.example")
    page = new_page(locale="pt-BR")
    page.goto("/pt/accounts/login/")
    page.get_by_label("E-mail").fill("joao@mds.example")
    page.get_by_label("Senha").fill("wrong-password")
    page.get_by_role("button", name="Entrar").click()
    # The click submits the form: wait for the answer page, not the page being left.
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.url.endswith("/pt/accounts/login/")
