"""The network pages: public page in four languages, working pages deny by default, joining,
deciding, leaving, announcements, consent, the activity summary and its chart."""

import re

from django.urls import reverse
from django.utils import translation

import pytest

from networks import activity
from networks.models import ContactConsent, Membership, MembershipState
from tests.factories import AgencyFactory, CountryFactory, focal_point_for
from tests.factories.networks import requested

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(f"networks:{name}", args=args)


def as_(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("lang", ["en", "es", "fr", "pt"])
def test_public_pages_in_four_languages(client, network, member_agency, lang):
    index = client.get(url("index", lang=lang))
    assert index.status_code == 200
    detail = client.get(url("detail", "iaspn", lang=lang))
    assert detail.status_code == 200
    html = detail.content.decode()
    assert getattr(network, f"name_{lang}") in html
    assert "Ministry of Social Development" in html
    assert f'lang="{lang}"' in html


def test_unknown_network_is_404(client, network):
    assert client.get(url("detail", "nope")).status_code == 404


def test_governance_is_shown(client, network, member_agency):
    html = client.get(url("detail", "iaspn")).content.decode()
    assert "OAS Department of Social Inclusion" in html
    assert "Peer learning among ministries" in html


WORKING = {
    "anonymous": 302, "learner": 403, "other_focal_point": 403, "member_focal_point": 200,
    "editor": 403, "secretariat": 200,
}


@pytest.mark.parametrize("page", ["members", "announcements", "room"])
def test_working_pages_deny_by_default(client, network, people, page):
    for role, person in people.items():
        response = as_(client, person).get(url(page, "iaspn"))
        expected = WORKING[role]
        if page == "room" and expected == 200:
            expected = 302  # redirected to the network's room
        assert response.status_code == expected, (page, role, response.status_code)


def test_staff_of_a_member_agency_sees_working_pages(client, network, staff_of):
    assert as_(client, staff_of).get(url("members", "iaspn")).status_code == 200


def test_room_link_leads_to_the_networks_room(client, network, people):
    response = as_(client, people["member_focal_point"]).get(url("room", "iaspn"))
    assert response.status_code == 302
    room = client.get(response["Location"])
    assert room.status_code == 200


def test_focal_points_named_only_with_consent(client, network, people, member_agency):
    person = people["member_focal_point"]
    person.position = "Director of cooperation"
    person.save()
    page = as_(client, people["secretariat"]).get(url("members", "iaspn")).content.decode()
    assert person.last_name not in page
    assert "Through the agency" in page
    ContactConsent.objects.create(user=person, show_name=True)
    page = client.get(url("members", "iaspn")).content.decode()
    assert person.get_full_name() in page
    assert "Director of cooperation" in page


def test_focal_points_never_on_the_public_page(client, network, people):
    person = people["member_focal_point"]
    ContactConsent.objects.create(user=person, show_name=True)
    assert person.last_name not in client.get(url("detail", "iaspn")).content.decode()


def test_consent_page_is_the_persons_own(client, people):
    person = people["member_focal_point"]
    assert client.get(url("consent")).status_code == 302
    as_(client, person)
    assert client.post(url("consent"), {"show_name": "on"}).status_code == 302
    assert ContactConsent.objects.get(user=person).show_name is True
    client.post(url("consent"), {})
    assert ContactConsent.objects.get(user=person).show_name is False


def test_join_decide_flow_through_the_pages(client, network, secretariat):
    agency = AgencyFactory(
        name="Ministerio de Desarrollo Social", country=CountryFactory(code="CL")
    )
    person = focal_point_for(agency)
    as_(client, person)
    assert "Ask to join this network" in client.get(url("detail", "iaspn")).content.decode()
    response = client.post(url("join", "iaspn"), {"agency": agency.pk, "statement": "Hello"})
    assert response.status_code == 302
    membership = Membership.objects.get(agency=agency)
    assert membership.state == MembershipState.REQUESTED
    assert "has asked to join" in client.get(url("detail", "iaspn")).content.decode()

    as_(client, secretariat)
    page = client.get(url("members", "iaspn")).content.decode()
    assert "Ministerio de Desarrollo Social" in page
    response = client.post(url("decide", membership.pk),
                           {"action": "approve", "version": membership.version})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.state == MembershipState.MEMBER
    assert agency in network.members.all()


def test_join_refuses_people_who_may_not(client, network, people, member_agency):
    for role in ("learner", "editor", "secretariat", "member_focal_point"):
        response = as_(client, people[role]).get(url("join", "iaspn"))
        assert response.status_code == 403, role
    other = people["other_focal_point"]
    # Posting another agency's id is not a choice this person has: a form error, nothing saved.
    response = as_(client, other).post(url("join", "iaspn"), {"agency": member_agency.pk})
    assert response.status_code == 400
    assert not Membership.objects.filter(state=MembershipState.REQUESTED).exists()


def test_bad_decisions_are_clear_errors(client, network, people):
    membership = requested(network, AgencyFactory())
    as_(client, people["secretariat"])
    response = client.post(url("decide", membership.pk), {"action": "decline", "version": 0},
                           follow=True)
    assert "A reason is required" in response.content.decode()
    response = client.post(url("decide", membership.pk), {"action": "bogus", "version": "x"},
                           follow=True)
    assert response.status_code == 200
    assert "could not be read" in response.content.decode()
    membership.refresh_from_db()
    assert membership.state == MembershipState.REQUESTED
    as_(client, people["member_focal_point"])
    response = client.post(url("decide", membership.pk), {"action": "approve", "version": 0})
    assert response.status_code == 403


def test_announcement_form_for_the_secretariat_only(client, network, people):
    as_(client, people["member_focal_point"])
    response = client.post(url("announcements", "iaspn"), {"title": "t", "body": "b",
                                                            "language": "en"})
    assert response.status_code == 403
    as_(client, people["secretariat"])
    response = client.post(url("announcements", "iaspn"), {"title": "", "body": "",
                                                            "language": "xx"})
    assert response.status_code == 400
    response = client.post(url("announcements", "iaspn"), {
        "title": "Annual meeting", "body": "Lima, May.", "language": "en"})
    assert response.status_code == 302
    page = as_(client, people["member_focal_point"]).get(url("announcements", "iaspn"))
    assert "Annual meeting" in page.content.decode()


def test_hostile_page_numbers_never_500(client, network, people):
    as_(client, people["secretariat"])
    for page in ("0", "-1", "abc", "99999999999999999999"):
        assert client.get(url("announcements", "iaspn") + f"?page={page}").status_code == 200


@pytest.fixture
def fake_source():
    def items(network, agency_ids, limit):
        return [{"title": "Workshop on care systems", "url": "/en/", "date": None}][:limit]

    def yearly(network, agency_ids):
        return {2024: 3, 2025: 7}

    activity.register(activity.Source(key="zz-test", label="Test activities", order=999,
                                      items=items, yearly=yearly))
    yield
    activity._sources.pop("zz-test")


def test_activity_comes_from_the_registry_with_an_accessible_chart(
    client, network, member_agency, fake_source
):
    html = client.get(url("detail", "iaspn")).content.decode()
    assert "Workshop on care systems" in html
    svg = re.search(r"<svg[^>]*>.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "<caption" in html and '<th scope="row">2025</th>' in html
    for source in activity.registered():
        assert str(source.label) in html
