"""Issue 16, point 9: the secretariat's actions on people (claim decisions, enrolment decisions,
certificate revocations) are in an audit log in the admin (Wagtail's ModelLogEntry)."""

from decimal import Decimal

from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest

from cms.accounts.models import AgencyClaim
from cms.accounts.services import agency_claim_decide
from courses import services
from courses.models import Certificate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _entries(instance):
    return list(
        ModelLogEntry.objects.filter(object_id=str(instance.pk)).values_list("action", "user_id")
    )


def test_decisions_and_revocations_are_logged_and_shown(client, cohort, agency, secretariat):
    cohort.requires_approval = True
    cohort.save()
    enrolment = services.enrolment_create(user=UserFactory(), cohort=cohort)
    services.enrolment_decide(enrolment=enrolment, approve=False, by=secretariat)
    certificate = services.certificate_issue(
        user=UserFactory(), kind=Certificate.Kind.COMPLETION, course=cohort.course,
        hours=Decimal(12),
    )
    services.certificate_revoke(certificate=certificate, by=secretariat, reason="Fraud")
    claim = AgencyClaim.objects.create(user=UserFactory(), agency=agency)
    agency_claim_decide(claim=claim, status=AgencyClaim.Status.APPROVED, by=secretariat)

    assert ("puente.enrolment.reject", secretariat.pk) in _entries(enrolment)
    assert ("puente.certificate.revoke", secretariat.pk) in _entries(certificate)
    assert ("puente.claim.approved", secretariat.pk) in _entries(claim)

    client.force_login(secretariat)
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    for label in ("Enrolment rejected", "Certificate revoked", "Claim approved"):
        assert label in html


def test_account_erasure_takes_the_name_out_of_the_audit_log(cohort, agency, secretariat):
    """Wagtail's log entries keep a label snapshot ("Rosalind Private — Course — Cohort"): after
    the person's account is erased the entries stay, without their name or address."""
    from cms.accounts.personal_data import account_erase

    person = UserFactory(first_name="Rosalind", last_name="Private",
                         email="rosalind.private@example.org")
    cohort.requires_approval = True
    cohort.save()
    enrolment = services.enrolment_create(user=person, cohort=cohort)
    services.enrolment_decide(enrolment=enrolment, approve=True, by=secretariat)
    certificate = services.certificate_issue(
        user=person, kind=Certificate.Kind.COMPLETION, course=cohort.course, hours=Decimal(12),
    )
    services.certificate_revoke(certificate=certificate, by=secretariat,
                                reason="Rosalind Private shared her account")
    claim = AgencyClaim.objects.create(user=person, agency=agency)
    agency_claim_decide(claim=claim, status=AgencyClaim.Status.APPROVED, by=secretariat,
                        note="Checked with rosalind.private@example.org")
    entries = ModelLogEntry.objects.filter(action__startswith="puente.")
    before = list(entries.values_list("pk", "action", "user_id").order_by("pk"))
    texts = " ".join(f"{label} {data}" for label, data in entries.values_list("label", "data"))
    assert "Rosalind Private" in texts and "rosalind.private@example.org" in texts

    account_erase(user=person)

    assert list(entries.values_list("pk", "action", "user_id").order_by("pk")) == before
    for label, data in entries.values_list("label", "data"):
        text = f"{label} {data}".lower()
        assert "rosalind" not in text and "private" not in text, text
    assert f"#{person.pk}" in entries.get(action="puente.enrolment.approve").label
