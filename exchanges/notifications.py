"""Telling the parties what happened: an in-app notification and an email per person.

Notifications are written in the same transaction as the transition; emails leave after commit
through the one way Puente sends email (``cms.notify.notify``), rendered from
``templates/email/exchanges/<name>`` in each person's language.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cms import notify as mail
from cms.accounts import roles
from cms.accounts.models import AgencyClaim

from .models import ExchangeRequest, Notification, Offer, State, Transition


def recipients(req: ExchangeRequest, *, secretariat: bool = True, offerers: bool = False):
    """Active focal points of both parties and, unless told otherwise, the secretariat; with
    ``offerers``, also the focal points of every agency that offered to provide."""
    agencies = Q(agency_claims__agency_id__in=req.party_agency_ids)
    if offerers:
        agencies |= Q(
            agency_claims__agency_id__in=Offer.objects.filter(request=req).values("agency")
        )
    rule = Q(
        agencies,
        agency_claims__status=AgencyClaim.Status.APPROVED,
        groups__name=roles.FOCAL_POINT,
    )
    if secretariat:
        rule |= Q(groups__name=roles.SECRETARIAT)
    return get_user_model().objects.filter(rule, is_active=True).distinct()


def notify(
    req: ExchangeRequest, people, message: str, params: dict, *, email: str, email_params=None
) -> list[Notification]:
    """Store a notification for each person, in their language, and email them after commit
    (template ``exchanges/<email>``, whose context is ``email_params`` — by default ``params``
    — and the request's id)."""
    people = list(people)
    # Values that are lazy translations (a state's label) are kept untranslated and translated
    # again for each reader (Notification.display_text).
    stored = {}
    with translation.override(None):
        for key, value in params.items():
            stored[key] = str(value)
    lazy = sorted(key for key, value in params.items() if isinstance(value, Promise))
    if lazy:
        stored[Notification.TRANSLATE] = lazy
    notes = []
    for person in people:
        with translation.override(person.preferred_language):
            text = _(message) % {k: str(v) for k, v in params.items()}
        notes.append(Notification(
            user=person, request=req, text=text[:300], message=message, params=stored,
        ))
    notes = Notification.objects.bulk_create(notes)
    mail.notify(
        people,
        f"exchanges/{email}",
        {"request_id": req.pk, **{k: str(v) for k, v in (email_params or params).items()}},
    )
    return notes


def notify_transition(req: ExchangeRequest, record: Transition) -> list[Notification]:
    # Drafts concern nobody else yet; the person who acted needs no notice.
    withdrawn = record.to_state == State.WITHDRAWN
    people = recipients(
        req,
        secretariat=record.from_state != State.DRAFT or record.to_state != State.WITHDRAWN,
        offerers=withdrawn,
    )
    if record.by_id:
        people = people.exclude(pk=record.by_id)
    if withdrawn:
        return notify(
            req,
            people,
            gettext_noop("%(agency)s withdrew “%(title)s”. Reason: %(reason)s"),
            {"agency": req.requesting_agency.name, "title": req.title, "reason": record.comment},
            email="withdrawn",
        )
    label = State(record.to_state).label
    with translation.override(None):  # the untranslated label: each email translates it
        untranslated = str(label)
    return notify(
        req,
        people,
        gettext_noop("“%(title)s” is now: %(state)s."),
        {"title": req.title, "state": label},
        email="transition",
        email_params={"title": req.title, "state": untranslated},
    )


def unread_count(request) -> int | None:
    """The header badge: unread notifications of the signed-in person."""
    user = request.user
    if not user.is_authenticated:
        return None
    return Notification.objects.filter(user=user, read_at__isnull=True).count() or None
