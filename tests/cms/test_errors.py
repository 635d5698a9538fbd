"""Issue 17.16 and 17.12: the 403 page, flash messages' markup and the home page's title."""

import pytest

TRANSLATED = {
    "en": "You do not have permission to open this page.",
    "es": "Usted no tiene permiso para abrir esta página.",
    "fr": "Vous n’avez pas l’autorisation d’ouvrir cette page.",
    "pt": "Você não tem permissão para abrir esta página.",
}


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "es", "fr", "pt"])
def test_403_is_translated_inside_the_layout(client, home_pages, learner, code):
    client.force_login(learner)
    response = client.get(f"/{code}/exchanges/open/")
    html = response.content.decode()
    assert response.status_code == 403
    assert f'<html lang="{code}">' in html and 'id="main"' in html
    assert TRANSLATED[code] in html


@pytest.mark.django_db
def test_flash_messages_are_a_plain_list_inside_a_status_region(client, home_pages, learner):
    client.force_login(learner)
    client.post("/en/accounts/logout/")
    html = client.get("/en/").content.decode()
    assert '<ul class="messages" role="status">' not in html
    assert '<div role="status">\n        <ul class="messages">' in html


@pytest.mark.django_db
def test_home_page_title_does_not_repeat_the_site_name(client, home_pages):
    html = client.get("/es/").content.decode()
    assert "Puente · Puente" not in html
    assert "<title>Puente · Aprendizaje" in html
