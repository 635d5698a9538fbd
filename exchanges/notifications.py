"""Telling the parties what happened: an in-app notification and an email per person.

Notifications are written in the same transaction as the transition; emails leave after commit,
through Django's tasks framework.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from django_tasks import task

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


def notify(req: ExchangeRequest, people, message: str, params: dict) -> list[Notification]:
    """Store a notification for each person, in their language, and email them after commit."""
    notes = []
    for person in people:
        with translation.override(person.preferred_language):
            text = _(message) % {k: str(v) for k, v in params.items()}
        notes.append(Notification(user=person, request=req, text=text[:300]))
    notes = Notification.objects.bulk_create(notes)
    ids = [n.pk for n in notes]
    if ids:
        transaction.on_commit(lambda: send_notification_emails.enqueue(notification_ids=ids))
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
        )
    return notify(
        req,
        people,
        gettext_noop("“%(title)s” is now: %(state)s."),
        {"title": req.title, "state": State(record.to_state).label},
    )


@task()
def send_notification_emails(*, notification_ids: list[int]) -> int:
    """Email each notification to its person, in their language; returns how many were sent."""
    sent = 0
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for note in Notification.objects.filter(pk__in=notification_ids).select_related("user"):
        if not note.user.is_active:
            continue
        with translation.override(note.user.preferred_language):
            url = base_url + reverse("exchanges:detail", args=[note.request_id])
            subject = _("Peer exchange: %(text)s") % {"text": note.text}
            body = _("%(text)s\n\nOpen the request: %(url)s") % {"text": note.text, "url": url}
        sent += send_mail(subject[:200], body, None, [note.user.email])
    return sent


def unread_count(request) -> int | None:
    """The header badge: unread notifications of the signed-in person."""
    user = request.user
    if not user.is_authenticated:
        return None
    return Notification.objects.filter(user=user, read_at__isnull=True).count() or None
