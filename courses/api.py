"""JSON endpoints of courses and webinars (mounted at /api/courses/), same rules as the pages.

Reading the catalogue, a course's syllabus and a webinar is public; everything about "me" needs
a session (and, for writes, the CSRF token, as every session-authenticated router here). Writes
call ``courses/services.py`` and answer its refusals with 409 and the same message as the forms.
Lesson content and quiz questions are never served here: the syllabus lists titles only.
"""

import datetime

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

from . import permissions, services
from .filters import CourseFilter
from .models import (
    CataloguePage,
    Cohort,
    CoursePage,
    Enrolment,
    Registration,
    WebinarPage,
    continue_item,
)

router = Router(tags=["courses"])


class ErrorOut(Schema):
    detail: str


class CourseSummaryOut(Schema):
    id: int
    title: str
    url: str
    summary: str
    language: str
    course_format: str
    estimated_hours: int
    archived: bool
    themes: list[str]


class CatalogueOut(Schema):
    total: int
    page: int
    num_pages: int
    results: list[CourseSummaryOut]


class CatalogueParams(Schema):
    q: str = ""
    theme: str = ""
    language: str = ""
    course_format: str = ""
    status: str = ""
    network: str = ""
    page: str = "1"


class SyllabusItemOut(Schema):
    id: int
    title: str
    kind: str
    url: str


class ModuleOut(Schema):
    id: int
    title: str
    intro: str
    items: list[SyllabusItemOut]


class MyEnrolmentOut(Schema):
    id: int
    status: str


class CohortOut(Schema):
    id: int
    title: str
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None
    enrolment_opens_at: datetime.datetime | None
    enrolment_closes_at: datetime.datetime | None
    capacity: int | None
    requires_approval: bool
    may_enrol: bool
    refusal: str | None
    my_enrolment: MyEnrolmentOut | None


class ProgressOut(Schema):
    done: int
    total: int
    percent: int
    complete: bool


class CourseDetailOut(CourseSummaryOut):
    objectives: str
    audience: str
    prerequisites: str
    instructors: list[str]
    syllabus: list[ModuleOut]
    cohorts: list[CohortOut]
    progress: ProgressOut | None


class EnrolmentOut(Schema):
    id: int
    status: str
    course_id: int
    course_title: str
    course_url: str
    cohort_id: int
    cohort_title: str
    created_at: datetime.datetime
    completed_at: datetime.datetime | None
    score: int | None
    progress: ProgressOut | None
    continue_url: str | None
    certificate_code: str | None


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


def _url(page, request) -> str:
    return page.get_url(request) or ""


def _progress(entry) -> dict | None:
    if entry is None:
        return None
    return {key: entry[key] for key in ("done", "total", "percent", "complete")}


def _summary(course: CoursePage, request) -> dict:
    return {
        "id": course.pk,
        "title": course.title,
        "url": _url(course, request),
        "summary": course.summary,
        "language": course.language,
        "course_format": course.course_format,
        "estimated_hours": course.estimated_hours,
        "archived": course.archived,
        "themes": [theme.name for theme in course.themes.all()],
    }


def _public_courses():
    return CoursePage.objects.live().public()


@router.get(
    "/",
    response={200: CatalogueOut, 400: ErrorOut},
    summary="The course catalogue",
    description=(
        "Live public courses in every language, filtered like the catalogue page "
        "(q, theme, language, course_format, status: open | upcoming | in_progress | archived, "
        "network), 12 per page."
    ),
)
def course_list(request, params: Query[CatalogueParams]):
    data = QueryDict(mutable=True)
    for key, value in params.dict().items():
        if value not in (None, "") and key != "page":
            data[key] = value
    course_filter = CourseFilter(
        data, queryset=_public_courses().order_by("title", "pk"), request=request
    )
    if not course_filter.is_valid():
        errors = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in course_filter.errors.items()
        )
        return Status(400, {"detail": errors})
    catalogue = CataloguePage.load(
        course_filter.qs.prefetch_related("themes"), params.page
    )
    return Status(200, {
        "total": catalogue.count,
        "page": catalogue.number,
        "num_pages": catalogue.num_pages,
        "results": [_summary(course, request) for course in catalogue],
    })


def _cohort_out(cohort: Cohort) -> dict:
    mine = cohort.my_enrolment
    return {
        "id": cohort.pk,
        "title": cohort.title,
        "starts_at": cohort.starts_at,
        "ends_at": cohort.ends_at,
        "enrolment_opens_at": cohort.enrolment_opens_at,
        "enrolment_closes_at": cohort.enrolment_closes_at,
        "capacity": cohort.capacity,
        "requires_approval": cohort.requires_approval,
        "may_enrol": mine is None and cohort.refusal is None,
        "refusal": None if cohort.refusal is None else str(cohort.refusal),
        "my_enrolment": None if mine is None else {"id": mine.pk, "status": mine.status},
    }


