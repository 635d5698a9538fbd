"""Writes that are not state changes: saving a draft, the rubric, offers, reports, evaluations,
and turning a closed exchange into a draft experience page. Each checks its permission again, so
a view that forgot to ask cannot write.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from experiences.services import draft_from_exchange
from rooms.services import room_for_parent

from . import permissions
from .models import Attachment, Evaluation, ExchangeRequest, Offer, Report, Review, State
from .notifications import notify, recipients
from .workflow import TransitionRefused, transition


def exchange_request_save(
    *, form, activities, by, attachment_content_type: str = ""
) -> ExchangeRequest:
    """Save a new or edited request (still a draft, or sent back for changes) with its
    activities and an optional new attachment."""
    req = form.instance
    if req.pk:
        if not permissions.may_edit(by, req):
            raise PermissionDenied
    elif not permissions.may_act_for_agency(by, form.cleaned_data["requesting_agency"]):
        raise PermissionDenied
    with transaction.atomic():
        if req.pk:
            # The row may have moved on since the form was shown; refuse rather than overwrite.
            current = ExchangeRequest.objects.select_for_update().get(pk=req.pk)
            if current.state not in (State.DRAFT, State.CHANGES_REQUESTED):
                raise TransitionRefused(_("This request can no longer be edited."))
        else:
            req.created_by = by
        new = req.pk is None
        req = form.save()
        if new:
            # Every exchange has its discussion room from the start; the room's policy opens
            # it to the parties once the request is approved.
            room_for_parent(parent=req)
        activities.instance = req
        activities.save()
        for order, activity in enumerate(req.activities.all()):
            if activity.order != order:
                activity.order = order
                activity.save(update_fields=["order"])
        upload = form.cleaned_data.get("attachment")
        if upload:
            Attachment.objects.create(
                request=req,
                file=upload,
                original_name=upload.name[:255],
                content_type=attachment_content_type,
                size=upload.size,
                uploaded_by=by,
            )
    return req


def review_record(*, req: ExchangeRequest, by, form) -> Review:
    """Store the secretariat's rubric for a request under review."""
    if not permissions.may_review(by, req):
        raise PermissionDenied
    review = form.save(commit=False)
    review.request = req
    review.reviewer = by
    review.save()
    return review


def offer_create(*, req: ExchangeRequest, by, agency, message: str) -> Offer:
    """An agency's offer to provide; the requester and the secretariat are told."""
    with transaction.atomic():
        locked = ExchangeRequest.objects.select_for_update().get(pk=req.pk)
        if agency.pk not in permissions.offer_agency_ids(by, locked):
            raise TransitionRefused(_("This request is not open to offers from your agency."))
        try:
            with transaction.atomic():
                offer = Offer.objects.create(request=locked, agency=agency, by=by, message=message)
        except IntegrityError:
            raise TransitionRefused(_("Your agency has already made an offer.")) from None
        notify(
            locked,
            recipients(locked),
            gettext_noop("%(agency)s offers to provide “%(title)s”."),
            {"agency": agency.name, "title": locked.title},
            email="offer",
        )
    return offer


def report_submit(*, req: ExchangeRequest, by, form) -> Report:
    """A side's final report; the second report moves the exchange to "reports submitted"."""
    with transaction.atomic():
        locked = ExchangeRequest.objects.select_for_update().get(pk=req.pk)
        reported = set(locked.reports.values_list("agency_id", flat=True))
        agency = form.cleaned_data["agency"]
        if agency.pk not in permissions.report_agency_ids(by, locked, reported):
            raise TransitionRefused(_("You cannot submit a report for this side now."))
        report = form.save(commit=False)
        report.request = locked
        report.by = by
        report.save()
        if locked.party_agency_ids <= reported | {agency.pk}:
            transition(locked, "reports_in", by=by, comment=_("Both final reports are in."))
    return report


def evaluation_submit(*, req: ExchangeRequest, by, kind: str, form) -> Evaluation:
    if not permissions.may_evaluate(by, req, kind):
        raise PermissionDenied
    evaluation = form.save(commit=False)
    evaluation.request = req
    evaluation.kind = kind
    evaluation.by = by
    try:
        with transaction.atomic():
            evaluation.save()
    except IntegrityError:
        raise TransitionRefused(_("You have already filled this form.")) from None
    return evaluation


def experience_draft_create(*, req: ExchangeRequest, by):
    """A draft ExperiencePage of the provider's experience, pre-filled from the reports."""
    if not permissions.may_create_experience(by, req):
        raise PermissionDenied
    reports = list(req.reports.select_related("agency"))
    completed = req.completed_at or req.updated_at
    with transaction.atomic():
        page = draft_from_exchange(
            exchange_id=req.pk,
            title=req.title,
            summary=req.summary or req.need,
            agency=req.provider_agency or req.requesting_agency,
            start_year=(req.period_start or completed).year,
            end_year=(req.period_end or completed).year,
            problem=req.problem,
            actions=[r.activities for r in reports],
            results=[r.results for r in reports],
            lessons=[r.next_steps for r in reports],
            themes=req.themes.all(),
            population_groups=req.population_groups.all(),
            by=by,
        )
        ExchangeRequest.objects.filter(pk=req.pk).update(experience_page=page)
    return page
