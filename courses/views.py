"""Learner-facing actions: enrol, withdraw, progress, quizzes, dashboard, calendars, certificates.

Views parse the request, ask ``permissions``, call one service and report the outcome. A
service's refusal is answered once, by :func:`answers_refusals`: its message as an error and
back to the page the action came from.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_POST

from cms.calendars import ics_response
from cms.notify import absolute_url
from cms.refusals import Refusal, refused_to_page

from . import calendars, certificates, permissions, selectors, services
from .models import Attempt, CalendarFeed, Certificate, Cohort, Enrolment, LessonPage, QuizPage
from .webinars.selectors import upcoming_registrations


def back_to(request, page, anchor: str = "") -> HttpResponseRedirect:
    """The redirect an action answers with, success or refusal: to ``page`` (a page or an
    address) and ``anchor``."""
    url = page if isinstance(page, str) else (page.get_url(request) or "/")
    request.courses_back_to = url + anchor
    return HttpResponseRedirect(request.courses_back_to)


def answers_refusals(view):
    """A service's :class:`Refusal` in ``view`` becomes an error message and a redirect to the
    page set by :func:`back_to` (JSON ``{code, message}`` with 403 for ``Accept: application/json``,
    as the lesson page's script asks)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refusal as refusal:
            if request.headers.get("Accept") == "application/json":
                return JsonResponse({"error": str(refusal), **refusal.as_dict()}, status=403)
            return refused_to_page(request, refusal, getattr(request, "courses_back_to", "/"))

    return wrapper


@require_POST
@login_required
@answers_refusals
def cohort_enrol(request, pk: int):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    back = back_to(request, cohort.course.specific, "#enrolment")
    enrolment = services.enrolment_create(user=request.user, cohort=cohort)
    messages.success(request, enrolment.get_status_display())
    return back


@require_POST
@login_required
@answers_refusals
def enrolment_withdraw(request, pk: int):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort__course"), pk=pk, user=request.user
    )
    back = back_to(request, enrolment.cohort.course.specific, "#enrolment")
    services.enrolment_withdraw(enrolment=enrolment, by=request.user)
    messages.success(request, Enrolment.Status.WITHDRAWN.label)
    return back


@require_POST
@login_required
@answers_refusals
def lesson_done(request, pk: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk)
    back = back_to(request, lesson)
    services.lesson_mark_done(user=request.user, lesson=lesson)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"done": True})
    return back


@require_POST
@login_required
@answers_refusals
def quiz_start(request, pk: int):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=pk)
    back = back_to(request, quiz, "#quiz")
    services.attempt_start(user=request.user, quiz=quiz)
    return back


@require_POST
@login_required
@answers_refusals
def attempt_submit(request, pk: int):
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), pk=pk, user=request.user)
    back = back_to(request, attempt.quiz.specific, "#quiz")
    answers = {
        key[2:]: request.POST.getlist(key) for key in request.POST if key.startswith("q-")
    }
    try:
        attempt = services.attempt_submit(
            user=request.user, attempt_id=attempt.pk, answers=answers
        )
    except Refusal as refusal:
        if refusal.code == "unanswered":
            # The quiz page marks each question still unanswered, not just the first.
            request.session[f"quiz-{attempt.quiz_id}-unanswered"] = [
                q["id"] for q in attempt.quiz.specific.question_list() if not answers.get(q["id"])
            ]
        raise
    gettext = translation.gettext
    if attempt.expired:
        messages.error(request, gettext("Time ran out: this attempt was closed."))
    elif attempt.passed:
        messages.success(request, gettext("You passed with %(score)s%%.") % {
            "score": attempt.score})
    else:
        messages.warning(request, gettext("You scored %(score)s%%; the pass mark is %(mark)s%%.")
                         % {"score": attempt.score, "mark": attempt.quiz.pass_mark})
    return back


@login_required
def my_learning(request):
    """The dashboard: enrolments with progress and where to continue, and upcoming webinars."""
    return render(
        request, "courses/my_learning.html",
        {
            "enrolments": selectors.enrolments_for(user=request.user),
            "registrations": upcoming_registrations(request.user),
        },
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
        absolute_url(reverse("courses:calendar_feed", args=[feed.token]))
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
    return ics_response(calendars.personal_feed(feed.user, request), "puente.ics")


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
    certificate = _certificate(code)
    response = _json_ld(certificates.assertion(certificate, request))
    if certificate.revoked_at:
        response.status_code = 410  # Open Badges 2.0: a revoked hosted assertion is Gone
    return response


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
