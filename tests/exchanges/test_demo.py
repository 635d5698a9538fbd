import io

import pytest

from cms.accounts import demo as accounts_demo
from cms.directory import demo as directory_demo
from exchanges import demo
from exchanges.models import ExchangeRequest, Notification, State, Transition

pytestmark = pytest.mark.django_db


def test_demo_covers_every_state_through_the_workflow_and_is_idempotent():
    out = io.StringIO()
    directory_demo.seed(out)
    accounts_demo.seed(out)
    demo.seed(out)
    assert ExchangeRequest.objects.count() == len(demo.EXCHANGES) == 16
    assert set(ExchangeRequest.objects.values_list("state", flat=True)) == set(State.values)
    # Every request beyond draft has an audit trail that ends in its state.
    for req in ExchangeRequest.objects.exclude(state=State.DRAFT):
        last = Transition.objects.filter(request=req).last()
        assert last.to_state == req.state
    assert Notification.objects.exists()
    counts = (ExchangeRequest.objects.count(), Transition.objects.count())
    demo.seed(out)
    assert (ExchangeRequest.objects.count(), Transition.objects.count()) == counts


def test_demo_cash_transfer_request_of_midis_is_submitted():
    out = io.StringIO()
    directory_demo.seed(out)
    accounts_demo.seed(out)
    demo.seed(out)
    req = ExchangeRequest.objects.get(title__startswith="Focalizar las transferencias")
    assert req.requesting_agency.acronym == "MIDIS"
    assert req.state == State.SUBMITTED


def test_demo_has_a_call_withdrawn_with_its_reason_and_declined_offer():
    from exchanges.models import Offer

    out = io.StringIO()
    directory_demo.seed(out)
    accounts_demo.seed(out)
    demo.seed(out)
    req = ExchangeRequest.objects.get(state=State.WITHDRAWN)
    last = Transition.objects.filter(request=req).last()
    assert last.action == "withdraw" and last.from_state == State.APPROVED and last.comment
    assert list(Offer.objects.filter(request=req).values_list("status", flat=True)) == [
        Offer.Status.DECLINED
    ]
