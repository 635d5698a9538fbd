"""Reads of learning: what the catalogue, a course, a lesson and a quiz page show, the
dashboard's enrolments, the course page's cohorts and progress. No writes here."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Page

from cms.accounts.versions import PEOPLE
from cms.directory.versions import DIRECTORY
from cms.pages import shell
from cms.pagination import paginate
from cms.translations import one_per_translation

from . import eligibility, outline, permissions, seats
from .models import (
    Attempt,
    Certificate,
    Cohort,
    CoursePage,
    Enrolment,
    ImportJob,
    LessonProgress,
    QuizPage,
)
from .models.cohorts import WINDOW_CLOSED, WINDOW_NOT_OPEN

CATALOGUE_PAGE_SIZE = 12


# --- Pages ------------------------------------------------------------------------------------


def catalogue_courses(index=None):
    """Live public courses in title order: all of them, or for ``index``'s catalogue every
    course whatever its language, in the index's language when translated (issue 17.1)."""
    courses = CoursePage.objects.live().public()
    if index is not None:
        courses = one_per_translation(courses, index.locale_id)
    return courses.order_by("title", "pk")


def catalogue_page(request, courses):
    """One page of the catalogue (``?page=``), 12 courses."""
    return paginate(request, courses, CATALOGUE_PAGE_SIZE)


@dataclass
class CourseCard:
    """What the catalogue shows of a course: plain values, kept in the shared cache."""

    pk: int
    title: str
    url: str
    summary: str  # its first 30 words
    lang: str  # the course's language code when it is not the catalogue's, else ""
    language: str  # the teaching language, displayed
    course_format: str  # displayed
    hours: int
    archived: bool


def course_cards(courses, index, request) -> list[CourseCard]:
    """Cards for ``courses`` (live course pages with their locale), URLs from Wagtail's
    per-request site root paths (no query per course)."""
    return [
        CourseCard(
            pk=course.pk, title=course.title, url=course.get_url(request) or "",
            summary=Truncator(course.summary).words(30, truncate=" …"),
            lang="" if course.locale_id == index.locale_id else course.locale.language_code,
            language=course.get_language_display(),
            course_format=course.get_course_format_display(),
            hours=course.estimated_hours, archived=course.archived,
        )
        for course in courses
    ]


def catalogue_cards(index, request) -> list[CourseCard]:
    """Every card of ``index``'s catalogue in title order, from the cache: a catalogue lists
    live course pages only, so it changes with the page tree (its version is in the key)."""
    return shell.cached(
        request, "catalogue-cards", index.pk, get_language(),
        compute=lambda: course_cards(catalogue_courses(index), index, request),
    )


def catalogue_context(index, request) -> dict:
    """The filter form and one page of course cards. Without a filter (the common case) the
    cards come from the cache; with one, the page's courses are queried and carded."""
    from .filters import CourseFilter

    def course_filter():
        return CourseFilter(request.GET or None, queryset=catalogue_courses(index), request=request)

    if any(request.GET.get(name) for name in CourseFilter.base_filters):
        context = {"filter": course_filter()}
        page_obj = catalogue_page(request, context["filter"].qs)
        page_obj.object_list = course_cards(page_obj.object_list, index, request)
    else:
        # Built only if the template draws the form, i.e. when its kept HTML is missing.
        context = {"filter": SimpleLazyObject(course_filter)}
        page_obj = catalogue_page(request, catalogue_cards(index, request))
        # The empty form's HTML is the same for everyone: kept per language while the
        # directory (the theme and network options) is unchanged.
        context["empty_form_key"] = f"{get_language()}:{DIRECTORY.current()}"
    return {**context, "courses": page_obj, "page_obj": page_obj}


def course_facts(course, request) -> dict[str, list[str]]:
    """The names of the course's instructors and themes, in the active language, from the
    cache: they change with the page (tree version), a person's name (people version) or a
    theme (directory version)."""

    def compute():
        return {
            "instructors": [str(person) for person in course.instructors.all()],
            "themes": [str(theme) for theme in course.themes.all()],
        }

    return shell.cached(
        request, "course-facts", course.pk, get_language(), PEOPLE.current(),
        DIRECTORY.current(), compute=compute,
    )


