"""Learner-facing actions: enrol, withdraw, progress, quizzes, webinars, calendars, certificates.

Views parse the request, ask ``permissions``, call one service and report the outcome.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_POST

from . import calendars, certificates, permissions, services
from .models import (
    Attempt,
    CalendarFeed,
    Certificate,
    Cohort,
    Enrolment,
    LessonPage,
    QuizPage,
    Registration,
    WebinarPage,
)


def _back(request, page, anchor: str = ""):
    return HttpResponseRedirect((page.get_url(request) or "/") + anchor)


def _error(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
@login_required
def cohort_enrol(request, pk: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    try:
        enrolment = services.enrolment_create(user=request.user, cohort=cohort)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, enrolment.get_status_display())
    return _back(request, cohort.course.specific, "#enrolment")


@require_POST
@login_required
def enrolment_withdraw(request, pk: int):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort__course"), pk=pk, user=request.user
    )
    try:
        services.enrolment_withdraw(enrolment=enrolment, by=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, Enrolment.Status.WITHDRAWN.label)
    return _back(request, enrolment.cohort.course.specific, "#enrolment")


@require_POST
@login_required
def lesson_done(request, pk: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk)
    try:
        services.lesson_mark_done(user=request.user, lesson=lesson)
    except ValidationError as error:
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"error": error.messages[0]}, status=403)
        _error(request, error)
        return _back(request, lesson)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"done": True})
    return _back(request, lesson)


@require_POST
@login_required
def quiz_start(request, pk: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=pk)
    try:
        services.attempt_start(user=request.user, quiz=quiz)
    except ValidationError as error:
        _error(request, error)
    return _back(request, quiz, "#quiz")


@require_POST
@login_required
def attempt_submit(request, pk: int):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), pk=pk, user=request.user)
    answers = {
        key[2:]: request.POST.getlist(key) for key in request.POST if key.startswith("q-")
    }
    try:
        attempt = services.attempt_submit(user=request.user, attempt_id=attempt.pk, answers=answers)
    except ValidationError as error:
        _error(request, error)
    else:
        if attempt.expired:
            messages.error(request, translation.gettext("Time ran out: this attempt was closed."))
        elif attempt.passed:
            messages.success(
                request, translation.gettext("You passed with %(score)s%%.") % {
                    "score": attempt.score}
            )
        else:
            messages.warning(
                request, translation.gettext("You scored %(score)s%%; the pass mark is "
                                             "%(mark)s%%.") % {
                    "score": attempt.score, "mark": attempt.quiz.pass_mark}
            )
    return _back(request, attempt.quiz.specific, "#quiz")


@login_required
def my_learning(request):
    """The dashboard: enrolments with progress and where to continue, and upcoming webinars."""
    enrolments = services.enrolments_for(user=request.user)
    registrations = list(
        Registration.objects.filter(
            user=request.user, webinar__starts_at__gte=timezone.now() - timedelta(days=1)
        ).exclude(status=Registration.Status.CANCELLED)
        .select_related("webinar").order_by("webinar__starts_at")
    )
    return render(
        request, "courses/my_learning.html",
        {"enrolments": enrolments, "registrations": registrations},
    )


@login_required
def my_certificates(request):
    return render(
        request, "courses/my_certificates.html",
        {"certificates": Certificate.objects.filter(user=request.user)},
    )


@login_required
def my_calendar(request):
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = (
        request.build_absolute_uri(reverse("courses:calendar_feed", args=[feed.token]))
        if feed else None
    )
    return render(request, "courses/my_calendar.html", {"feed_url": feed_url})


@require_POST
@login_required
def calendar_feed_reset(request):
    """Create the personal feed address, or replace it (the old one stops working)."""
    CalendarFeed.objects.update_or_create(
        user=request.user, defaults={"token": CalendarFeed.new_token()}
    )
    messages.success(request, translation.gettext("Your calendar address is ready."))
    return redirect("courses:my_calendar")


@require_GET
def calendar_feed(request, token: str):
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    return _ics_response(calendars.personal_feed(feed.user, request), "puente.ics")


@require_GET
def webinar_ics(request, pk: int):
    webinar = get_object_or_404(WebinarPage.objects.live().public(), pk=pk)
    return _ics_response(calendars.webinar_calendar(webinar, request), f"{webinar.slug}.ics")


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_POST
@login_required
def webinar_register(request, pk: int):
    webinar = get_object_or_404(WebinarPage.objects.live(), pk=pk)
    try:
        registration = services.registration_create(user=request.user, webinar=webinar)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, registration.get_status_display())
    return _back(request, webinar, "#registration")


@require_POST
@login_required
def webinar_cancel(request, pk: int):
    registration = get_object_or_404(
        Registration.objects.select_related("webinar"), webinar_id=pk, user=request.user,
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED],
    )
    try:
        services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, Registration.Status.CANCELLED.label)
    return _back(request, registration.webinar.specific, "#registration")


@login_required
def webinar_join(request, pk: int):
    """The join link is never in the page source before the window; this redirect reveals it."""
    webinar = get_object_or_404(WebinarPage.objects.live(), pk=pk)
    if not permissions.may_join_webinar(request.user, webinar):
        raise PermissionDenied
    return HttpResponseRedirect(webinar.join_url)


# --- Certificates: public verification, Open Badges, the PDF for its holder ------------------


def _certificate(code: str) -> Certificate:
    certificate = (
        Certificate.objects.select_related("course", "webinar").filter(code=code.upper()).first()
    )
    if certificate is None:
        raise Http404
    return certificate


@require_GET
def certificate_verify(request, code: str):
    certificate = _certificate(code)
    return render(
        request,
        "courses/certificate_verify.html",
        {
            "certificate": certificate,
            "assertion_url": reverse("certificate_assertion", args=[certificate.code]),
        },
    )


@require_GET
def certificate_assertion(request, code: str):
    return _json_ld(certificates.assertion(_certificate(code), request))


@require_GET
def certificate_badge_class(request, kind: str, pk: int):
    return _json_ld(certificates.badge_class(kind, pk, request))


@require_GET
def certificate_issuer(request):
    return _json_ld(certificates.issuer(request))


def _json_ld(data) -> JsonResponse:
    return JsonResponse(data, content_type="application/ld+json", json_dumps_params={
        "ensure_ascii": False})


@require_GET
@login_required
def certificate_pdf(request, code: str):
    certificate = _certificate(code)
    if not permissions.may_download_certificate(request.user, certificate):
        raise PermissionDenied
    language = request.GET.get("lang") or translation.get_language()
    body = certificates.render_pdf(certificate, language=language, request=request)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response

