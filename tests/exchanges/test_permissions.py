"""Every role against every path, for a request in each state: deny unless the table says so."""

from django.test import Client
from django.urls import reverse

import pytest

from cms.accounts import roles
from exchanges import permissions, workflow
from exchanges.models import Attachment, ExchangeRequest, State
from rooms import parents
from tests.exchanges import documents
from tests.factories import (
    AgencyFactory,
    CountryFactory,
    UserFactory,
    focal_point_for,
    staff_of,
)
from tests.factories.exchanges import request_in

ROLES = (
    "anonymous",
    "learner",
    "participant",
    "editor",
    "requester",
    "provider",
    "other",
    "secretariat",
)
STATES = (
    State.DRAFT,
    State.SUBMITTED,
    State.UNDER_REVIEW,
    State.CHANGES_REQUESTED,
    State.REJECTED,
    State.APPROVED,
    State.PROVIDER_MATCHED,
    State.IN_PROGRESS,
    State.CLOSED,
    State.WITHDRAWN,  # withdrawn after the match, so there is a provider
)
REVIEW = {"requester", "secretariat"}
# Who may open the request page (and its attachments, its API record), per state.
VIEW = {
    State.DRAFT: {"requester"},
    State.SUBMITTED: REVIEW,
    State.UNDER_REVIEW: REVIEW,
    State.CHANGES_REQUESTED: REVIEW,
    State.REJECTED: REVIEW,
    State.APPROVED: REVIEW | {"provider", "other"},  # open to offers: every focal point
    State.PROVIDER_MATCHED: REVIEW | {"provider"},
    State.IN_PROGRESS: REVIEW | {"provider"},
    State.CLOSED: REVIEW | {"provider"},
    State.WITHDRAWN: REVIEW | {"provider"},  # read-only
}
# Provider suggestions: the secretariat, until a provider is matched.
SUGGEST = {State.SUBMITTED, State.UNDER_REVIEW, State.APPROVED}
EDIT = {State.DRAFT: {"requester"}, State.CHANGES_REQUESTED: {"requester"}}
# The exchange's room: the two parties from approval on (the provider once matched).
ROOM_POST = {
    State.APPROVED: {"requester"},
    State.PROVIDER_MATCHED: {"requester", "provider"},
    State.IN_PROGRESS: {"requester", "provider"},
    State.CLOSED: {"requester", "provider"},
}
# A withdrawn exchange's room is read-only for its parties.
ROOM_READ_ONLY = {State.WITHDRAWN: {"requester", "provider"}}


@pytest.fixture
def people(db):
    requesting = AgencyFactory(country=CountryFactory())
    provider = AgencyFactory(country=CountryFactory())
    other = AgencyFactory(country=CountryFactory())
    return {
        "anonymous": None,
        "learner": UserFactory(),
        "participant": staff_of(requesting),
        "editor": UserFactory(roles=[roles.EDITOR]),
        "requester": focal_point_for(requesting),
        "provider": focal_point_for(provider),
        "other": focal_point_for(other),
        "secretariat": UserFactory(roles=[roles.SECRETARIAT]),
    }


def make_request(people, state):
    req = request_in(
        state,
        requesting_agency=people["requester"].agency,
        requester=people["requester"],
        provider=people["provider"].agency,
        secretariat=people["secretariat"],
        publish_summary=True,
    )
    Attachment.objects.create(
        request=req,
        file=documents.upload("plan.pdf", documents.PDF),
        original_name="plan.pdf",
        content_type="application/pdf",
        size=10,
    )
    return req


@pytest.fixture
def world(people):
    return people, {state: make_request(people, state) for state in STATES}


def user_or_anonymous(user):
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser() if user is None else user


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def paths(req):
    attachment = req.attachments.get()
    return {
        "detail": reverse("exchanges:detail", args=[req.pk]),
        "attachment": attachment.get_absolute_url(),
        "api": f"/api/exchanges/{req.pk}",
        "api_trail": f"/api/exchanges/{req.pk}/transitions",
        "edit": reverse("exchanges:edit", args=[req.pk]),
        "admin": reverse("exchanges_admin:inspect", args=[req.pk]),
        "suggestions": reverse("exchanges:suggestions", args=[req.pk]),
    }


