"""Two secretaries deciding on one concept note at the same moment: one wins, one project."""

import threading

from django.db import close_old_connections, connection

import pytest

from cms.accounts import roles
from cms.refusals import Refusal
from projects import services
from projects.models import Project, Proposal, Transition
from projects.workflow import PROPOSALS
from tests.factories import UserFactory
from tests.factories.projects import proposal_in


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_approve_and_decline_at_once_make_at_most_one_project():
    first = UserFactory(roles=[roles.SECRETARIAT])
    second = UserFactory(roles=[roles.SECRETARIAT])
    proposal = proposal_in("under_review", secretariat=first)
    services.proposal_review_record(proposal=proposal, by=first, relevance=4, feasibility=4,
                                    sustainability=4, inclusion=4)
    version = Proposal.objects.get(pk=proposal.pk).version
    barrier = threading.Barrier(2)
    outcomes = []

    def act(user, action, comment):
        try:
            barrier.wait()
            PROPOSALS.transition(proposal, action, by=user, comment=comment,
                                 expected_version=version)
            outcomes.append(("ok", action))
        except Refusal as refused:
            outcomes.append(("refused", refused.code))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=act, args=(first, "approve", "")),
               threading.Thread(target=act, args=(second, "decline", "Out of scope."))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(kind for kind, _ in outcomes) == ["ok", "refused"]
    winner = next(action for kind, action in outcomes if kind == "ok")
    assert Project.objects.filter(proposal=proposal).count() == (1 if winner == "approve" else 0)
    assert Transition.objects.filter(proposal=proposal, from_state="under_review").count() == 1
