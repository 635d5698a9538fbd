"""A course's outline: its live modules, lessons and quizzes in tree order, and what one person
has done in it.

The structure depends only on the page tree, so it is kept in the shared cache under the tree
version (``cms/pages/shell.py``); what a person has done (lessons done, quizzes passed) costs one
query. This is the read model under ``permissions`` (the public preview lesson) and
``selectors`` (pages, dashboard, API).
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce

from wagtail.models import Page

from cms.pages import shell

from .models import Attempt, LessonPage, LessonProgress, ModulePage, QuizPage


@dataclass
class OutlineItem:
    """One module, lesson or quiz of a course's outline."""

    pk: int
    path: str
    title: str
    url: str
    is_module: bool
    is_quiz: bool
    intro: str = ""
    required: bool = False
    done: bool = False
    items: list = field(default_factory=list)  # a module's lessons and quizzes


def done_item_ids(user, ids) -> set[int]:
    """Which of these lessons ``user`` has done and which quizzes they passed, in one query."""
    if not ids:
        return set()
    return set(
        LessonProgress.objects.filter(user=user, lesson_id__in=ids)
        .values_list("lesson_id", flat=True)
        .union(
            Attempt.objects.filter(user=user, quiz_id__in=ids, passed=True).values_list(
                "quiz_id", flat=True
            )
        )
    )


def continue_item(items, enrolment) -> OutlineItem | None:
    """The outline item an enrolment continues from: its last lesson, if still in the outline."""
    last_id = enrolment.last_lesson_id if enrolment else None
    return next((item for item in items if item.pk == last_id), None) if last_id else None


def outline(course, user=None) -> list[OutlineItem]:
    """Live modules, lessons and quizzes in tree order, with ``done`` for ``user``; kept on the
    course instance for the rest of the request."""
    signed_in = getattr(user, "is_authenticated", False)
    memo = course.__dict__.setdefault("_outline", {})
    key = user.pk if signed_in else None
    if key in memo:
        return memo[key]
    items = outline_items(course)
    if signed_in:
        done = done_item_ids(user, [item.pk for item in items if not item.is_module])
        for item in items:
            item.done = item.pk in done
    memo[key] = items
    return items


def outline_items(course) -> list[OutlineItem]:
    """The outline's structure, shared by everyone (no ``done``), from the cache."""
    return shell.cached(
        None, "course-outline-items", course.pk, compute=lambda: _outline_items(course)
    )


def _outline_items(course) -> list[OutlineItem]:
    types = ContentType.objects.get_for_models(ModulePage, LessonPage, QuizPage)
    rows = (
        Page.objects.descendant_of(course).live()
        .filter(
            Q(depth=course.depth + 1, content_type=types[ModulePage])
            | Q(depth=course.depth + 2,
                content_type__in=[types[LessonPage], types[QuizPage]])
        )
        .annotate(
            intro=F("modulepage__intro"),
            required=Coalesce("lessonpage__required", "quizpage__required", Value(False)),
        )
        .order_by("path")
    )
    return [
        OutlineItem(
            pk=row.pk, path=row.path, title=row.title, url=row.get_url() or "",
            is_module=row.content_type_id == types[ModulePage].pk,
            is_quiz=row.content_type_id == types[QuizPage].pk,
            intro=row.intro or "", required=bool(row.required),
        )
        for row in rows
    ]


def syllabus(course, user=None) -> list[OutlineItem]:
    """Modules, each with ``items``: its live lessons and quizzes (see ``outline``)."""
    modules = {}
    for row in outline(course, user):
        if row.is_module:
            row.items = []
            modules[row.path] = row
        elif row.path[: -Page.steplen] in modules:
            modules[row.path[: -Page.steplen]].items.append(row)
    return list(modules.values())


def first_lesson_id(course) -> int | None:
    """The public preview lesson, from whichever outline this course instance already holds."""
    cached = course.__dict__.get("_outline")
    rows = next(iter(cached.values())) if cached else outline(course)
    return next((row.pk for row in rows if not (row.is_module or row.is_quiz)), None)
