"""Who may see and do what with an exchange request — deny by default.

Views, forms, the attachment download, the API, the admin workspace and the room policy all ask
here. Every function answers for one user and returns a bool (or a queryset / set of agency ids);
callers decide how to refuse.

- Drafts: only the requesting agency's focal points.
- Submitted to rejected: the requester and the secretariat.
- Approved and later: also the matched provider's focal points; while an approved request is open
  to offers, every focal point.
- Withdrawn: read-only; the requester, the secretariat if it was ever submitted, the matched
  provider if there was one, and the agencies that had offered to provide.
- Public: only the summary of finished exchanges that agreed to publication.
"""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from cms.accounts import roles
from cms.permissions import (
    has_role,
    is_active_user,
    is_focal_point,
    is_secretariat,
    may_act_for,
    represented_agency_ids,
)
from rooms.parents import RoomPolicy

from .models import (
    APPROVED_AND_LATER,
    FINISHED,
    Attachment,
    Evaluation,
    ExchangeRequest,
    Offer,
    State,
)

#: States in which the matched provider (if any) is a party and may open the request.
PROVIDER_STATES = (*APPROVED_AND_LATER, State.WITHDRAWN)


def is_requester(user, req: ExchangeRequest) -> bool:
    """An approved focal point of the requesting agency."""
    return is_active_user(user) and may_act_for(user, req.requesting_agency_id)


def acts_for_provider(user, req: ExchangeRequest) -> bool:
    """THE rule "who is the provider": an approved focal point of the matched provider agency,
    whatever the state (the workflow's actions ask this; :func:`is_provider` adds the states in
    which the provider is a party)."""
    return (
        is_active_user(user)
        and bool(req.provider_agency_id)
        and may_act_for(user, req.provider_agency_id)
    )


def is_provider(user, req: ExchangeRequest) -> bool:
    """The provider as a party of the request: from approval on, and after a withdrawal."""
    return req.state in PROVIDER_STATES and acts_for_provider(user, req)


def secretariat_sees(user, req: ExchangeRequest) -> bool:
    """The secretariat sees every request once submitted (a withdrawn draft never was)."""
    if req.state == State.DRAFT or (req.state == State.WITHDRAWN and req.submitted_at is None):
        return False
    return is_secretariat(user)


def offered_on_withdrawn(user, req: ExchangeRequest) -> bool:
    """An agency that offered to provide may still read the request it was withdrawn from."""
    agency_ids = represented_agency_ids(user) if is_focal_point(user) else frozenset()
    return (
        req.state == State.WITHDRAWN
        and bool(agency_ids)
        and req.offers.filter(agency_id__in=agency_ids).exists()
    )


def is_party(user, req: ExchangeRequest) -> bool:
    return is_requester(user, req) or is_provider(user, req)


def is_open_call(req: ExchangeRequest) -> bool:
    return req.state == State.APPROVED and req.open_to_offers


def may_view(user, req: ExchangeRequest) -> bool:
    """The full request page: its text, attachments, audit trail."""
    if not is_active_user(user):
        return False
    if is_requester(user, req):
        return True
    if req.state == State.DRAFT:
        return False
    if secretariat_sees(user, req):
        return True
    if is_provider(user, req):
        return True
    return (is_open_call(req) and is_focal_point(user)) or offered_on_withdrawn(user, req)


def may_view_public(req: ExchangeRequest) -> bool:
    """The public summary, which anyone may read."""
    return req.publish_summary and req.state in FINISHED


def may_edit(user, req: ExchangeRequest) -> bool:
    return is_requester(user, req) and req.state in (State.DRAFT, State.CHANGES_REQUESTED)


def may_create(user) -> bool:
    return is_active_user(user) and is_focal_point(user)


def may_act_for_agency(user, agency) -> bool:
    return is_active_user(user) and may_act_for(user, agency)


def may_download(user, attachment: Attachment) -> bool:
    return may_view(user, attachment.request)


def may_review(user, req: ExchangeRequest) -> bool:
    """Record the rubric: the secretariat, while the request is under review."""
    return is_secretariat(user) and req.state == State.UNDER_REVIEW


def see_reviews(user, req: ExchangeRequest) -> bool:
    return secretariat_sees(user, req)


def offer_agency_ids(user, req: ExchangeRequest) -> set[int]:
    """Agencies ``user`` may offer for: their own, not the requester, while the call is open."""
    if not (is_active_user(user) and is_open_call(req)):
        return set()
    return set(represented_agency_ids(user)) - {req.requesting_agency_id}


def may_see_offers(user, req: ExchangeRequest) -> bool:
    """All offers: the requester and the secretariat (an offering agency sees its own)."""
    return req.state in APPROVED_AND_LATER and (is_requester(user, req) or is_secretariat(user))


def may_pick_offer(user, req: ExchangeRequest) -> bool:
    return req.state == State.APPROVED and (is_requester(user, req) or is_secretariat(user))


def report_agency_ids(user, req: ExchangeRequest, reported: set[int]) -> set[int]:
    """Sides ``user`` may still report for: a completed exchange, one report per side."""
    if req.state != State.COMPLETED or not is_active_user(user):
        return set()
    return {
        agency_id for agency_id in req.party_agency_ids - reported if may_act_for(user, agency_id)
    }


def may_read_reports(user, req: ExchangeRequest) -> bool:
    return req.state in FINISHED and (is_party(user, req) or is_secretariat(user))


