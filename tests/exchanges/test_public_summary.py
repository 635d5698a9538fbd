"""Issue 17.18 (and 17.12's language names): population groups on the page and in the API; a
party evaluation is not offered again; each completed exchange has a public summary page,
linked from the public list, and the list is in the navigation of signed-out visitors."""

from django.urls import reverse

import pytest

from exchanges.models import State
from tests.factories import PopulationGroupFactory, focal_point_for
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db


def test_population_groups_and_language_names_on_page_and_api(client):
    req = request_in(State.SUBMITTED, languages=["es", "pt"])
    req.population_groups.add(PopulationGroupFactory(name_en="Older persons"))
    client.force_login(focal_point_for(req.requesting_agency))
    html = client.get(reverse("exchanges:detail", args=[req.pk])).content.decode()
    assert "Older persons" in html
    assert "Spanish, Portuguese" in html and "es, pt" not in html
    data = client.get(f"/api/exchanges/{req.pk}").json()
    assert data["population_groups"] == ["Older persons"] and data["languages"] == ["es", "pt"]
    listing = client.get("/api/exchanges/").json()
    assert listing[0]["population_groups"] == ["Older persons"]


def test_party_evaluation_is_not_offered_after_it_was_given(client):
    req = request_in(State.COMPLETED)
    client.force_login(focal_point_for(req.requesting_agency))
    url = reverse("exchanges:evaluate", args=[req.pk, "party"])
    detail = reverse("exchanges:detail", args=[req.pk])
    assert url in client.get(detail).content.decode()
    client.post(url, {"satisfaction": 4, "usefulness": 5})
    assert url not in client.get(detail).content.decode()
    assert client.get(url).status_code == 404


def test_completed_exchange_has_a_public_summary_page(client):
    req = request_in(State.COMPLETED, publish_summary=True, summary="Shared the registry.")
    hidden = request_in(State.COMPLETED, publish_summary=False)
    summary = reverse("exchanges:public_summary", args=[req.pk])
    listing = client.get(reverse("exchanges:public_list")).content.decode()
    assert f'href="{summary}"' in listing
    page = client.get(summary)
    assert page.status_code == 200 and "Shared the registry." in page.content.decode()
    assert client.get(reverse("exchanges:public_summary", args=[hidden.pk])).status_code == 404
    ongoing = request_in(State.SUBMITTED, publish_summary=True)
    assert client.get(reverse("exchanges:public_summary", args=[ongoing.pk])).status_code == 404


def test_public_list_is_in_the_navigation_of_signed_out_visitors(client, home_pages):
    html = client.get("/es/").content.decode()
    assert 'href="/es/exchanges/"' in html
    assert "Intercambios completados" in html
