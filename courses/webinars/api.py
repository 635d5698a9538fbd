"""JSON endpoints of webinars (mounted at /api/courses/webinars/ by the courses router)."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone

from ninja import Router, Schema, Status
from ninja.security import django_auth

from courses.schemas import ErrorOut, RefusalOut

from . import permissions, selectors, services
from .models import Registration, WebinarPage

router = Router(tags=["courses"])


class RegistrationOut(Schema):
    id: int
    status: str
    webinar_id: int


class WebinarOut(Schema):
    id: int
    title: str
    url: str
    summary: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    time_zone: str
    duration_minutes: int
    language: str
    speakers: str
    capacity: int | None
    is_past: bool
    my_registration: RegistrationOut | None
    join_url: str | None


def _webinar(pk: int) -> WebinarPage:
    return get_object_or_404(WebinarPage.objects.live().public(), pk=pk)


def _registration_out(registration: Registration | None) -> dict | None:
    if registration is None:
        return None
    return {
        "id": registration.pk,
        "status": registration.status,
        "webinar_id": registration.webinar_id,
    }


@router.get(
    "/{int:pk}",
    response={200: WebinarOut, 404: ErrorOut},
    summary="A webinar and the caller's registration",
    description="``join_url`` is given only to registered people from 15 minutes before.",
)
def webinar_detail(request, pk: int):
    webinar = _webinar(pk)
    registration = selectors.open_registration(request.user, webinar)
    return Status(200, {
        "id": webinar.pk,
        "title": webinar.title,
        "url": webinar.get_url(request) or "",
        "summary": webinar.summary,
        "starts_at": webinar.starts_at,
        "ends_at": webinar.ends_at,
        "time_zone": webinar.time_zone,
        "duration_minutes": webinar.duration_minutes,
        "language": webinar.language,
        "speakers": webinar.speaker_names,
        "capacity": webinar.capacity,
        "is_past": webinar.ends_at < timezone.now(),
        "my_registration": _registration_out(registration),
        "join_url": (
            webinar.join_url if permissions.may_join_webinar(request.user, webinar) else None
        ),
    })


@router.post(
    "/{int:pk}/register",
    response={201: RegistrationOut, 404: ErrorOut, 409: RefusalOut},
    auth=django_auth,
    summary="Register for a webinar (or join its waitlist when full)",
)
def webinar_register(request, pk: int):
    registration = services.registration_create(user=request.user, webinar=_webinar(pk))
    return Status(201, _registration_out(registration))


@router.post(
    "/{int:pk}/cancel",
    response={200: RegistrationOut, 404: ErrorOut, 409: RefusalOut},
    auth=django_auth,
    summary="Cancel my registration; the first person waiting takes the place",
)
def webinar_cancel(request, pk: int):
    registration = get_object_or_404(
        Registration.objects.select_related("webinar"), webinar_id=pk, user=request.user,
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED],
    )
    registration = services.registration_cancel(registration=registration, by=request.user)
    return Status(200, _registration_out(registration))
