"""Writes on accounts that carry a rule: sign-up profile, focal-point claims and their decision."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from cms.directory.models import Agency

from . import roles
from .models import AgencyClaim, User


def user_join_role(*, user: User, role: str) -> None:
    user.groups.add(Group.objects.get(name=role))


@transaction.atomic
def agency_claim_create(*, user: User, agency: Agency, statement: str = "") -> AgencyClaim:
    """Record that ``user`` asks to act for ``agency``; they stay a learner until approved."""
    if AgencyClaim.objects.filter(user=user, agency=agency).exclude(
        status=AgencyClaim.Status.REJECTED
    ).exists():
        raise ValidationError(_("You have already asked to act for this agency."))
    return AgencyClaim.objects.create(user=user, agency=agency, statement=statement)


@transaction.atomic
def agency_claim_decide(
    *, claim: AgencyClaim, status: str, by: User, note: str = ""
) -> AgencyClaim:
    """Approve or reject a claim; the focal-point role follows the person's approved claims.

    The claim row is locked so that two secretariat members deciding at once cannot both win.
    """
    if status not in (AgencyClaim.Status.APPROVED, AgencyClaim.Status.REJECTED):
        raise ValidationError(_("A claim can only be approved or rejected."))
    claim = AgencyClaim.objects.select_for_update().select_related("user").get(pk=claim.pk)
    if claim.status != AgencyClaim.Status.PENDING:
        raise ValidationError(_("This claim has already been decided."))
    claim.status = status
    claim.decided_by = by
    claim.decided_at = timezone.now()
    claim.decision_note = note
    claim.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    log(instance=claim, action=f"puente.claim.{status}", user=by, data={"note": note})

    focal_points = Group.objects.get(name=roles.FOCAL_POINT)
    if claim.user.agency_claims.filter(status=AgencyClaim.Status.APPROVED).exists():
        claim.user.groups.add(focal_points)
    else:
        claim.user.groups.remove(focal_points)
    return claim
