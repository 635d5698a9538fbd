"""Factories for exchange requests; ``request_in(state)`` walks the real workflow to a state."""

import datetime

import factory

from cms.accounts import roles
from exchanges import workflow
from exchanges.models import Activity, ExchangeRequest, Modality, Offer, Report, Review, State
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for


class ExchangeRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRequest
        skip_postgeneration_save = True

    requesting_agency = factory.SubFactory(AgencyFactory)
    title = factory.Sequence(lambda n: f"Exchange request {n}")
    problem = "Our cash transfers do not reach the poorest households."
    need = "Learn how a social registry targets households."
    objectives = "Design a targeting model."
    expected_results = "A targeting model piloted in two regions."
    period_start = datetime.date(2026, 3, 1)
    period_end = datetime.date(2026, 3, 10)
    participants = 6
    languages = factory.LazyFunction(lambda: ["es"])

    @factory.post_generation
    def activities(self, create, extracted, **kwargs):
        if create and extracted is not False:
            Activity.objects.create(request=self, modality=extracted or Modality.STUDY_VISIT)


def request_in(
    state: str,
    *,
    requester=None,
    provider=None,
    secretariat=None,
    withdrawn_from: str = State.PROVIDER_MATCHED,
    **kwargs,
):
    """A request brought to ``state`` through workflow.transition, as the real people would.

    A withdrawn request is first brought to ``withdrawn_from``, then withdrawn by its requester.
    """
    if state == State.WITHDRAWN:
        req = request_in(
            withdrawn_from,
            requester=requester,
            provider=provider,
            secretariat=secretariat,
            **kwargs,
        )
        requester = requester or focal_point_for(req.requesting_agency)
        return workflow.transition(req, "withdraw", by=requester, comment="Our priorities changed.")
    req = ExchangeRequestFactory(**kwargs)
    requester = requester or focal_point_for(req.requesting_agency)
    secretariat = secretariat or UserFactory(roles=[roles.SECRETARIAT])
    order = [s.value for s in State]
    target = order.index(state)

    def go(action, by, **extra):
        nonlocal req
        req = workflow.transition(req, action, by=by, **extra)

    if state == State.DRAFT:
        return req
    go("submit", requester)
    if state == State.SUBMITTED:
        return req
    go("start_review", secretariat)
    if state == State.UNDER_REVIEW:
        return req
    if state in (State.CHANGES_REQUESTED, State.REJECTED):
        go("request_changes" if state == State.CHANGES_REQUESTED else "reject", secretariat)
        return req
    Review.objects.create(
        request=req, reviewer=secretariat, relevance=4, clarity=4, commitment=4, feasibility=4
    )
    go("approve", secretariat, open_to_offers=True)
    if state == State.APPROVED:
        return req
    provider = provider or AgencyFactory(country=CountryFactory())
    offer = Offer.objects.create(request=req, agency=provider, message="We can help.")
    req = workflow.offer_accept(offer=offer, by=requester)
    for action in ("schedule", "start", "complete"):
        if order.index(req.state) >= target:
            return req
        go(action, secretariat)
    if order.index(req.state) >= target:
        return req
    for agency in (req.requesting_agency, req.provider_agency):
        Report.objects.create(
            request=req,
            agency=agency,
            activities="Visits",
            participants="6 officials",
            results="A model",
            next_steps="Pilot",
        )
    go("reports_in", requester)
    if state == State.REPORTS_SUBMITTED:
        return req
    go("close", secretariat)
    return req
