import csv
import io

from django.urls import reverse

import pytest

from cms.accounts import roles
from exchanges.models import Evaluation, State
from tests.factories import NetworkFactory, ThemeFactory, UserFactory, focal_point_for
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def secretariat_client(client):
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    return client


def test_listing_filters(secretariat_client, django_assert_max_num_queries):
    theme = ThemeFactory()
    a = request_in(State.SUBMITTED)
    a.themes.add(theme)
    b = request_in(State.CLOSED)
    draft = request_in(State.DRAFT)
    network = NetworkFactory(members=[b.provider_agency])
    url = reverse("exchanges_admin:index")

    def shown(**params):
        response = secretariat_client.get(url, params)
        assert response.status_code == 200
        return {obj.pk for obj in response.context["object_list"]}

    assert shown() == {a.pk, b.pk}  # drafts stay with their agency
    assert draft.pk not in shown()
    assert shown(state="closed") == {b.pk}
    assert shown(theme=theme.pk) == {a.pk}
    assert shown(country=b.provider_agency.country_id) == {b.pk}
    assert shown(modality="study_visit") == {a.pk, b.pk}
    assert shown(modality="workshop") == set()
    assert shown(network=network.pk) == {b.pk}
    assert shown(period_from="2026-03-01", period_to="2026-03-02") == {a.pk, b.pk}
    assert shown(period_from="2027-01-01") == set()
    for _ in range(5):
        request_in(State.SUBMITTED)
    with django_assert_max_num_queries(30):
        secretariat_client.get(url)


def test_focal_point_cannot_use_the_workspace(client):
    req = request_in(State.SUBMITTED)
    user = focal_point_for(req.requesting_agency)
    client.force_login(user)
    assert client.get(reverse("exchanges_admin:index")).status_code in (302, 403)
    assert client.get(reverse("exchanges_admin:indicators")).status_code in (302, 403)
    response = client.post(
        reverse("exchanges_admin:act", args=[req.pk]),
        {"action": "start_review", "version": req.version},
    )
    assert response.status_code in (302, 403)
    req.refresh_from_db()
    assert req.state == State.SUBMITTED


def test_no_add_or_edit_in_the_admin(secretariat_client):
    req = request_in(State.SUBMITTED)
    assert secretariat_client.get(reverse("exchanges_admin:add")).status_code in (302, 403)
    assert secretariat_client.get(reverse("exchanges_admin:edit", args=[req.pk])).status_code in (
        302,
        403,
    )


def test_rubric_and_actions_in_the_inspect_view(secretariat_client):
    req = request_in(State.UNDER_REVIEW)
    inspect = reverse("exchanges_admin:inspect", args=[req.pk])
    page = secretariat_client.get(inspect)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Review rubric" in body and "Audit trail" in body
    secretariat_client.post(
        reverse("exchanges_admin:review", args=[req.pk]),
        {"relevance": 4, "clarity": 4, "commitment": 5, "feasibility": 4},
    )
    response = secretariat_client.post(
        reverse("exchanges_admin:act", args=[req.pk]),
        {"action": "approve", "version": req.version, "comment": "Fine"},
    )
    assert response.url == inspect
    req.refresh_from_db()
    assert req.state == State.APPROVED and req.reviews.count() == 1


def test_indicators_and_csv(secretariat_client):
    closed = request_in(State.CLOSED, title='=HYPERLINK("x")')
    Evaluation.objects.create(
        request=closed,
        kind="party",
        satisfaction=4,
        usefulness=5,
        by=focal_point_for(closed.requesting_agency),
    )
    request_in(State.SUBMITTED)
    request_in(State.DRAFT)
    page = secretariat_client.get(reverse("exchanges_admin:indicators"))
    data = page.context["data"]
    assert data["total"] == 2
    assert dict(data["by_state"]) == {"Closed": 1, "Submitted": 1}
    assert data["satisfaction"]["avg"] == 4
    response = secretariat_client.get(reverse("exchanges_admin:indicators"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert len(rows) == 3
    closed_row = next(r for r in rows[1:] if r[6] == "closed")
    assert closed_row[1].startswith("'=")  # formulas are neutralised
    assert closed_row[11] == "4.00"


def test_workspace_shows_withdrawal_and_offers_it_only_to_the_requester(client):
    from cms.accounts.models import AgencyClaim
    from exchanges.models import Transition

    req = request_in(State.SUBMITTED)
    # A secretariat member who is also a focal point of the requesting agency.
    both = UserFactory(roles=[roles.SECRETARIAT, roles.FOCAL_POINT], agency=req.requesting_agency)
    AgencyClaim.objects.create(
        user=both, agency=req.requesting_agency, status=AgencyClaim.Status.APPROVED
    )
    inspect = reverse("exchanges_admin:inspect", args=[req.pk])
    client.force_login(UserFactory(roles=[roles.SECRETARIAT]))
    assert 'value="withdraw"' not in client.get(inspect).content.decode()
    act = reverse("exchanges_admin:act", args=[req.pk])
    client.post(act, {"action": "withdraw", "version": req.version, "comment": "x"})
    req.refresh_from_db()
    assert req.state == State.SUBMITTED
    client.force_login(both)
    assert 'value="withdraw"' in client.get(inspect).content.decode()
    response = client.post(
        act, {"action": "withdraw", "version": req.version, "comment": "Duplicate"}, follow=True
    )
    req.refresh_from_db()
    assert req.state == State.WITHDRAWN
    assert Transition.objects.filter(request=req, action="withdraw", by=both).exists()
    listing = client.get(reverse("exchanges_admin:index"), {"state": "withdrawn"})
    assert {o.pk for o in listing.context["object_list"]} == {req.pk}
    assert "Duplicate" in response.content.decode()


def test_indicators_count_withdrawn_requests_by_state_only():
    from exchanges.indicators import indicators

    theme = ThemeFactory()
    kept = request_in(State.SUBMITTED)
    kept.themes.add(theme)
    gone = request_in(State.WITHDRAWN, withdrawn_from=State.SUBMITTED)
    gone.themes.add(theme)
    request_in(State.WITHDRAWN, withdrawn_from=State.DRAFT)  # never reached the secretariat
    data = indicators()
    assert data["total"] == 2
    assert dict(data["by_state"]) == {"Submitted": 1, "Withdrawn": 1}
    assert [n for _label, n in data["by_theme"]] == [1]
    assert sum(n for _label, n in data["by_requesting_country"]) == 1
