from django.core.exceptions import PermissionDenied

import pytest

from cms.accounts import roles
from exchanges import services
from exchanges.models import State
from tests.factories import UserFactory, focal_point_for
from tests.factories.exchanges import request_in
from tests.factories.experiences import ExperienceIndexPageFactory

pytestmark = pytest.mark.django_db


def test_closed_exchange_becomes_a_draft_experience_page(home_pages, client):
    ExperienceIndexPageFactory(parent=home_pages["en"], locale=home_pages["en"].locale)
    req = request_in(State.CLOSED)
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    with pytest.raises(PermissionDenied):
        services.experience_draft_create(req=req, by=focal_point_for(req.requesting_agency))
    page = services.experience_draft_create(req=req, by=secretariat)
    assert not page.live
    assert page.agency == req.provider_agency
    assert "A model" in page.results  # from the reports
    req.refresh_from_db()
    assert req.experience_page_id == page.pk
    with pytest.raises(PermissionDenied):  # only once
        services.experience_draft_create(req=req, by=secretariat)


def test_experience_button_through_the_view(home_pages, client):
    ExperienceIndexPageFactory(parent=home_pages["en"], locale=home_pages["en"].locale)
    req = request_in(State.CLOSED)
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    response = client.post(f"/en/exchanges/{req.pk}/experience/")
    req.refresh_from_db()
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{req.experience_page_id}/edit/"
