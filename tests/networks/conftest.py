import pytest

from cms.accounts import roles
from tests.factories import (
    AgencyFactory,
    CountryFactory,
    NetworkFactory,
    UserFactory,
    focal_point_for,
)
from tests.factories.networks import NetworkProfileFactory, member_of


@pytest.fixture
def network(home_pages):
    network = NetworkFactory(
        slug="iaspn", acronym="IASPN", name_en="Inter-American Social Protection Network",
        name_es="Red Interamericana de Protección Social",
        name_fr="Réseau interaméricain de protection sociale",
        name_pt="Rede Interamericana de Proteção Social",
    )
    NetworkProfileFactory(network=network)
    return network


@pytest.fixture
def member_agency(network, secretariat):
    agency = AgencyFactory(name="Ministry of Social Development", country=CountryFactory(
        code="PE", name_en="Peru", name_es="Perú"))
    member_of(network, agency, secretariat=secretariat)
    return agency


@pytest.fixture
def people(member_agency, secretariat, editor, learner):
    """One person per role: anonymous, learner, focal point of another country, own focal
    point (of a member agency), editor, secretariat."""
    return {
        "anonymous": None,
        "learner": learner,
        "other_focal_point": focal_point_for(AgencyFactory(country=CountryFactory(code="UY"))),
        "member_focal_point": focal_point_for(member_agency),
        "editor": editor,
        "secretariat": secretariat,
    }


@pytest.fixture
def staff_of(member_agency):
    return UserFactory(roles=[roles.LEARNER], agency=member_agency)
