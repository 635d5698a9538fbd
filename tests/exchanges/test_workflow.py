import threading

from django.core import mail
from django.db import close_old_connections, connection

import pytest

from cms.accounts import roles
from exchanges import workflow
from exchanges.models import ExchangeRequest, Notification, Offer, Review, State, Transition
from exchanges.workflow import TransitionRefused
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for
from tests.factories.exchanges import ExchangeRequestFactory, request_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    req = ExchangeRequestFactory()
    provider = AgencyFactory(country=CountryFactory())
    return {
        "req": req,
        "requester": focal_point_for(req.requesting_agency),
        "provider_agency": provider,
        "provider": focal_point_for(provider),
        "other": focal_point_for(AgencyFactory()),
        "secretariat": UserFactory(roles=[roles.SECRETARIAT]),
        "learner": UserFactory(),
    }


def test_the_whole_journey_records_every_step(people, django_capture_on_commit_callbacks):
    p = people
    with django_capture_on_commit_callbacks(execute=True):
        req = workflow.transition(p["req"], "submit", by=p["requester"], comment="Ready")
        req = workflow.transition(req, "start_review", by=p["secretariat"])
        req = workflow.transition(req, "request_changes", by=p["secretariat"], comment="Budget?")
        req = workflow.transition(req, "submit", by=p["requester"])
        req = workflow.transition(req, "start_review", by=p["secretariat"])
        Review.objects.create(
            request=req,
            reviewer=p["secretariat"],
            relevance=5,
            clarity=4,
            commitment=4,
            feasibility=3,
        )
        req = workflow.transition(req, "approve", by=p["secretariat"], open_to_offers=True)
        offer = Offer.objects.create(request=req, agency=p["provider_agency"], message="Yes")
        req = workflow.offer_accept(offer=offer, by=p["requester"])
        req = workflow.transition(req, "schedule", by=p["secretariat"])
        req = workflow.transition(req, "start", by=p["provider"])
        req = workflow.transition(req, "complete", by=p["requester"])
    assert req.state == State.COMPLETED
    assert req.provider_agency == p["provider_agency"]
    assert req.completed_at is not None
    trail = list(Transition.objects.filter(request=req).values_list("from_state", "to_state"))
    assert trail == [
        ("draft", "submitted"),
        ("submitted", "under_review"),
        ("under_review", "changes_requested"),
        ("changes_requested", "submitted"),
        ("submitted", "under_review"),
        ("under_review", "approved"),
        ("approved", "provider_matched"),
        ("provider_matched", "scheduled"),
        ("scheduled", "in_progress"),
        ("in_progress", "completed"),
    ]
    first = Transition.objects.filter(request=req).first()
    assert first.by == p["requester"] and first.comment == "Ready"
    assert req.version == 10
    # The provider's focal point heard about the match; the actor of a step is not told of it.
    assert Notification.objects.filter(user=p["provider"]).exists()
    assert not Notification.objects.filter(user=p["requester"], text__contains="Submitted")
    assert any(p["provider"].email in m.to for m in mail.outbox)


def test_reports_then_close(people):
    req = request_in(State.REPORTS_SUBMITTED)
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    req = workflow.transition(req, "close", by=secretariat)
    assert req.state == State.CLOSED


@pytest.mark.parametrize(
    ("state", "action", "who"),
    [
        (State.DRAFT, "submit", "other"),
        (State.DRAFT, "submit", "secretariat"),
        (State.DRAFT, "submit", "learner"),
        (State.DRAFT, "approve", "secretariat"),
        (State.SUBMITTED, "submit", "requester"),
        (State.SUBMITTED, "start_review", "requester"),
        (State.SUBMITTED, "approve", "secretariat"),
        (State.UNDER_REVIEW, "approve", "requester"),
        (State.UNDER_REVIEW, "reject", "other"),
        (State.UNDER_REVIEW, "request_changes", "learner"),
        (State.REJECTED, "submit", "requester"),
        (State.REJECTED, "approve", "secretariat"),
        (State.APPROVED, "schedule", "secretariat"),
        (State.APPROVED, "close", "secretariat"),
    ],
)
def test_refused_transitions_leave_the_request_unchanged(people, state, action, who):
    p = people
    req = request_in(state, requester=p["requester"], requesting_agency=p["req"].requesting_agency)
    actor = p["requester"] if who == "requester" else p[who]
    before = (req.state, req.version, Transition.objects.filter(request=req).count())
    with pytest.raises(TransitionRefused):
        workflow.transition(req, action, by=actor)
    req.refresh_from_db()
    after = (req.state, req.version, Transition.objects.filter(request=req).count())
    assert before == after