@router.get(
    "/{int:pk}",
    response={200: CourseDetailOut, 404: ErrorOut},
    summary="A course with its syllabus and current cohorts",
    description=(
        "Titles of modules, lessons and quizzes (never their content), the current cohorts with "
        "whether the caller may enrol, and the caller's progress when enrolled."
    ),
)
def course_detail(request, pk: int):
    course = get_object_or_404(_public_courses().prefetch_related("themes", "instructors"), pk=pk)
    user = request.user
    cohorts = services.cohorts_for(user=user, course=course)
    enrolment = permissions.active_enrolment(user, course)
    progress = services.outline_progress(course.outline(user)) if enrolment else None
    return Status(200, {
        **_summary(course, request),
        "objectives": course.objectives,
        "audience": course.audience,
        "prerequisites": course.prerequisites,
        "instructors": [str(person) for person in course.instructors.all()],
        "syllabus": [
            {
                "id": module.pk,
                "title": module.title,
                "intro": module.intro,
                "items": [
                    {
                        "id": item.pk,
                        "title": item.title,
                        "kind": "quiz" if item.is_quiz else "lesson",
                        "url": item.url,
                    }
                    for item in module.items
                ],
            }
            for module in course.syllabus(user)
        ],
        "cohorts": [_cohort_out(cohort) for cohort in cohorts],
        "progress": _progress(progress),
    })


def _continue_item(enrolment: Enrolment):
    """The outline item to continue from (``enrolments_for`` attaches it; else looked up)."""
    if hasattr(enrolment, "continue_item"):
        return enrolment.continue_item
    if enrolment.last_lesson_id is None:
        return None
    return continue_item(enrolment.cohort.course.outline_items(), enrolment)


def _enrolment_out(enrolment: Enrolment, request) -> dict:
    course = enrolment.cohort.course
    return {
        "id": enrolment.pk,
        "status": enrolment.status,
        "course_id": course.pk,
        "course_title": course.title,
        "course_url": _url(course, request),
        "cohort_id": enrolment.cohort_id,
        "cohort_title": enrolment.cohort.title,
        "created_at": enrolment.created_at,
        "completed_at": enrolment.completed_at,
        "score": enrolment.score,
        "progress": _progress(getattr(enrolment, "progress", None)),
        "continue_url": item.url if (item := _continue_item(enrolment)) else None,
        "certificate_code": getattr(enrolment, "certificate_code", None),
    }


@router.get(
    "/me/enrolments",
    response=list[EnrolmentOut],
    auth=django_auth,
    summary="My open enrolments with progress",
)
def my_enrolments(request):
    return [_enrolment_out(e, request) for e in services.enrolments_for(user=request.user)]


@router.post(
    "/cohorts/{int:pk}/enrol",
    response={201: EnrolmentOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Enrol in a cohort (a seat, the approval queue or the waitlist)",
)
def cohort_enrol(request, pk: int):
    cohort = get_object_or_404(
        Cohort.objects.select_related("course").filter(
            course__in=_public_courses().values("pk")
        ),
        pk=pk,
    )
    try:
        enrolment = services.enrolment_create(user=request.user, cohort=cohort)
    except ValidationError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    return Status(201, _enrolment_out(enrolment, request))


@router.post(
    "/enrolments/{int:pk}/withdraw",
    response={200: EnrolmentOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Withdraw from a cohort, its waitlist or the approval queue",
)
def enrolment_withdraw(request, pk: int):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort__course"), pk=pk, user=request.user
    )
    try:
        enrolment = services.enrolment_withdraw(enrolment=enrolment, by=request.user)
    except ValidationError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    enrolment.cohort = Cohort.objects.select_related("course").get(pk=enrolment.cohort_id)
    return Status(200, _enrolment_out(enrolment, request))


# --- Webinars ---------------------------------------------------------------------------------


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
    "/webinars/{int:pk}",
    response={200: WebinarOut, 404: ErrorOut},
    summary="A webinar and the caller's registration",
    description="``join_url`` is given only to registered people from 15 minutes before.",
)
def webinar_detail(request, pk: int):
    webinar = _webinar(pk)
    registration = None
    if request.user.is_authenticated:
        registration = (
            Registration.objects.filter(user=request.user, webinar=webinar)
            .exclude(status=Registration.Status.CANCELLED).first()
        )
    return Status(200, {
        "id": webinar.pk,
        "title": webinar.title,
        "url": _url(webinar, request),
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
    "/webinars/{int:pk}/register",
    response={201: RegistrationOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Register for a webinar (or join its waitlist when full)",
)
def webinar_register(request, pk: int):
    try:
        registration = services.registration_create(user=request.user, webinar=_webinar(pk))
    except ValidationError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    return Status(201, _registration_out(registration))


@router.post(
    "/webinars/{int:pk}/cancel",
    response={200: RegistrationOut, 404: ErrorOut, 409: ErrorOut},
    auth=django_auth,
    summary="Cancel my registration; the first person waiting takes the place",
)
def webinar_cancel(request, pk: int):
    registration = get_object_or_404(
        Registration.objects.select_related("webinar"), webinar_id=pk, user=request.user,
        status__in=[Registration.Status.REGISTERED, Registration.Status.WAITLISTED],
    )
    try:
        registration = services.registration_cancel(registration=registration, by=request.user)
    except ValidationError as error:
        return Status(409, {"detail": " ".join(error.messages)})
    return Status(200, _registration_out(registration))