def course_page_context(course, request) -> dict:
    user = request.user
    cohorts = cohorts_for(user=user, course=course)
    enrolment = permissions.active_enrolment(user, course)
    items = outline.outline(course, user)
    return {
        **course_facts(course, request),
        "cohorts": cohorts,
        "syllabus": outline.syllabus(course, user),
        "enrolment": enrolment,
        "progress": outline_progress(items) if enrolment else None,
        # "Continue where you left off": the lesson's row in the outline (no extra query).
        "continue_lesson": outline.continue_item(items, enrolment),
    }


def lesson_page_context(lesson, user) -> dict:
    """Previous and next items, the public preview and "done" from one outline query;
    ``enrolment`` is the learner's active enrolment (the page remembers the lesson in it)."""
    course = _course_of_lesson(lesson, user)
    items = [row for row in outline.outline(course, user) if not row.is_module]
    here = next((i for i, row in enumerate(items) if row.pk == lesson.pk), None)
    may_read = permissions.may_read_lesson(user, lesson, course=course)
    context = {"course": course, "may_read": may_read, "done": False, "enrolment": None}
    if may_read and user.is_authenticated:
        enrolment = permissions.active_enrolment(user, course)
        if enrolment is not None:
            context["enrolment"] = enrolment
            context["done"] = here is not None and items[here].done
        context["can_mark_done"] = enrolment is not None
    if here is not None:
        context["previous_item"] = items[here - 1] if here > 0 else None
        context["next_item"] = items[here + 1] if here + 1 < len(items) else None
    return context


def _course_of_lesson(lesson, user):
    """``lesson.course``, kept under the page tree version (a course page's rows, its lessons'
    places: any change replaces it), so a lesson asks only for the learner's enrolment
    (``permissions.active_enrolment``), not for its course as well."""
    if "_course" not in lesson.__dict__:
        lesson._course = shell.cached(
            None, "course-of-lesson", lesson.path,
            compute=lambda: CoursePage.objects.ancestor_of(lesson).first(),
        )
    return lesson.course


def quiz_page_context(quiz, user) -> dict:
    course = quiz.course
    enrolment = permissions.active_enrolment(user, course)
    attempts = (
        list(Attempt.objects.filter(user=user, quiz=quiz).order_by("number"))
        if user.is_authenticated else []
    )
    open_attempt = next((a for a in attempts if a.submitted_at is None), None)
    graded = [a for a in attempts if a.submitted_at is not None]
    # An attempt counts as used once submitted: merely opening the quiz does not lower it.
    attempts_left = None if not quiz.max_attempts else max(quiz.max_attempts - len(graded), 0)
    context = {
        "course": course,
        "enrolment": enrolment,
        "open_attempt": open_attempt,
        "graded_attempts": graded,
        "attempts_left": attempts_left,
    }
    if open_attempt is not None:
        # The form: texts only. ``correct`` is dropped before reaching the template.
        context["questions"] = [
            {**q, "choices": [{"index": c["index"], "text": c["text"]} for c in q["choices"]]}
            for q in quiz.question_list()
        ]
    last = graded[-1] if graded else None
    context["last_attempt"] = last
    if last is not None and (last.passed or attempts_left == 0):
        context["review"] = quiz.question_list()
    elif last is not None and not last.expired:
        # A failed attempt: which questions were right, without giving the answers away.
        context["feedback"] = [
            {"text": q["text"], "right": (last.answers or {}).get(q["id"]) == sorted(
                c["index"] for c in q["choices"] if c["correct"])}
            for q in quiz.question_list()
        ]
    return context


# --- Cohorts and enrolment --------------------------------------------------------------------


