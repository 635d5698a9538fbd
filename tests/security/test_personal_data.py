"""Issue 16, point 9: a person downloads everything Puente holds about them and deletes their
account; messages stay anonymised, certificates stay verifiable, exchanges keep their agency."""

import json
from decimal import Decimal

from django.urls import reverse

import pytest

from cms.accounts import personal_data
from courses import services
from courses.models import Certificate, Enrolment
from exchanges.models import State
from rooms.models import Message
from rooms.serializers import serialize_message
from tests.factories import UserFactory, focal_point_for
from tests.factories.exchanges import request_in
from tests.factories.rooms import MessageFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Correct-horse-2026"


@pytest.fixture
def person(cohort, agency):
    person = focal_point_for(agency, first_name="Rosalind", last_name="Private")
    person.set_password(PASSWORD)
    person.save()
    services.enrolment_create(user=person, cohort=cohort)
    certificate = services.certificate_issue(
        user=person, kind=Certificate.Kind.COMPLETION, course=cohort.course, hours=Decimal(12)
    )
    message = MessageFactory(author=person, body="My words in a room")
    exchange = request_in(State.DRAFT, requesting_agency=agency, created_by=person)
    return {"user": person, "certificate": certificate, "message": message, "exchange": exchange}


def test_every_domain_registers_a_section():
    assert {"account", "courses", "exchanges", "rooms"} <= set(personal_data.registered())


def test_download_holds_everything_about_the_person(client, person):
    client.force_login(person["user"])
    response = client.get(reverse("personal_data_download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    sections = data["sections"]
    assert sections["account"]["email"] == person["user"].email
    assert sections["courses"]["certificates"][0]["code"] == person["certificate"].code
    assert len(sections["courses"]["enrolments"]) == 1
    assert sections["rooms"]["messages"][0]["body"] == "My words in a room"
    assert sections["exchanges"]["requests_created"][0]["pk"] == person["exchange"].pk


def test_download_and_delete_need_a_login(client):
    for name in ("personal_data_download", "account_delete"):
        assert client.get(reverse(name)).status_code == 302


def test_profile_links_to_download_and_delete(client, person):
    client.force_login(person["user"])
    html = client.get(reverse("profile")).content.decode()
    assert reverse("personal_data_download") in html and reverse("account_delete") in html


def test_wrong_password_deletes_nothing(client, person):
    client.force_login(person["user"])
    response = client.post(reverse("account_delete"), {"password": "not-it"})
    assert response.status_code == 200 and response.context["form"].errors
    person["user"].refresh_from_db()
    assert person["user"].is_active and person["user"].first_name == "Rosalind"


def test_delete_erases_the_person_and_keeps_what_others_rely_on(client, person):
    user = person["user"]
    client.force_login(user)
    response = client.post(reverse("account_delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert not user.is_active and not user.has_usable_password()
    assert "Rosalind" not in str(user) and "Private" not in str(user)
    assert not user.agency_claims.exists()
    assert not Enrolment.objects.filter(user=user).exists()
    # The room keeps the message, without the name.
    message = Message.objects.get(pk=person["message"].pk)
    assert message.body == "My words in a room"
    assert "Rosalind" not in json.dumps(serialize_message(message))
    # The certificate is still verifiable, without the name.
    page = client.get(f"/certificates/{person['certificate'].code}/")
    assert page.status_code == 200 and "Rosalind" not in page.content.decode()
    # The exchange keeps its agency.
    person["exchange"].refresh_from_db()
    assert person["exchange"].requesting_agency_id is not None
    assert person["exchange"].created_by_id is None
    # And nobody signs in as them again.
    assert not client.login(email=user.email, password=PASSWORD)
    other = UserFactory()
    assert other.is_active
