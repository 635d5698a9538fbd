
from django.test import Client

import pytest

from tests.factories import StandardPageFactory


def test_site_search_covers_pages_of_every_type(
    client, home_pages, publish, django_capture_on_commit_callbacks
):
    experience = publish(title="Cuidados de largo plazo", summary="Sistema de cuidados")
    with django_capture_on_commit_callbacks(execute=True):
        page = StandardPageFactory(
            parent=home_pages["en"], title="About care systems", intro="Our care work"
        )
        page.save_revision().publish()
    response = Client().get("/en/search/", {"q": "care"})
    ids = {h.page_id for h in response.context["results"].hits}
    assert page.pk in ids
    response = Client().get("/en/search/", {"q": "cuidados"})
    assert {h.page_id for h in response.context["results"].hits} == {experience.pk}
    assert Client().get("/en/search/", {"q": "x" * 10001}).status_code == 400


def test_header_links_to_site_search_for_everyone(client, home_pages):
    response = client.get("/pt/search/")
    assert response.status_code == 200
    assert 'href="/pt/search/"' in response.content.decode()



@pytest.mark.parametrize("page", ["0", "abc", "1001", "-3"])
def test_site_search_refuses_a_bad_page_number_with_a_400(client, home_pages, page):
    response = client.get("/en/search/", {"q": "care", "page": page})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