def test_unknown_action_is_refused(people):
    with pytest.raises(TransitionRefused, match="Unknown"):
        workflow.transition(people["req"], "teleport", by=people["requester"])


def test_a_stale_form_is_refused(people):
    req = workflow.transition(people["req"], "submit", by=people["requester"])
    workflow.transition(req, "start_review", by=people["secretariat"], expected_version=1)
    with pytest.raises(TransitionRefused, match="Someone else"):
        workflow.transition(req, "start_review", by=people["secretariat"], expected_version=1)


def test_approval_needs_a_review():
    req = request_in(State.UNDER_REVIEW)
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    with pytest.raises(TransitionRefused, match="rubric"):
        workflow.transition(req, "approve", by=secretariat)


def test_submit_needs_an_activity():
    req = ExchangeRequestFactory(activities=False)
    with pytest.raises(TransitionRefused, match="activity"):
        workflow.transition(req, "submit", by=focal_point_for(req.requesting_agency))


def test_match_needs_a_provider_from_elsewhere_and_an_open_offer(people):
    req = request_in(
        State.APPROVED,
        requester=people["requester"],
        requesting_agency=people["req"].requesting_agency,
    )
    with pytest.raises(TransitionRefused):
        workflow.transition(req, "match", by=people["requester"], provider=req.requesting_agency)
    offer = Offer.objects.create(request=req, agency=people["provider_agency"], message="x")
    Offer.objects.filter(pk=offer.pk).update(status=Offer.Status.DECLINED)
    with pytest.raises(TransitionRefused, match="no longer"):
        workflow.offer_accept(offer=offer, by=people["requester"])


def test_both_reports_are_needed():
    req = request_in(State.COMPLETED)
    with pytest.raises(TransitionRefused, match="Both sides"):
        workflow.transition(req, "reports_in", by=focal_point_for(req.requesting_agency))


