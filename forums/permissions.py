"""Who may do what in political dialogue (deny by default). Views, API, admin, downloads and the
room policies all ask here.

- The public reads live forum and meeting pages, public documents and accepted reports.
- A focal point acts only for the countries of the agencies they represent (approved claims).
- Confirmed delegates (their account email is on a confirmed delegation, or they are the
  focal point of that country) read the meeting's private documents and enter its room.
- Editors publish pages and documents and tag content; the secretariat manages commitments,
  cycles, delegations and reviews.
"""

from __future__ import annotations

from django.utils import timezone

from cms.accounts import roles
from cms.permissions import (
    has_role,
    is_active_user,
    is_editor,
    is_secretariat,
    represented_agency_ids,
)
from rooms.parents import RoomPolicy

from .models import CountryReport, Delegation, ForumDocument, MeetingPage
from .models.pages import canonical_pk

__all__ = ["is_editor", "is_secretariat"]


def focal_countries(user) -> list:
    """Countries ``user`` reports and registers for: those of the agencies they represent
    (one query, kept on the user for the request)."""
    if not (is_active_user(user) and has_role(user, roles.FOCAL_POINT)):
        return []
    cached = user.__dict__.get("_forums_countries")
    if cached is None:
        from cms.directory.models import Country

        agencies = represented_agency_ids(user)
        cached = list(Country.objects.filter(agencies__pk__in=agencies).distinct()) if (
            agencies
        ) else []
        user.__dict__["_forums_countries"] = cached
    return cached


def focal_country_ids(user) -> frozenset[int]:
    return frozenset(c.pk for c in focal_countries(user))


def acts_for_country(user, country) -> bool:
    return getattr(country, "pk", country) in focal_country_ids(user)


# -- country reports ------------------------------------------------------------------------
def may_read_report(user, report: CountryReport) -> bool:
    return is_secretariat(user) or acts_for_country(user, report.country_id)


def may_edit_report(user, report: CountryReport) -> bool:
    """The country's focal point, while the report is a draft or was returned, once the cycle
    has opened."""
    return (
        acts_for_country(user, report.country_id)
        and report.state in (CountryReport.State.DRAFT, CountryReport.State.RETURNED)
        and report.cycle.opens_on <= timezone.localdate()
    )


def may_start_report(user, cycle, country) -> bool:
    return acts_for_country(user, country) and cycle.opens_on <= timezone.localdate()


def may_review(user) -> bool:
    return is_secretariat(user)


# -- delegations ----------------------------------------------------------------------------
def may_register(user, meeting: MeetingPage, country_id: int) -> bool:
    """Register or change a delegation: the country's focal point while registration is open,
    the secretariat at any time."""
    if is_secretariat(user):
        return True
    return acts_for_country(user, country_id) and meeting.registration_is_open()


def may_read_delegation(user, delegation: Delegation) -> bool:
    return is_secretariat(user) or acts_for_country(user, delegation.country_id)


def may_list_participants(user) -> bool:
    return is_secretariat(user)


def confirmed_delegations(user):
    """Confirmed delegations this person belongs to (by account email) or acts for."""
    if not is_active_user(user):
        return Delegation.objects.none()
    from django.db.models import Q

    return Delegation.objects.filter(state=Delegation.State.CONFIRMED).filter(
        Q(delegates__email__iexact=user.email) | Q(country_id__in=focal_country_ids(user))
    ).distinct()


def is_delegate(user, meeting: MeetingPage) -> bool:
    return confirmed_delegations(user).filter(meeting_id=canonical_pk(meeting)).exists()


# -- documents -------------------------------------------------------------------------------
def may_read_document(user, document: ForumDocument) -> bool:
    if is_editor(user) or is_secretariat(user):
        return True
    if not document.forum.live:
        return False
    if document.access == ForumDocument.Access.PUBLIC:
        return True
    if document.meeting_id:
        return is_delegate(user, document.meeting)
    # A forum-wide private document: its member states' focal points.
    member_ids = set(document.forum.member_countries.values_list("pk", flat=True))
    return bool(member_ids & focal_country_ids(user))


# -- tags ------------------------------------------------------------------------------------
def may_tag(user) -> bool:
    return is_editor(user) or is_secretariat(user)


# -- rooms -----------------------------------------------------------------------------------
class ForumRoomPolicy(RoomPolicy):
    """A forum's room: focal points of its member states; the secretariat moderates."""

    kind = "forum"

    def is_member(self, user, parent) -> bool:
        # Translations of a forum share its member countries (copied with the page).
        forum = getattr(parent, "specific", parent)
        members = set(forum.member_countries.values_list("pk", flat=True))
        return bool(members & focal_country_ids(user))


class MeetingRoomPolicy(RoomPolicy):
    """A meeting's room: its confirmed delegates; the secretariat moderates."""

    kind = "meeting"

    def is_member(self, user, parent) -> bool:
        return is_delegate(user, parent)
