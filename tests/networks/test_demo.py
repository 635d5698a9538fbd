import io

from django.utils import translation

import pytest

from cms.directory import demo as directory_demo
from cms.directory.models import Network
from networks import demo
from networks.models import Membership, MembershipState, MembershipTransition, NetworkProfile

pytestmark = pytest.mark.django_db


def _counts():
    return (NetworkProfile.objects.count(), Membership.objects.count(),
            MembershipTransition.objects.count())


def test_demo_gives_governance_history_and_a_pending_request_idempotently():
    out = io.StringIO()
    directory_demo.seed(out)
    demo.seed(out)
    iaspn = Network.objects.get(slug="iaspn")
    profile = iaspn.profile
    assert profile.founded == 2009 and profile.chair is not None
    for code in ("en", "es", "fr", "pt"):
        assert getattr(profile, f"purpose_{code}") and getattr(
            profile, f"technical_secretariat_{code}")
    with translation.override("es"):
        assert profile.purpose.startswith("Reúne")
    assert Membership.objects.filter(network=iaspn, state=MembershipState.LEFT).exists()
    assert Membership.objects.filter(state=MembershipState.REQUESTED).count() == 2
    members = set(iaspn.members.values_list("pk", flat=True))
    assert members == set(Membership.objects.filter(
        network=iaspn, state=MembershipState.MEMBER).values_list("agency_id", flat=True))
    assert all(m.joined_on for m in Membership.objects.filter(state=MembershipState.MEMBER))
    before = _counts()
    # Again, with the directory's demo first as seed_demo does: nothing changes.
    directory_demo.seed(out)
    demo.seed(out)
    assert _counts() == before
    assert set(iaspn.members.values_list("pk", flat=True)) == members
