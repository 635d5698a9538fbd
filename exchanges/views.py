"""Pages of the exchanges: thin views that ask `permissions`, then call `workflow` or `services`."""

import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.pagination import paginate
from cms.refusals import Refusal, refused_to_page

from . import permissions, services, workflow
from .filters import PublicExchangeFilter
from .forms import (
    ActivityFormSet,
    EvaluationForm,
    ExchangeRequestForm,
    OfferForm,
    ReportForm,
    ReviewForm,
    TransitionForm,
)
from .models import (
    Attachment,
    Evaluation,
    ExchangeRequest,
    Notification,
    Offer,
    State,
    Transition,
)

PER_PAGE = 20
logger = logging.getLogger(__name__)


def refused_to_exchange(view):
    """A refusal on an exchange's page: its message flashed, then back to the request's page,
    or to where the view said it should go (``request.refused_to``)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refusal as refusal:
            to = getattr(request, "refused_to", None) or reverse(
                "exchanges:detail", args=[kwargs["pk"]]
            )
            return refused_to_page(request, refusal, to)

    return wrapped


def public_list(request):
    """Finished exchanges that agreed to publication: a summary each, with filters."""
    qs = (
        ExchangeRequest.objects.published()
        .select_related("requesting_agency__country", "provider_agency__country")
        .prefetch_related("themes", "activities")
        .order_by("-completed_at", "-pk")
    )
    exchange_filter = PublicExchangeFilter(request.GET, queryset=qs)
    page = paginate(request, exchange_filter.qs, PER_PAGE)
    return render(
        request,
        "exchanges/public_list.html",
        {"filter": exchange_filter, "page_obj": page, "exchanges": page.object_list},
        # A year that is not a year (text, negative, 20 digits) is a 400 with the form's error;
        # an unknown country or theme (a stale link) shows the list with the field's error.
        status=400 if "year" in exchange_filter.errors else 200,
    )


def public_summary(request, pk):
    """The public summary of one completed exchange whose requester agreed to publication."""
    exchange = get_object_or_404(
        ExchangeRequest.objects.published()
        .select_related("requesting_agency__country", "provider_agency__country")
        .prefetch_related("themes", "population_groups", "activities"),
        pk=pk,
    )
    return render(request, "exchanges/public_summary.html", {"exchange": exchange})


@login_required
def mine(request):
    """The requests this person may open: their agency's, those they provide, open calls."""
    qs = (
        permissions.visible_requests(request.user)
        .select_related("requesting_agency__country", "provider_agency__country")
        .order_by("-updated_at")
    )
    return render(
        request,
        "exchanges/mine.html",
        {
            "exchanges": qs[:200],
            "may_create": permissions.may_create(request.user),
            "may_see_open_calls": permissions.is_focal_point(request.user)
            or permissions.is_secretariat(request.user),
        },
    )


@login_required
def open_calls(request):
    """Approved requests open to offers: every focal point may read them and offer to provide."""
    if not (permissions.is_focal_point(request.user) or permissions.is_secretariat(request.user)):
        raise PermissionDenied
    qs = (
        permissions.open_calls(request.user)
        .select_related("requesting_agency__country")
        .prefetch_related("themes", "activities")
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "exchanges/open_calls.html",
        {"page_obj": page, "exchanges": page.object_list},
    )


def _load(request, pk, *, prefetch=()) -> ExchangeRequest:
    req = get_object_or_404(
        ExchangeRequest.objects.select_related(
            "requesting_agency__country",
            "provider_agency__country",
            "preferred_agency",
            "preferred_country",
        ).prefetch_related(*prefetch),
        pk=pk,
    )
    if not permissions.may_view(request.user, req):
        raise Http404
    return req


