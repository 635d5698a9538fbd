"""Factories for network governance and memberships; ``member_of`` walks the real services."""

import datetime

import factory

from cms.accounts import roles
from networks import services
from networks.models import Membership, MembershipState, NetworkProfile
from tests.factories import NetworkFactory, UserFactory, focal_point_for


class NetworkProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkProfile

    network = factory.SubFactory(NetworkFactory)
    purpose_en = "Peer learning among ministries on social protection."
    purpose_es = "Aprendizaje entre pares de los ministerios sobre protección social."
    technical_secretariat_en = "OAS Department of Social Inclusion"
    technical_secretariat_es = "Departamento de Inclusión Social de la OEA"
    term_start = datetime.date(2025, 1, 1)
    term_end = datetime.date(2026, 12, 31)
    founded = 2009


def member_of(network, agency, *, secretariat=None, focal_point=None) -> Membership:
    """``agency`` asks to join ``network`` through its focal point and the secretariat approves."""
    focal_point = focal_point or focal_point_for(agency)
    secretariat = secretariat or UserFactory(roles=[roles.SECRETARIAT])
    membership = services.membership_request(network=network, agency=agency, by=focal_point)
    return services.membership_transition(
        membership=membership, action="approve", by=secretariat
    )


def requested(network, agency, *, focal_point=None) -> Membership:
    focal_point = focal_point or focal_point_for(agency)
    membership = services.membership_request(network=network, agency=agency, by=focal_point)
    assert membership.state == MembershipState.REQUESTED
    return membership