def expected(path_name, role, state):
    if path_name == "edit":
        return role in EDIT.get(state, set())
    if path_name == "admin":
        return role == "secretariat" and role in VIEW[state]
    if path_name == "suggestions":
        return role == "secretariat" and state in SUGGEST
    return role in VIEW[state]


@pytest.mark.parametrize("state", STATES)
def test_matrix(people, state):
    req = make_request(people, state)
    for role in ROLES:
        client = client_for(people[role])
        for name, url in paths(req).items():
            response = client.get(url)
            allowed = expected(name, role, state)
            assert (response.status_code == 200) is allowed, (
                name,
                role,
                state,
                response.status_code,
            )
            if not allowed and name in ("detail", "attachment") and role != "anonymous":
                assert response.status_code == 404  # a refusal does not reveal the request


@pytest.mark.parametrize("role", ROLES)
def test_room_policy_and_rules_agree_with_the_table(world, role):
    people, requests = world
    user = user_or_anonymous(people[role])
    policy = parents.policy_for(requests[State.CLOSED])
    assert policy.kind == "exchange"
    for state, req in requests.items():
        moderates = role == "secretariat" and state != State.DRAFT
        # The parties post; moderators post in every room they moderate (rooms.parents.RoomPolicy).
        assert policy.may_post(user, req) is (
            role in ROOM_POST.get(state, set()) or moderates
        ), state
        assert policy.is_member(user, req) is (role in ROOM_POST.get(state, set())), state
        assert policy.may_read(user, req) is (
            role in ROOM_POST.get(state, set())
            or role in ROOM_READ_ONLY.get(state, set())
            or moderates
        ), state
        assert policy.may_moderate(user, req) is moderates
        assert permissions.may_view(user, req) is (role in VIEW[state])


def test_exchange_room_policy_is_a_room_policy():
    assert isinstance(parents.policy_for(ExchangeRequest()), parents.RoomPolicy)


@pytest.mark.parametrize("role", ROLES)
def test_one_rule_says_who_the_provider_is(world, role):
    """The workflow's actions and the permissions ask the same "who is the provider" rule; the
    permissions add only the states in which the provider is a party."""
    people, requests = world
    user = user_or_anonymous(people[role])
    assert workflow._provider is permissions.acts_for_provider
    assert workflow._requester is permissions.is_requester
    for state, req in requests.items():
        provider = permissions.acts_for_provider(user, req)
        assert provider is (role == "provider" and req.provider_agency_id is not None), state
        assert permissions.is_provider(user, req) is (
            provider and state in permissions.PROVIDER_STATES
        ), state
        # Both sides of a scheduled exchange may mark it as started: the provider by that rule.
        if state == State.IN_PROGRESS:
            complete = [a.name for a in workflow.available_actions(req, user)]
            assert ("complete" in complete) is (
                provider or role in ("requester", "secretariat")
            )


@pytest.mark.parametrize("role", ROLES)
def test_visible_requests_is_the_same_rule_as_may_view(world, role):
    people, requests = world
    user = user_or_anonymous(people[role])
    visible = set(permissions.visible_requests(user).values_list("pk", flat=True))
    assert visible == {req.pk for s, req in requests.items() if role in VIEW[s]}


@pytest.mark.parametrize("role", ROLES)
def test_public_list_shows_only_the_published_finished_exchange(world, role):
    people, requests = world
    response = client_for(people[role]).get(reverse("exchanges:public_list"))
    assert response.status_code == 200
    shown = {e.pk for e in response.context["exchanges"]}
    assert shown == {requests[State.CLOSED].pk}


def test_offers_only_from_other_agencies_on_open_calls(world):
    people, requests = world
    approved = requests[State.APPROVED]
    assert permissions.offer_agency_ids(people["other"], approved) == {people["other"].agency_id}
    assert permissions.offer_agency_ids(people["requester"], approved) == set()
    assert permissions.offer_agency_ids(people["learner"], approved) == set()
    assert permissions.offer_agency_ids(people["other"], requests[State.UNDER_REVIEW]) == set()