def _edit(request, req: ExchangeRequest | None):
    agency_ids = permissions.represented_agency_ids(request.user)
    instance = req or ExchangeRequest()
    if request.method == "POST":
        form = ExchangeRequestForm(
            request.POST, request.FILES, instance=instance, agency_ids=agency_ids
        )
        activities = ActivityFormSet(request.POST, instance=instance, prefix="activities")
        if form.is_valid() and activities.is_valid():
            request.refused_to = reverse("exchanges:mine")
            saved = services.exchange_request_save(
                form=form,
                activities=activities,
                by=request.user,
                attachment_content_type=getattr(form, "attachment_content_type", ""),
            )
            if "submit" in request.POST:
                # The draft is saved: a refused submission goes back to its form.
                request.refused_to = reverse("exchanges:edit", args=[saved.pk])
                workflow.transition(
                    saved, "submit", by=request.user, expected_version=saved.version
                )
                messages.success(request, _("Your request was submitted to the secretariat."))
                return redirect(saved)
            messages.success(request, _("Your draft was saved."))
            return redirect("exchanges:edit", saved.pk)
        messages.error(request, _("Please correct the errors below."))
    else:
        form = ExchangeRequestForm(instance=instance, agency_ids=agency_ids)
        activities = ActivityFormSet(instance=instance, prefix="activities")
    return render(
        request,
        "exchanges/request_form.html",
        {"form": form, "activities": activities, "exchange": req},
    )


@login_required
@refused_to_exchange
def create(request):
    if not permissions.may_create(request.user):
        raise PermissionDenied
    return _edit(request, None)


@login_required
@refused_to_exchange
def edit(request, pk):
    req = _load(request, pk)
    if not permissions.may_edit(request.user, req):
        raise PermissionDenied
    return _edit(request, req)


@login_required
def detail(request, pk):
    """The request page. Its own queries do not grow with its lists: one per list shown (audit
    trail, activities, attachments, offers, reports, reviews), and lists that cannot exist yet
    in the request's state are not asked for."""
    req = _load(request, pk, prefetch=["themes", "population_groups"])
    user = request.user
    # Reports exist only once the exchange is completed; those who may not read them are not
    # parties, so they may not report either.
    reports = (
        list(req.reports.select_related("agency"))
        if permissions.may_read_reports(user, req)
        else []
    )
    reported = {r.agency_id for r in reports}
    offers = []
    if req.state in permissions.PROVIDER_STATES:  # offers are made from approval on
        if permissions.may_see_offers(user, req):
            offers = list(req.offers.select_related("agency__country"))
        elif own := permissions.represented_agency_ids(user):
            offers = list(req.offers.filter(agency_id__in=own).select_related("agency__country"))
    offer_agencies = permissions.offer_agency_ids(user, req) - {o.agency_id for o in offers}
    evaluations = permissions.open_evaluations(user, req)
    transitions = list(Transition.objects.filter(request=req).select_related("by"))
    withdrawal = (
        next((t for t in reversed(transitions) if t.to_state == State.WITHDRAWN), None)
        if req.state == State.WITHDRAWN
        else None
    )
    may_review = permissions.may_review(user, req)
    context = {
        "exchange": req,
        "activities": req.activities.all(),
        "attachments": req.attachments.all(),
        "transitions": transitions,
        "withdrawal": withdrawal,
        "actions": workflow.available_actions(req, user),
        "may_edit": permissions.may_edit(user, req),
        "may_review": may_review,
        "review_form": ReviewForm() if may_review else None,
        "reviews": req.reviews.select_related("reviewer")
        if permissions.see_reviews(user, req)
        else [],
        "offers": offers,
        "may_pick_offer": permissions.may_pick_offer(user, req),
        "offer_form": OfferForm(agency_ids=offer_agencies) if offer_agencies else None,
        "reports": reports,
        "may_report": bool(permissions.report_agency_ids(user, req, reported)),
        "evaluation_kinds": evaluations,
        "follow_up_opens": permissions.follow_up_opens(req),
        "may_create_experience": permissions.may_create_experience(user, req),
        "may_see_suggestions": permissions.may_see_suggestions(user, req),
    }
    return render(request, "exchanges/detail.html", context)


@login_required
def suggestions(request, pk):
    """Provider agencies for a request, ranked by their published experiences (its own page, so
    that the search engine's work is not added to every opening of the request)."""
    from .matching import suggest_providers

    req = _load(request, pk, prefetch=["themes", "population_groups"])
    if not permissions.may_see_suggestions(request.user, req):
        raise PermissionDenied
    return render(
        request,
        "exchanges/suggestions.html",
        {"exchange": req, "suggestions": suggest_providers(req, limit=5)},
    )