def window_refusal(cohort) -> str | None:
    """The message for a cohort annotated by ``Cohort.objects.with_enrolment_window``."""
    if cohort.enrolment_window == WINDOW_NOT_OPEN:
        return _("Enrolment has not opened yet.")
    if cohort.enrolment_window == WINDOW_CLOSED:
        return _("Enrolment is closed.")
    return None


def enrolment_refusal(*, user, cohort, eligible: bool | None = None) -> str | None:
    """Why ``user`` cannot ask to join ``cohort`` now, or None when they can. ``cohort`` comes
    annotated with its window (``with_enrolment_window``); ``eligible`` saves the eligibility
    queries when the caller has answered it for many cohorts at once."""
    if not getattr(user, "is_authenticated", False):
        return _("Log in to enrol.")
    if cohort.course.archived:
        return _("This course is archived.")
    refusal = window_refusal(cohort)
    if refusal:
        return refusal
    if eligible is None:
        return eligibility.cohort_eligibility_error(user=user, cohort=cohort)
    return None if eligible else str(eligibility.NOT_ELIGIBLE)


def cohorts_for(*, user, course: CoursePage) -> list:
    """The course's current cohorts for its page, each with the user's open enrolment and the
    reason they cannot enrol (or None), in three queries however many cohorts there are
    (four when a cohort is reserved for networks and the person works at an agency)."""
    signed_in = getattr(user, "is_authenticated", False)
    cohorts = list(
        course.cohorts.with_enrolment_window()
        .filter(Q(ends_at__isnull=True) | Q(ends_at__gte=timezone.now()))
        .annotate(seats_taken=Count(
            "enrolments", filter=Q(enrolments__status=Enrolment.Status.ACTIVE)
        ))
        .order_by("starts_at", "pk")
    )
    eligible = eligibility.eligibility_by_cohort(
        user, [cohort.pk for cohort in cohorts], cached=True
    )
    enrolments = {}
    if signed_in:
        # The last lesson comes from the course outline on the page, not from a join here.
        enrolments = {
            e.cohort_id: e
            for e in Enrolment.objects.filter(
                user=user, cohort__course=course, status__in=Enrolment.OPEN_STATUSES
            )
        }
        # Seed the per-request cache that permissions.active_enrolment reads.
        active = [e for e in enrolments.values() if e.status == Enrolment.Status.ACTIVE]
        user.__dict__.setdefault("_puente_enrolments", {})[course.pk] = (
            active[0] if active else None
        )
    for cohort in cohorts:
        cohort.course = course
        cohort.is_eligible = eligible[cohort.pk]
        cohort.my_enrolment = enrolments.get(cohort.pk)
        cohort.refusal = enrolment_refusal(user=user, cohort=cohort, eligible=cohort.is_eligible)
        # Full / waitlist shown before the click (seats.free_seats is the one rule).
        cohort.free_seats = seats.free_seats(cohort.capacity, cohort.seats_taken)
    return cohorts


def enrolments_for(*, user) -> list[Enrolment]:
    """The user's open enrolments, latest activity first, each with ``progress``, the code of
    the course's certificate (``certificate_code``) and the outline item to continue from
    (``continue_item``), in two queries however many there are (outlines come from the cache)."""
    course_certificate = Certificate.objects.filter(
        user=user, course_id=OuterRef("cohort__course_id")
    ).values("code")[:1]
    enrolments = list(
        Enrolment.objects.filter(user=user, status__in=Enrolment.OPEN_STATUSES)
        .select_related("cohort__course")
        .annotate(certificate_code=Subquery(course_certificate))
        .order_by("-last_seen_at", "-created_at")
    )
    courses = {e.cohort.course_id: e.cohort.course for e in enrolments}
    outlines = {pk: outline.outline_items(course) for pk, course in courses.items()}
    done = outline.done_item_ids(
        user, [item.pk for items in outlines.values() for item in items if not item.is_module]
    )
    for enrolment in enrolments:
        items = outlines[enrolment.cohort.course_id]
        enrolment.progress = progress_summary(
            (item.pk, item.pk in done) for item in items if item.required
        )
        enrolment.continue_item = outline.continue_item(items, enrolment)
    return enrolments


