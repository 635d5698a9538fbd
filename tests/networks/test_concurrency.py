"""Two focal points of one agency asking at the same moment: one request, one clear refusal
(the network row lock and the one-open-membership constraint). PostgreSQL only."""

import threading

from django.db import connection

import pytest

from cms.refusals import Refusal
from networks import services
from networks.models import Membership
from tests.factories import AgencyFactory, NetworkFactory, focal_point_for


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True)
def test_parallel_requests_make_one_membership():
    network = NetworkFactory()
    agency = AgencyFactory()
    people = [focal_point_for(agency) for _ in range(6)]
    barrier = threading.Barrier(len(people))
    refusals, errors = [], []

    def ask(person):
        try:
            barrier.wait()
            services.membership_request(network=network, agency=agency, by=person)
        except Refusal as refusal:
            refusals.append(refusal.code)
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=ask, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert Membership.objects.filter(network=network, agency=agency).count() == 1
    assert refusals == ["already_open"] * (len(people) - 1)
