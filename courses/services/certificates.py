"""Certificates: issued once, revoked by the secretariat."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from cms.notify import absolute_url, notify
from cms.refusals import Refusal
from courses import permissions
from courses.models import Certificate, CoursePage, WebinarPage


def certificate_issue(
    *, user, kind: str, hours: Decimal, course: CoursePage | None = None,
    webinar: WebinarPage | None = None,
) -> Certificate:
    """Issue the certificate once; a second call returns the one already issued."""
    lookup = {"course": course} if course is not None else {"webinar": webinar}
    existing = Certificate.objects.filter(user=user, **lookup).first()
    if existing is not None:
        return existing
    title = (course or webinar).title
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user, kind=kind, holder_name=str(user), title=title, hours=hours, **lookup
            )
    except IntegrityError:
        return Certificate.objects.get(user=user, **lookup)
    notify(
        [user.pk], "courses/certificate",
        {
            "title": title,
            "code": certificate.code,
            "verify_url": absolute_url(reverse("certificate_verify", args=[certificate.code])),
        },
    )
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """The secretariat revokes a certificate; the verification page then says so."""
    if not permissions.may_administer_enrolments(by):
        raise Refusal(_("Only the secretariat may revoke certificates."), code="forbidden")
    if not reason.strip():
        raise Refusal(_("Give the reason for revoking."), code="no_reason")
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise Refusal(_("This certificate is already revoked."), code="revoked")
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revocation_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_by", "revocation_reason"])
    log(instance=certificate, action="puente.certificate.revoke", user=by,
        data={"reason": reason})
    return certificate
