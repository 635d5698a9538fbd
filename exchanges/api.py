"""JSON endpoints of the exchanges (mounted at /api/exchanges/), same rules as the pages."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from . import permissions, workflow
from .models import ExchangeRequest, Transition

router = Router(tags=["exchanges"], auth=django_auth)


class ExchangeOut(Schema):
    id: int
    title: str
    state: str
    version: int
    requesting_agency: str
    provider_agency: str | None
    open_to_offers: bool
    population_groups: list[str]
    languages: list[str]
    updated_at: datetime.datetime


class TransitionOut(Schema):
    action: str
    from_state: str
    to_state: str
    by: str | None
    at: datetime.datetime
    comment: str


class TransitionIn(Schema):
    action: str
    version: int
    comment: str = ""
    open_to_offers: bool = False


def _out(req: ExchangeRequest) -> dict:
    return {
        "id": req.pk,
        "title": req.title,
        "state": req.state,
        "version": req.version,
        "requesting_agency": req.requesting_agency.name,
        "provider_agency": req.provider_agency.name if req.provider_agency else None,
        "open_to_offers": req.open_to_offers,
        "population_groups": [group.name for group in req.population_groups.all()],
        "languages": list(req.languages),
        "updated_at": req.updated_at,
    }


def _visible(request, pk: int) -> ExchangeRequest:
    req = get_object_or_404(
        ExchangeRequest.objects.select_related("requesting_agency", "provider_agency"), pk=pk
    )
    if not permissions.may_view(request.user, req):
        raise HttpError(404, "Not found")
    return req


@router.get("/", response=list[ExchangeOut])
def exchange_list(request):
    qs = permissions.visible_requests(request.user).select_related(
        "requesting_agency", "provider_agency"
    )
    qs = qs.prefetch_related("population_groups")
    return [_out(req) for req in qs.order_by("-updated_at")[:200]]


@router.get("/{pk}", response=ExchangeOut)
def exchange_detail(request, pk: int):
    return _out(_visible(request, pk))


@router.get("/{pk}/transitions", response=list[TransitionOut])
def exchange_transitions(request, pk: int):
    req = _visible(request, pk)
    return [
        {
            "action": t.action,
            "from_state": t.from_state,
            "to_state": t.to_state,
            "by": str(t.by) if t.by else None,
            "at": t.at,
            "comment": t.comment,
        }
        for t in Transition.objects.filter(request=req).select_related("by")
    ]


class RefusalOut(Schema):
    code: str
    message: str


@router.post("/{pk}/transitions", response={200: ExchangeOut, 409: RefusalOut})
def exchange_transition(request, pk: int, payload: TransitionIn):
    """Fire a workflow action; ``version`` is the version the client last read. A refusal is
    answered by the API's one handler (cms/api.py): 409 ``{code, message}``."""
    req = _visible(request, pk)
    if workflow.button_action(payload.action) is None:
        raise workflow.TransitionRefused(_("Unknown action."), code="unknown_action")
    req = workflow.transition(
        req,
        payload.action,
        by=request.user,
        comment=payload.comment[:3000],
        expected_version=payload.version,
        open_to_offers=payload.open_to_offers,
    )
    return _out(req)
