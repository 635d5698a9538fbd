"""The secretariat decides focal-point claims in the Wagtail admin."""

import threading

from django.db import connection

import pytest

from cms import permissions
from cms.accounts import roles
from cms.accounts.models import AgencyClaim, User
from cms.accounts.services import agency_claim_create, agency_claim_decide
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LISTING = "/admin/snippets/accounts/agencyclaim/"


@pytest.fixture
def claim(agency):
    return agency_claim_create(user=UserFactory(), agency=agency, statement="I lead cooperation.")


def edit_url(claim):
    return f"{LISTING}edit/{claim.pk}/"


def test_secretariat_sees_pending_claims(client, secretariat, claim):
    client.force_login(secretariat)
    response = client.get(LISTING + "?status=pending")
    assert response.status_code == 200
    assert str(claim.user) in response.content.decode()


def test_secretariat_approves_a_claim_and_the_person_becomes_a_focal_point(
    client, secretariat, claim
):
    client.force_login(secretariat)
    response = client.post(edit_url(claim), {"status": "approved", "decision_note": "Checked."})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.decided_by, claim.decision_note) == (
        "approved", secretariat, "Checked."
    )
    assert claim.decided_at is not None
    person = User.objects.get(pk=claim.user_id)
    assert person.groups.filter(name=roles.FOCAL_POINT).exists()
    assert permissions.may_act_for(person, claim.agency)


def test_a_decided_claim_cannot_be_decided_again(client, secretariat, claim):
    agency_claim_decide(claim=claim, status="rejected", by=secretariat)
    client.force_login(secretariat)
    response = client.post(edit_url(claim), {"status": "approved", "decision_note": ""})
    assert response.status_code == 200
    assert "already been decided" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == "rejected"
    assert not User.objects.get(pk=claim.user_id).groups.filter(name=roles.FOCAL_POINT).exists()


def test_leaving_a_claim_pending_is_refused(client, secretariat, claim):
    client.force_login(secretariat)
    response = client.post(edit_url(claim), {"status": "pending", "decision_note": ""})
    assert response.status_code == 200
    assert "Approve or reject" in response.content.decode()


@pytest.mark.parametrize("role", [roles.LEARNER, roles.EDITOR, roles.INSTRUCTOR])
def test_other_roles_cannot_decide_claims(client, claim, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.post(edit_url(claim), {"status": "approved", "decision_note": ""})
    assert response.status_code in (302, 403)
    claim.refresh_from_db()
    assert claim.status == "pending"


def test_claims_are_never_created_in_the_admin(client, secretariat, superuser):
    for user in (secretariat, superuser):
        client.force_login(user)
        response = client.get(LISTING + "add/")
        assert response.status_code in (302, 403)


def test_secretariat_manages_the_directory_editors_only_read_it(client, secretariat, editor):
    client.force_login(secretariat)
    assert client.get("/admin/snippets/directory/agency/add/").status_code == 200
    client.force_login(editor)
    assert client.get("/admin/snippets/directory/agency/").status_code == 200
    assert client.get("/admin/snippets/directory/agency/add/").status_code in (302, 403)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
def test_two_secretariat_members_deciding_at_once_only_one_wins(agency):
    first, second = UserFactory(roles=[roles.SECRETARIAT]), UserFactory(roles=[roles.SECRETARIAT])
    claim = agency_claim_create(user=UserFactory(), agency=agency)
    barrier = threading.Barrier(2)
    outcomes = []

    def decide(by, status):
        barrier.wait()
        try:
            agency_claim_decide(claim=claim, status=status, by=by)
            outcomes.append(("ok", status))
        except Exception as error:  # the loser's ValidationError
            outcomes.append(("refused", type(error).__name__))
        finally:
            connection.close()

    threads = [
        threading.Thread(target=decide, args=(first, "approved")),
        threading.Thread(target=decide, args=(second, "rejected")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    claim.refresh_from_db()
    winner = next(o[1] for o in outcomes if o[0] == "ok")
    assert claim.status == winner
    assert ("refused", "ValidationError") in outcomes
    assert AgencyClaim.objects.count() == 1
