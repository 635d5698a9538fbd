"""The writes of the networks domain: asking to join, deciding, leaving, announcing, consenting.

``sync_network_members`` is the only code that writes ``Network.members``.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cms.accounts.models import AgencyClaim, User
from cms.directory.models import Agency, Network
from cms.notify import notify
from cms.permissions import may_act_for
from cms.refusals import Refusal

from . import permissions
from .models import (
    Announcement,
    ContactConsent,
    Membership,
    MembershipState,
    MembershipTransition,
)
from .workflow import WORKFLOW, MembershipRefused

MAX_STATEMENT = 2000
MAX_TITLE = 200
MAX_BODY = 5000


def sync_network_members(*, network: Network) -> None:
    """Make ``Network.members`` the agencies whose membership is "member" (the one writer)."""
    current = set(
        Membership.objects.filter(network=network, state=MembershipState.MEMBER).values_list(
            "agency_id", flat=True
        )
    )
    if current != set(network.members.values_list("pk", flat=True)):
        network.members.set(current)
    network.__dict__.pop("_member_ids", None)


def membership_request(
    *, network: Network, agency: Agency, by: User, statement: str = ""
) -> Membership:
    """``by`` (a focal point of ``agency``) asks for it to join ``network``."""
    statement = (statement or "").strip()
    if len(statement) > MAX_STATEMENT:
        raise Refusal(
            _("Keep the statement under %(n)s characters.") % {"n": MAX_STATEMENT},
            code="too_long",
        )
    if not may_act_for(by, agency.pk):
        raise MembershipRefused(
            _("Only an approved focal point of the agency may ask for it to join."),
            code="not_allowed",
        )
    with transaction.atomic():
        # The network row serialises concurrent requests for it.
        Network.objects.select_for_update().get(pk=network.pk)
        open_one = (
            Membership.objects.filter(network=network, agency=agency, state__in=[
                MembershipState.REQUESTED, MembershipState.MEMBER])
            .only("state").first()
        )
        if open_one is not None:
            message = (
                _("This agency is already a member of the network.")
                if open_one.state == MembershipState.MEMBER
                else _("This agency has already asked to join; the secretariat will answer.")
            )
            raise MembershipRefused(message, code="already_open")
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    network=network, agency=agency, state=MembershipState.REQUESTED,
                    statement=statement, requested_by=by,
                )
        except IntegrityError as error:
            raise MembershipRefused(
                _("This agency has already asked to join; the secretariat will answer."),
                code="already_open",
            ) from error
        record = MembershipTransition.objects.create(
            membership=membership, action="request", from_state="",
            to_state=MembershipState.REQUESTED, by=by, comment=statement,
        )
        notify_membership(membership, record)
    return membership


def membership_transition(
    *, membership: Membership, action: str, by: User, comment: str = "",
    expected_version: int | None = None,
) -> Membership:
    """Approve, decline (with a reason) or leave, through the workflow."""
    comment = (comment or "").strip()
    if len(comment) > MAX_STATEMENT:
        raise Refusal(
            _("Keep the reason under %(n)s characters.") % {"n": MAX_STATEMENT}, code="too_long"
        )
    if WORKFLOW.button_action(action) is None:
        raise MembershipRefused(_("Unknown action."), code="unknown_action")
    return WORKFLOW.transition(
        membership, action, by=by, comment=comment, expected_version=expected_version
    )


def _secretariat_people():
    from cms.accounts import roles

    return User.objects.filter(is_active=True, groups__name=roles.SECRETARIAT).values_list(
        "pk", flat=True
    )


def _agency_focal_points(agency_id: int):
    return AgencyClaim.objects.filter(
        agency_id=agency_id, status=AgencyClaim.Status.APPROVED, user__is_active=True
    ).values_list("user_id", flat=True)


def _names(network: Network) -> dict:
    return {
        code: getattr(network, f"name_{code}") or network.name_en
        for code in ("en", "es", "fr", "pt")
    }


def notify_membership(membership: Membership, record: MembershipTransition) -> None:
    """The agency's focal points and the secretariat hear of each step (after commit)."""
    recipients = set(_agency_focal_points(membership.agency_id)) | set(_secretariat_people())
    notify(
        recipients,
        "networks/membership",
        {
            "network_names": _names(membership.network),
            "agency": membership.agency.name,
            "action": record.action,
            "comment": record.comment,
            "path": f"networks/{membership.network.slug}/members/",
        },
    )


def member_people_ids(network: Network) -> set[int]:
    """Active people of the member agencies: their approved focal points and their staff."""
    agency_ids = list(network.members.values_list("pk", flat=True))
    staff = User.objects.filter(is_active=True, agency_id__in=agency_ids).values_list(
        "pk", flat=True
    )
    claims = AgencyClaim.objects.filter(
        agency_id__in=agency_ids, status=AgencyClaim.Status.APPROVED, user__is_active=True
    ).values_list("user_id", flat=True)
    return set(staff) | set(claims)


def announcement_post(
    *, network: Network, by: User, title: str, body: str, language: str
) -> Announcement:
    """The secretariat writes to a network's members: kept on the network's working page and
    emailed to every member person (after commit, in their language)."""
    if not permissions.may_decide(by, network):
        raise Refusal(_("Only the secretariat may write to a network's members."),
                      code="not_allowed")
    title, body = (title or "").strip(), (body or "").strip()
    if not title or not body:
        raise Refusal(_("Write a title and a message."), code="empty")
    if len(title) > MAX_TITLE or len(body) > MAX_BODY:
        raise Refusal(_("The title or the message is too long."), code="too_long")
    with transaction.atomic():
        announcement = Announcement.objects.create(
            network=network, title=title, body=body, language=language, created_by=by
        )
        notify(
            member_people_ids(network),
            "networks/announcement",
            {
                "network_names": _names(network),
                "title": title,
                "body": body,
                "language": language,
                "path": f"networks/{network.slug}/announcements/",
            },
        )
    return announcement


def consent_set(*, user: User, show_name: bool) -> ContactConsent:
    """The person's own choice to be named as a focal point on network pages."""
    consent, _created = ContactConsent.objects.update_or_create(
        user=user, defaults={"show_name": bool(show_name)}
    )
    return consent

