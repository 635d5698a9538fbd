"""JSON endpoints of courses and webinars (mounted at /api/courses/), same rules as the pages.

Reading the catalogue, a course's syllabus and a webinar is public; everything about "me" needs
a session (and, for writes, the CSRF token, as every session-authenticated router here). Writes
call ``courses/services/``; their refusals reach the API's one handler (``cms/api.py``: 409
``{code, message}``, the same message as the forms).
Lesson content and quiz questions are never served here: the syllabus lists titles only.
"""

import datetime

from django.http import QueryDict
from django.shortcuts import get_object_or_404

from ninja import Query, Router, Schema, Status
from ninja.security import django_auth

from . import outline, permissions, selectors, services
from .filters import CourseFilter
from .models import Cohort, CoursePage, Enrolment
from .schemas import ErrorOut, RefusalOut
from .webinars.api import router as webinars_router

router = Router(tags=["courses"])


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
    return selectors.catalogue_courses()


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
    course_filter = CourseFilter(data, queryset=_public_courses(), request=request)
    if not course_filter.is_valid():
        errors = "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in course_filter.errors.items()
        )
        return Status(400, {"detail": errors})
    catalogue = selectors.catalogue_page(request, course_filter.qs.prefetch_related("themes"))
    return Status(200, {
        "total": catalogue.paginator.count,
        "page": catalogue.number,
        "num_pages": catalogue.paginator.num_pages,
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
    cohorts = selectors.cohorts_for(user=user, course=course)
    enrolment = permissions.active_enrolment(user, course)
    progress = selectors.outline_progress(outline.outline(course, user)) if enrolment else None
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
            for module in outline.syllabus(course, user)
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
    return outline.continue_item(outline.outline_items(enrolment.cohort.course), enrolment)


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
    return [_enrolment_out(e, request) for e in selectors.enrolments_for(user=request.user)]


@router.post(
    "/cohorts/{int:pk}/enrol",
    response={201: EnrolmentOut, 404: ErrorOut, 409: RefusalOut},
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
    enrolment = services.enrolment_create(user=request.user, cohort=cohort)
    return Status(201, _enrolment_out(enrolment, request))


@router.post(
    "/enrolments/{int:pk}/withdraw",
    response={200: EnrolmentOut, 404: ErrorOut, 409: RefusalOut},
    auth=django_auth,
    summary="Withdraw from a cohort, its waitlist or the approval queue",
)
def enrolment_withdraw(request, pk: int):
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort__course"), pk=pk, user=request.user
    )
    enrolment = services.enrolment_withdraw(enrolment=enrolment, by=request.user)
    enrolment.cohort = Cohort.objects.select_related("course").get(pk=enrolment.cohort_id)
    return Status(200, _enrolment_out(enrolment, request))


router.add_router("/webinars/", webinars_router)