@login_required
@require_POST
@refused_to_exchange
def fire(request, pk):
    req = _load(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid() or workflow.button_action(form.cleaned_data["action"]) is None:
        messages.error(request, _("The action could not be read; reload the page and try again."))
        return redirect(req)
    workflow.transition(
        req,
        form.cleaned_data["action"],
        by=request.user,
        comment=form.cleaned_data["comment"],
        expected_version=form.cleaned_data["version"],
        open_to_offers=form.cleaned_data["open_to_offers"],
    )
    messages.success(request, _("Done."))
    return redirect(req)


@login_required
@require_POST
def review(request, pk):
    req = _load(request, pk)
    if not permissions.may_review(request.user, req):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if form.is_valid():
        services.review_record(req=req, by=request.user, form=form)
        messages.success(request, _("The review was recorded."))
    else:
        messages.error(request, _("Give each criterion a score from 1 to 5."))
    return redirect(req)


@login_required
@require_POST
@refused_to_exchange
def offer(request, pk):
    req = _load(request, pk)
    agency_ids = permissions.offer_agency_ids(request.user, req)
    if not agency_ids:
        raise PermissionDenied
    form = OfferForm(request.POST, agency_ids=agency_ids)
    if form.is_valid():
        services.offer_create(
            req=req,
            by=request.user,
            agency=form.cleaned_data["agency"],
            message=form.cleaned_data["message"],
        )
        messages.success(request, _("Your offer was sent."))
    else:
        messages.error(request, _("Describe what your agency can offer."))
    return redirect(req)


@login_required
@require_POST
@refused_to_exchange
def offer_accept(request, pk, offer_pk):
    req = _load(request, pk)
    if not permissions.may_pick_offer(request.user, req):
        raise PermissionDenied
    chosen = get_object_or_404(Offer, pk=offer_pk, request=req)
    form = TransitionForm(request.POST)
    version = int(form.data.get("version", -1)) if form.data.get("version", "").isdigit() else -1
    workflow.offer_accept(offer=chosen, by=request.user, expected_version=version)
    messages.success(request, _("The provider was matched."))
    return redirect(req)


@login_required
@refused_to_exchange
def report(request, pk):
    req = _load(request, pk)
    reported = set(req.reports.values_list("agency_id", flat=True))
    agency_ids = permissions.report_agency_ids(request.user, req, reported)
    if not agency_ids:
        raise PermissionDenied
    form = ReportForm(request.POST or None, agency_ids=agency_ids)
    if request.method == "POST" and form.is_valid():
        services.report_submit(req=req, by=request.user, form=form)
        messages.success(request, _("Your final report was submitted."))
        return redirect(req)
    return render(request, "exchanges/report_form.html", {"exchange": req, "form": form})


@login_required
@refused_to_exchange
def evaluate(request, pk, kind):
    # Participants may evaluate without seeing the request file itself, so may_evaluate decides.
    req = get_object_or_404(ExchangeRequest.objects.select_related("requesting_agency"), pk=pk)
    if kind not in permissions.open_evaluations(request.user, req):
        raise Http404
    form = EvaluationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.evaluation_submit(req=req, by=request.user, kind=kind, form=form)
        messages.success(request, _("Thank you for your evaluation."))
        return redirect(req)
    return render(
        request,
        "exchanges/evaluation_form.html",
        {"exchange": req, "form": form, "kind": Evaluation.Kind(kind)},
    )


@login_required
def attachment(request, pk, attachment_pk):
    item = get_object_or_404(
        Attachment.objects.select_related("request"), pk=attachment_pk, request_id=pk
    )
    if not permissions.may_download(request.user, item):
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as missing:
        # The row outlived its file (a restore without the attachment directory, a disk lost).
        logger.error("Attachment %s is missing on disk: %s", item.pk, item.file.name)
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
@refused_to_exchange
def experience(request, pk):
    req = _load(request, pk)
    if not permissions.may_create_experience(request.user, req):
        raise PermissionDenied
    page = services.experience_draft_create(req=req, by=request.user)
    messages.success(request, _("A draft experience page was created from the reports."))
    return redirect("wagtailadmin_pages:edit", page.pk)


@login_required
def notifications(request):
    items = Notification.objects.filter(user=request.user)[:100]
    return render(request, "exchanges/notifications.html", {"notifications": items})


@login_required
@require_POST
def notifications_read(request):
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return redirect("exchanges:notifications")