# --- Progress ---------------------------------------------------------------------------------


def course_progress(*, user, course: CoursePage) -> dict:
    """Done and total required items of one course, the percentage, and what is missing."""
    return progress_for_courses(user=user, courses=[course])[course.pk]


def best_scores(user, course) -> list[int]:
    """The best score in each required quiz of the course that ``user`` has submitted."""
    quizzes = QuizPage.objects.descendant_of(course).live().filter(required=True)
    best = {}
    for quiz_id, score in Attempt.objects.filter(
        user=user, quiz__in=quizzes, submitted_at__isnull=False
    ).values_list("quiz_id", "score"):
        best[quiz_id] = max(best.get(quiz_id, 0), score or 0)
    return list(best.values())


def progress_for_courses(*, user, courses) -> dict[int, dict]:
    """Progress in several courses in one query: each required lesson or quiz of the courses,
    with whether this user has done the lesson or passed the quiz."""
    if not courses:
        return {}
    condition = Q()
    for course in courses:
        condition |= Q(path__startswith=course.path, depth__gt=course.depth)
    owner = {course.path: course.pk for course in courses}
    done_lesson = Exists(LessonProgress.objects.filter(user=user, lesson_id=OuterRef("pk")))
    passed_quiz = Exists(Attempt.objects.filter(user=user, quiz_id=OuterRef("pk"), passed=True))
    items = (
        Page.objects.live().filter(condition)
        .filter(Q(lessonpage__required=True) | Q(quizpage__required=True))
        .annotate(done=done_lesson | passed_quiz)
        .values_list("pk", "path", "done")
    )
    grouped: dict[int, list[tuple[int, bool]]] = {course.pk: [] for course in courses}
    for pk, path, done in items:
        course_id = next(
            (owner[path[:n]] for n in range(Page.steplen, len(path), Page.steplen)
             if path[:n] in owner),
            None,
        )
        if course_id is not None:
            grouped[course_id].append((pk, done))
    return {course_id: progress_summary(rows) for course_id, rows in grouped.items()}


def progress_summary(items) -> dict:
    """Progress from the required items of a course as ``(pk, done)`` pairs: ``done``,
    ``total``, ``percent``, ``complete`` and the ``missing_ids``."""
    done, total, missing = 0, 0, set()
    for pk, is_done in items:
        total += 1
        if is_done:
            done += 1
        else:
            missing.add(pk)
    return {
        "done": done,
        "total": total,
        "missing_ids": missing,
        "percent": round(100 * done / total) if total else 0,
        "complete": total > 0 and done == total,
    }


def outline_progress(items) -> dict:
    """Progress from a course's outline (its page needs no further query)."""
    return progress_summary((row.pk, row.done) for row in items if row.required)


def open_cohorts_for_home(request, locale) -> list[dict]:
    """Three cohorts open for enrolment, soonest first, for the home page: one query (the
    course in the visitor's language when translated is left to its page)."""
    cohorts = (
        Cohort.objects.open_for_enrolment()
        .filter(course__live=True, course__archived=False)
        .select_related("course__locale")
        .order_by("starts_at", "pk")[:3]
    )
    return [
        {
            "title": f"{cohort.course.title} — {cohort.title}",
            "url": cohort.course.get_url(request),
            "datetime": cohort.starts_at,
            "meta": cohort.course.get_language_display(),
            "lang": "" if cohort.course.locale_id == locale else cohort.course.locale.language_code,
        }
        for cohort in cohorts
    ]


def imports_visible_to(user):
    """The imports ``user`` may follow (``permissions.may_see_import``), newest first."""
    jobs = ImportJob.objects.select_related("cohort__course", "webinar", "created_by")
    if not permissions.may_administer_enrolments(user):
        return jobs.none()
    if permissions.sees_every_import(user):
        return jobs
    return jobs.filter(created_by=user)
