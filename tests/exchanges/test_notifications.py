"""The exchanges' emails go through cms.notify: rendered from templates/email/exchanges/… in each
recipient's language, after commit, beside the in-app notification rows."""

from django.core import mail

import pytest

from cms.accounts import roles
from exchanges import services, workflow
from exchanges.models import Notification, State
from tests.factories import AgencyFactory, CountryFactory, UserFactory, focal_point_for
from tests.factories.exchanges import request_in

pytestmark = pytest.mark.django_db


def test_transition_email_in_the_recipients_language(django_capture_on_commit_callbacks):
    provider_agency = AgencyFactory(country=CountryFactory())
    provider = focal_point_for(provider_agency, preferred_language="es")
    req = request_in(State.APPROVED)
    secretariat = UserFactory(roles=[roles.SECRETARIAT], preferred_language="fr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(req, "match", by=secretariat, provider=provider_agency)
    to_provider = next(m for m in mail.outbox if provider.email in m.to)
    assert to_provider.subject == (
        f"Intercambio entre pares: «{req.title}» ahora está: Oferente asignado."
    )
    assert f"/es/exchanges/{req.pk}/" in to_provider.body
    # The in-app notice stays, in the person's language too.
    assert Notification.objects.get(user=provider).text.endswith("Oferente asignado.")
    assert not any(secretariat.email in m.to for m in mail.outbox)  # the actor is not told


def test_offer_and_withdrawal_emails(django_capture_on_commit_callbacks):
    req = request_in(State.APPROVED, title="Registro social & empleo")
    req.open_to_offers = True
    req.save()
    requester = focal_point_for(req.requesting_agency)
    offering_agency = AgencyFactory(country=CountryFactory())
    offerer = focal_point_for(offering_agency, preferred_language="pt")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.offer_create(req=req, by=offerer, agency=offering_agency, message="Podemos")
    to_requester = next(m for m in mail.outbox if requester.email in m.to)
    assert offering_agency.name in to_requester.subject
    assert "Registro social & empleo" in to_requester.body  # plain text: nothing escaped
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.transition(req, "withdraw", by=requester, comment="Otra fuente de fondos.")
    to_offerer = next(m for m in mail.outbox if offerer.email in m.to)
    assert to_offerer.subject.startswith("Intercâmbio entre pares:")
    assert "retirou" in to_offerer.subject
    assert "Otra fuente de fondos." in to_offerer.body
