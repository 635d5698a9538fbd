"""Webinar actions: register, cancel, join (the link revealed in its window), the .ics file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from cms.calendars import ics_response
from courses.views import answers_refusals, back_to

from . import calendars, permissions, services
from .models import Registration, WebinarPage


@require_POST
@login_required
@answers_refusals
def webinar_register(request, pk: int):
    webinar = get_object_or_404(WebinarPage.objects.live(), pk=pk)
    back = back_to(request, webinar, "#registration")
    registration = services.registration_create(user=request.user, webinar=webinar)
    messages.success(request, registration.get_status_display())
    return back


@require_POST
@login_required
@answers_refusals
def webinar_cancel(request, pk: int):
    registration = get_object_or_404(
        Registration.objects.select_related("webinar"), webinar_id=pk, user=request.user,
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED],
    )
    back = back_to(request, registration.webinar.specific, "#registration")
    services.registration_cancel(registration=registration, by=request.user)
    messages.success(request, Registration.Status.CANCELLED.label)
    return back


@login_required
def webinar_join(request, pk: int):
    """The join link is never in the page source before the window; this redirect reveals it."""
    webinar = get_object_or_404(WebinarPage.objects.live(), pk=pk)
    if not permissions.may_join_webinar(request.user, webinar):
        raise PermissionDenied
    return HttpResponseRedirect(webinar.join_url)


@require_GET
def webinar_ics(request, pk: int):
    webinar = get_object_or_404(WebinarPage.objects.live().public(), pk=pk)
    return ics_response(calendars.webinar_calendar(webinar, request), f"{webinar.slug}.ics")