def follow_up_opens(req: ExchangeRequest) -> datetime.datetime | None:
    if req.completed_at is None:
        return None
    return req.completed_at + datetime.timedelta(days=settings.EXCHANGES_FOLLOW_UP_DAYS)


def open_evaluations(user, req: ExchangeRequest) -> list[str]:
    """The evaluation kinds ``user`` may still fill for ``req``: allowed now and not yet given
    (one query for what they already gave)."""
    allowed = [kind for kind in Evaluation.Kind if may_evaluate(user, req, kind)]
    if not allowed:
        return []
    given = set(
        Evaluation.objects.filter(request=req, by=user).values_list("kind", flat=True)
    )
    return [kind for kind in allowed if kind not in given]


def may_evaluate(user, req: ExchangeRequest, kind: str) -> bool:
    """Whether ``user`` may fill the evaluation form of ``kind`` now (once each)."""
    if not is_active_user(user):
        return False
    if kind == Evaluation.Kind.PARTY:
        return req.state in FINISHED and is_party(user, req)
    if kind == Evaluation.Kind.PARTICIPANT:
        # Verified staff of either side (an approved claim; the agency picked in one's own
        # profile grants nothing); the form opens only after the end date.
        return (
            req.state in (State.IN_PROGRESS, *FINISHED)
            and req.period_end is not None
            and timezone.localdate() > req.period_end
            and bool(represented_agency_ids(user) & req.party_agency_ids)
        )
    if kind == Evaluation.Kind.FOLLOW_UP:
        opens = follow_up_opens(req)
        return (
            req.state in FINISHED
            and opens is not None
            and timezone.now() >= opens
            and is_party(user, req)
        )
    return False


def may_see_suggestions(user, req: ExchangeRequest) -> bool:
    """Provider suggestions: the secretariat, from submission until a provider is matched."""
    return is_secretariat(user) and req.state in (
        State.SUBMITTED,
        State.UNDER_REVIEW,
        State.APPROVED,
    )


def may_create_experience(user, req: ExchangeRequest) -> bool:
    return is_secretariat(user) and req.state == State.CLOSED and req.experience_page_id is None


def may_use_workspace(user) -> bool:
    """The secretariat's listing, rubric and indicators in the Wagtail admin."""
    return is_secretariat(user)


def visible_requests(user) -> QuerySet[ExchangeRequest]:
    """Every request ``user`` may open, as one query (same rules as :func:`may_view`)."""
    qs = ExchangeRequest.objects.all()
    if not is_active_user(user):
        return qs.none()
    agency_ids = represented_agency_ids(user) if is_focal_point(user) else frozenset()
    rule = Q(requesting_agency_id__in=agency_ids)
    if is_secretariat(user):
        rule |= ~Q(state=State.DRAFT) & ~Q(state=State.WITHDRAWN, submitted_at__isnull=True)
    if agency_ids:
        rule |= Q(provider_agency_id__in=agency_ids, state__in=PROVIDER_STATES)
        rule |= Q(state=State.APPROVED, open_to_offers=True)
        rule |= Q(state=State.WITHDRAWN) & Exists(
            Offer.objects.filter(request=OuterRef("pk"), agency_id__in=agency_ids)
        )
    return qs.filter(rule)


def open_calls(user) -> QuerySet[ExchangeRequest]:
    """Approved requests open to offers, which every focal point and the secretariat may see."""
    if not (is_active_user(user) and (is_focal_point(user) or is_secretariat(user))):
        return ExchangeRequest.objects.none()
    return ExchangeRequest.objects.filter(state=State.APPROVED, open_to_offers=True)


class ExchangeRoomPolicy(RoomPolicy):
    """The discussion room of an exchange: the two parties from approval on; the secretariat
    moderates. Registered with ``rooms.parents`` in ``ExchangesConfig.ready()``."""

    kind = "exchange"

    def is_member(self, user, parent: ExchangeRequest) -> bool:
        return parent.state in APPROVED_AND_LATER and is_party(user, parent)

    def is_moderator(self, user, parent: ExchangeRequest) -> bool:
        return secretariat_sees(user, parent)

    def language(self, parent: ExchangeRequest) -> str:
        """An exchange's room speaks the requesting agency's language, as its request does."""
        return parent.requesting_agency.country.site_language

    def may_read(self, user, parent: ExchangeRequest) -> bool:
        # A withdrawn exchange's room stays readable by its parties, but nobody posts any more.
        return super().may_read(user, parent) or (
            parent.state == State.WITHDRAWN and is_party(user, parent)
        )

    def readable(self, user, exchanges):
        """``may_read`` for a queryset of requests, in one query (the room list): the parties
        from approval on (and after a withdrawal), the secretariat once submitted."""
        if not is_active_user(user):
            return exchanges.none()
        agencies = represented_agency_ids(user) if has_role(user, roles.FOCAL_POINT) else ()
        party = Q(requesting_agency_id__in=agencies) | Q(
            provider_agency_id__in=agencies, state__in=PROVIDER_STATES
        )
        readable = party & Q(state__in=PROVIDER_STATES)
        if is_secretariat(user):
            readable |= ~Q(state=State.DRAFT) & ~Q(
                state=State.WITHDRAWN, submitted_at__isnull=True
            )
        return exchanges.filter(readable)