def test_available_actions_depend_on_state_and_person(people):
    req = workflow.transition(people["req"], "submit", by=people["requester"])
    assert [a.name for a in workflow.available_actions(req, people["secretariat"])] == [
        "start_review"
    ]
    assert [a.name for a in workflow.available_actions(req, people["requester"])] == ["withdraw"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_two_reviewers_at_once_cannot_both_succeed():
    req = request_in(State.UNDER_REVIEW)
    first = UserFactory(roles=[roles.SECRETARIAT])
    second = UserFactory(roles=[roles.SECRETARIAT])
    Review.objects.create(
        request=req, reviewer=first, relevance=3, clarity=3, commitment=3, feasibility=3
    )
    version = req.version
    barrier = threading.Barrier(2)
    outcomes = []

    def act(user, action):
        try:
            barrier.wait()
            workflow.transition(req, action, by=user, expected_version=version)
            outcomes.append(("ok", action))
        except TransitionRefused as refused:
            outcomes.append(("refused", refused.message))
        finally:
            close_old_connections()
            connection.close()

    threads = [
        threading.Thread(target=act, args=(first, "approve")),
        threading.Thread(target=act, args=(second, "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(kind for kind, _ in outcomes) == ["ok", "refused"]
    req = ExchangeRequest.objects.get(pk=req.pk)
    winner = next(action for kind, action in outcomes if kind == "ok")
    assert req.state == {"approve": State.APPROVED, "reject": State.REJECTED}[winner]
    assert req.version == version + 1
    assert Transition.objects.filter(request=req, from_state=State.UNDER_REVIEW).count() == 1


# --- Withdrawal -----------------------------------------------------------------------------

WITHDRAW_ROLES = ("learner", "other", "provider", "secretariat", "requester")


@pytest.mark.parametrize("state", [s.value for s in State if s != State.WITHDRAWN])
def test_withdraw_only_by_the_requester_and_only_before_the_schedule(state):
    """Every role against every state: only the requesting focal point, only before
    "scheduled", and nothing changes when refused."""
    requesting = AgencyFactory(country=CountryFactory())
    provider_agency = AgencyFactory(country=CountryFactory())
    p = {
        "requester": focal_point_for(requesting),
        "provider": focal_point_for(provider_agency),
        "other": focal_point_for(AgencyFactory(country=CountryFactory())),
        "secretariat": UserFactory(roles=[roles.SECRETARIAT]),
        "learner": UserFactory(),
    }
    req = request_in(
        state,
        requesting_agency=requesting,
        requester=p["requester"],
        provider=provider_agency,
        secretariat=p["secretariat"],
    )
    for role in WITHDRAW_ROLES:  # the requester last: the others must not change anything
        allowed = role == "requester" and state in workflow.ACTIONS["withdraw"].sources
        offered = [a.name for a in workflow.available_actions(req, p[role])]
        assert ("withdraw" in offered) is allowed, (role, state)
        before = (req.state, req.version, Transition.objects.filter(request=req).count())
        if allowed:
            req = workflow.transition(
                req, "withdraw", by=p[role], comment="Budget cut", expected_version=req.version
            )
            assert req.state == State.WITHDRAWN and req.version == before[1] + 1
            last = Transition.objects.filter(request=req).last()
            assert (last.action, last.from_state, last.to_state, last.by, last.comment) == (
                "withdraw",
                state,
                State.WITHDRAWN,
                p[role],
                "Budget cut",
            )
        else:
            with pytest.raises(TransitionRefused) as refused:
                workflow.transition(req, "withdraw", by=p[role], comment="Budget cut")
            if role == "requester" and state in (State.SCHEDULED, State.IN_PROGRESS):
                assert "no longer be withdrawn" in str(refused.value.message)
            req.refresh_from_db()
            assert (req.state, req.version, Transition.objects.filter(request=req).count()) == (
                before
            )


@pytest.mark.parametrize("comment", ["", "   \n "])
def test_withdraw_needs_a_reason(people, comment):
    req = workflow.transition(people["req"], "submit", by=people["requester"])
    with pytest.raises(TransitionRefused, match="reason is required"):
        workflow.transition(req, "withdraw", by=people["requester"], comment=comment)
    req.refresh_from_db()
    assert req.state == State.SUBMITTED and req.version == 1


def test_withdraw_from_a_stale_page_is_refused(people):
    req = workflow.transition(people["req"], "submit", by=people["requester"])
    workflow.transition(req, "start_review", by=people["secretariat"], expected_version=1)
    with pytest.raises(TransitionRefused, match="Someone else"):
        workflow.transition(
            req, "withdraw", by=people["requester"], comment="No longer needed", expected_version=1
        )
    req.refresh_from_db()
    assert req.state == State.UNDER_REVIEW


def test_a_withdrawn_request_is_final_and_read_only(people):
    from exchanges import permissions

    req = request_in(
        State.WITHDRAWN,
        withdrawn_from=State.APPROVED,
        requester=people["requester"],
        requesting_agency=people["req"].requesting_agency,
    )
    for who in ("requester", "provider", "other", "secretariat"):
        assert workflow.available_actions(req, people[who]) == []
        assert not permissions.may_edit(people[who], req)
        assert not permissions.offer_agency_ids(people[who], req)
        assert not permissions.may_pick_offer(people[who], req)
    for action in ("submit", "withdraw"):
        with pytest.raises(TransitionRefused):
            workflow.transition(req, action, by=people["requester"], comment="Again")
    assert not permissions.open_calls(people["other"]).filter(pk=req.pk).exists()


def test_withdraw_declines_offers_and_tells_the_parties_and_offerers(
    people, django_capture_on_commit_callbacks
):
    p = people
    req = request_in(
        State.APPROVED, requester=p["requester"], requesting_agency=p["req"].requesting_agency
    )
    assert req.open_to_offers
    offer = Offer.objects.create(request=req, agency=p["provider_agency"], message="We can help")
    secretariat = UserFactory(roles=[roles.SECRETARIAT])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        req = workflow.transition(
            req, "withdraw", by=p["requester"], comment="The programme was merged."
        )
    assert not req.open_to_offers
    offer.refresh_from_db()
    assert offer.status == Offer.Status.DECLINED
    told = set(
        Notification.objects.filter(text__contains="withdrew").values_list("user", flat=True)
    )
    assert {p["provider"].pk, secretariat.pk} <= told  # an offerer, the secretariat
    assert p["requester"].pk not in told and p["other"].pk not in told
    note = Notification.objects.get(user=p["provider"], text__contains="withdrew")
    assert "The programme was merged." in note.text
    assert req.requesting_agency.name in note.text
    assert any(p["provider"].email in m.to for m in mail.outbox)


def test_withdraw_after_the_match_tells_the_provider():
    provider_agency = AgencyFactory(country=CountryFactory())
    provider = focal_point_for(provider_agency)
    req = request_in(State.WITHDRAWN, provider=provider_agency)
    assert req.provider_agency == provider_agency
    assert Notification.objects.filter(user=provider, text__contains="withdrew").exists()


def test_a_withdrawn_draft_concerns_nobody_else(people):
    colleague = focal_point_for(people["req"].requesting_agency)
    secretariat = people["secretariat"]
    req = workflow.transition(people["req"], "withdraw", by=people["requester"], comment="Typo")
    assert req.state == State.WITHDRAWN
    assert not Notification.objects.filter(user=secretariat).exists()
    assert Notification.objects.filter(user=colleague, text__contains="withdrew").exists()
