"""A few member states with agencies, a network, exchanges, experiences and learners."""

import pytest

from cms.accounts import roles
from courses.models import Enrolment
from exchanges.models import State
from tests.factories import AgencyFactory, CountryFactory, NetworkFactory, UserFactory
from tests.factories.courses import CohortFactory, CourseIndexPageFactory, CoursePageFactory
from tests.factories.experiences import ExperienceIndexPageFactory, ExperiencePageFactory
from tests.factories.networks import member_of


@pytest.fixture
def peru(db):
    return CountryFactory(code="PE", name_en="Peru", name_es="Perú", name_fr="Pérou",
                          name_pt="Peru")


@pytest.fixture
def chile(db):
    return CountryFactory(code="CL", name_en="Chile", name_es="Chile", name_fr="Chili",
                          name_pt="Chile")


@pytest.fixture
def midis(peru):
    return AgencyFactory(name="Ministerio de Desarrollo e Inclusión Social", acronym="MIDIS",
                         country=peru)


@pytest.fixture
def mdsf(chile):
    return AgencyFactory(name="Ministerio de Desarrollo Social y Familia", acronym="MDSF",
                         country=chile)


def exchanges_between(requester, provider, n, *, state=State.CLOSED):
    from django.utils import timezone

    from exchanges.models import ExchangeRequest

    ExchangeRequest.objects.bulk_create([
        ExchangeRequest(
            requesting_agency=requester, provider_agency=provider, title=f"Exchange {i}",
            problem="p", need="n", objectives="o", expected_results="e", state=state,
            submitted_at=timezone.now(), completed_at=timezone.now(), publish_summary=True,
        )
        for i in range(n)
    ])


def learners_of(country, cohort, n):
    people = [UserFactory(roles=[roles.LEARNER], country=country) for _ in range(n)]
    Enrolment.objects.bulk_create(
        [Enrolment(user=p, cohort=cohort, status=Enrolment.Status.ACTIVE) for p in people]
    )
    return people


@pytest.fixture
def profile_data(home_pages, midis, mdsf, secretariat):
    network = NetworkFactory(slug="iaspn", name_en="Inter-American Social Protection Network",
                             name_es="Red Interamericana de Protección Social")
    member_of(network, midis, secretariat=secretariat)
    member_of(network, mdsf, secretariat=secretariat)
    exchanges_between(midis, mdsf, 2)
    exchanges_between(mdsf, midis, 1)
    library = ExperienceIndexPageFactory(parent=home_pages["en"])
    ExperiencePageFactory(parent=library, agency=midis, title="Juntos en el territorio")
    catalogue = CourseIndexPageFactory(parent=home_pages["en"])
    cohort = CohortFactory(course=CoursePageFactory(parent=catalogue))
    learners_of(midis.country, cohort, 3)
    learners_of(mdsf.country, cohort, 6)
    return {"network": network, "library": library, "cohort": cohort}