def test_inactive_user_is_denied(db):
    agency = AgencyFactory()
    user = focal_point_for(agency)
    req = request_in(State.SUBMITTED, requesting_agency=agency, requester=user)
    user.is_active = False
    assert not permissions.may_view(user, req)
    assert not permissions.visible_requests(user).exists()


@pytest.mark.parametrize("state", STATES)
def test_withdraw_on_every_path(people, state):
    """The page button, the API and the admin workspace refuse a withdrawal to everyone but the
    requesting focal point, and to them from "scheduled" on."""
    import json

    from exchanges.models import Transition

    req = make_request(people, state)

    def unchanged():
        fresh = type(req).objects.get(pk=req.pk)
        return (fresh.state, fresh.version) == (req.state, req.version)

    body = {"action": "withdraw", "version": req.version, "comment": "Priorities changed"}
    for role in ROLES:
        if role == "requester":
            continue
        client = client_for(people[role])
        page = client.post(reverse("exchanges:fire", args=[req.pk]), body)
        assert page.status_code in (302, 404), (role, page.status_code)
        api = client.post(
            f"/api/exchanges/{req.pk}/transitions",
            json.dumps(body),
            content_type="application/json",
        )
        # A 404 of the API is turned into a redirect to /<lang>/api/… by LocaleMiddleware
        # (the Wagtail catch-all makes every prefixed path "valid"); it is refused either way.
        assert api.status_code in (302, 401, 404, 409), (role, api.status_code)
        admin = client.post(reverse("exchanges_admin:act", args=[req.pk]), body)
        # Refused: to the login, to the admin's start page (Wagtail's "permission denied"), or
        # back to the request with the workflow's message (the secretariat).
        assert admin.status_code in (302, 403), (role, admin.status_code)
        assert unchanged(), role
    requester = client_for(people["requester"])
    response = requester.post(
        f"/api/exchanges/{req.pk}/transitions", json.dumps(body), content_type="application/json"
    )
    allowed = state in (
        State.DRAFT,
        State.SUBMITTED,
        State.UNDER_REVIEW,
        State.CHANGES_REQUESTED,
        State.APPROVED,
        State.PROVIDER_MATCHED,
    )
    assert response.status_code == (200 if allowed else 409), response.content
    if allowed:
        assert response.json()["state"] == State.WITHDRAWN
        assert Transition.objects.filter(request=req, action="withdraw").count() == 1
    else:
        assert unchanged()


def test_offering_agencies_may_still_read_a_withdrawn_call(people):
    from exchanges import workflow
    from exchanges.models import Offer

    req = request_in(
        State.APPROVED,
        requesting_agency=people["requester"].agency,
        requester=people["requester"],
    )
    Offer.objects.create(request=req, agency=people["other"].agency, message="We can help.")
    req = workflow.transition(req, "withdraw", by=people["requester"], comment="Merged")
    assert permissions.may_view(people["other"], req)
    assert req.pk in set(permissions.visible_requests(people["other"]).values_list("pk", flat=True))
    assert not permissions.may_view(people["provider"], req)  # did not offer
    assert not permissions.visible_requests(people["provider"]).filter(pk=req.pk).exists()
    assert client_for(people["other"]).get(req.get_absolute_url()).status_code == 200


def test_a_withdrawn_draft_stays_with_its_agency(people):
    from exchanges import workflow

    req = request_in(
        State.DRAFT, requesting_agency=people["requester"].agency, requester=people["requester"]
    )
    req = workflow.transition(req, "withdraw", by=people["requester"], comment="Duplicate")
    assert permissions.may_view(people["requester"], req)
    assert not permissions.may_view(people["secretariat"], req)
    assert not permissions.visible_requests(people["secretariat"]).filter(pk=req.pk).exists()


@pytest.mark.parametrize("role", ROLES)
def test_open_calls_page_is_for_focal_points_and_the_secretariat(world, role):
    people, requests = world
    response = client_for(people[role]).get(reverse("exchanges:open_calls"))
    if role in ("requester", "provider", "other", "secretariat"):
        assert response.status_code == 200
        assert [e.pk for e in response.context["exchanges"]] == [requests[State.APPROVED].pk]
    else:
        assert response.status_code in (302, 403)
        if role != "anonymous":
            assert response.status_code == 403
