import json

import pytest

from cms.accounts import roles
from exchanges.models import State
from tests.factories import UserFactory, focal_point_for
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db


def test_anonymous_gets_401(client):
    assert client.get("/api/exchanges/").status_code == 401


def test_list_shows_only_visible_requests(client):
    mine = request_in(State.DRAFT)
    request_in(State.DRAFT)  # another agency's draft
    client.force_login(focal_point_for(mine.requesting_agency))
    data = client.get("/api/exchanges/").json()
    assert [row["id"] for row in data] == [mine.pk]


def test_transition_through_the_api_checks_version_person_and_state(client):
    req = request_in(State.SUBMITTED)
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    # django_auth needs the CSRF token for unsafe methods; the test client skips the check.
    url = f"/api/exchanges/{req.pk}/transitions"
    body = {"action": "start_review", "version": req.version, "comment": "Looking"}
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["state"] == State.UNDER_REVIEW
    again = client.post(url, json.dumps(body), content_type="application/json")
    assert again.status_code == 409
    assert again.json()["code"] == "stale"
    assert "Someone else" in again.json()["message"]
    internal = {"action": "match", "version": req.version + 1}
    refused = client.post(url, json.dumps(internal), content_type="application/json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "unknown_action" and refused.json()["message"]
    trail = client.get(url).json()
    assert [t["to_state"] for t in trail] == ["submitted", "under_review"]
    assert trail[-1]["comment"] == "Looking"


def test_requester_cannot_approve_through_the_api(client):
    req = request_in(State.UNDER_REVIEW)
    client.force_login(focal_point_for(req.requesting_agency))
    response = client.post(
        f"/api/exchanges/{req.pk}/transitions",
        json.dumps({"action": "approve", "version": req.version}),
        content_type="application/json",
    )
    assert response.status_code == 409
    req.refresh_from_db()
    assert req.state == State.UNDER_REVIEW


def test_invalid_payload_is_422(client):
    req = request_in(State.SUBMITTED)
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    response = client.post(
        f"/api/exchanges/{req.pk}/transitions",
        json.dumps({"action": "start_review", "version": "soon"}),
        content_type="application/json",
    )
    assert response.status_code == 422


def test_withdraw_through_the_api_needs_a_reason(client):
    req = request_in(State.UNDER_REVIEW)
    client.force_login(focal_point_for(req.requesting_agency))
    url = f"/api/exchanges/{req.pk}/transitions"
    body = {"action": "withdraw", "version": req.version}
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 409
    assert response.json()["code"] == "transition_refused"
    assert "reason is required" in response.json()["message"]
    body["comment"] = "We found funding elsewhere."
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["state"] == State.WITHDRAWN
    assert client.get(url).json()[-1]["comment"] == "We found funding elsewhere."
