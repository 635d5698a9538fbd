"""Learning: the course catalogue and its pages, cohorts, enrolments, progress, quizzes,
certificates and webinars. The rules that change these rows live in ``courses/services.py``."""

import secrets
import zoneinfo
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Window
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from cms.accounts.models import TIME_ZONE_CHOICES
from cms.pages.blocks import BaseStreamBlock

from .blocks import LessonStreamBlock, QuestionStreamBlock

CATALOGUE_PAGE_SIZE = 12


class CourseIndexPage(Page):
    """The catalogue: /<lang>/courses/."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from .filters import CourseFilter

        context = super().get_context(request, *args, **kwargs)
        # Wagtail's serve() has checked the restrictions of this page and its ancestors; a
        # course with its own restriction is left out inside the same query.
        restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
        courses = (
            CoursePage.objects.live().child_of(self).filter(~Exists(restricted))
            .order_by("title")
        )
        course_filter = CourseFilter(request.GET or None, queryset=courses, request=request)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(
            filter=course_filter,
            courses=CataloguePage.load(course_filter.qs, request.GET.get("page")),
            query_string=query.urlencode(),
        )
        return context


class CataloguePage:
    """One page of results, its total counted in the same query by a window function."""

    def __init__(self, object_list, number: int, count: int):
        self.object_list, self.number, self.count = object_list, number, count
        self.num_pages = max(1, -(-count // CATALOGUE_PAGE_SIZE))

    @classmethod
    def load(cls, queryset, number) -> "CataloguePage":
        try:
            number = max(1, int(number or 1))
        except (TypeError, ValueError):
            number = 1
        counted = queryset.annotate(total=Window(Count("pk")))
        offset = (number - 1) * CATALOGUE_PAGE_SIZE
        rows = list(counted[offset : offset + CATALOGUE_PAGE_SIZE])
        if not rows and number > 1:
            return cls.load(queryset, 1)
        return cls(rows, number, rows[0].total if rows else 0)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def paginator(self):
        return self

    def has_previous(self):
        return self.number > 1

    def has_next(self):
        return self.number < self.num_pages

    def has_other_pages(self):
        return self.num_pages > 1

    def previous_page_number(self):
        return self.number - 1

    def next_page_number(self):
        return self.number + 1


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


def continue_item(items, enrolment) -> "OutlineItem | None":
    """The outline item an enrolment continues from: its last lesson, if still in the outline."""
    last_id = enrolment.last_lesson_id if enrolment else None
    return next((item for item in items if item.pk == last_id), None) if last_id else None


@dataclass
class OutlineItem:
    """One module, lesson or quiz of a course's outline (see ``CoursePage.outline``)."""

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


class CoursePage(Page):
    """A course: its description, and the syllabus built from its modules and lessons."""

    class Format(models.TextChoices):
        SELF_PACED = "self_paced", _("Self-paced")
        COHORT = "cohort", _("Tutored cohort")

    summary = models.TextField(_("summary"))
    objectives = RichTextField(_("learning objectives"), features=["ul", "ol", "bold", "italic"])
    audience = models.TextField(_("who it is for"), blank=True)
    prerequisites = models.TextField(_("prerequisites"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    course_format = models.CharField(
        _("format"), max_length=12, choices=Format.choices, default=Format.COHORT
    )
    estimated_hours = models.PositiveSmallIntegerField(_("estimated hours"), default=10)
    instructors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("instructors"), blank=True,
        related_name="courses_taught",
    )
    themes = ParentalManyToManyField(
        "directory.Theme", verbose_name=_("themes"), blank=True, related_name="courses"
    )
    networks = ParentalManyToManyField(
        "directory.Network", verbose_name=_("networks"), blank=True, related_name="courses"
    )
    minimum_score = models.PositiveSmallIntegerField(
        _("minimum average quiz score (%)"), null=True, blank=True,
        help_text=_("Leave empty when passing each required quiz is enough."),
    )
    archived = models.BooleanField(
        _("archived"), default=False, help_text=_("No new cohorts; kept for the record.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("prerequisites")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("language"), FieldPanel("course_format")]),
                FieldRowPanel([FieldPanel("estimated_hours"), FieldPanel("minimum_score")]),
                FieldPanel("archived"),
            ],
            heading=_("Format and completion"),
        ),
        # Instructors may edit their course; who teaches it is for editors and the secretariat.
        FieldPanel("instructors", permission="courses.assign_course_instructors"),
        FieldPanel("themes"),
        FieldPanel("networks"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.FilterField("language"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        permissions = [("assign_course_instructors", _("Can choose a course's instructors"))]

    def outline(self, user=None) -> list["OutlineItem"]:
        """Live modules, lessons and quizzes in tree order, cached on this instance.

        The structure depends only on the page tree, so it is kept in the shared cache under
        the tree version (cms/pages/shell.py); what ``user`` has done (lessons done, quizzes
        passed) costs one query. Each item has ``pk``, ``path``, ``title``, ``url``,
        ``is_module``, ``is_quiz``, ``intro`` (of a module), ``required`` and ``done``.
        """
        signed_in = getattr(user, "is_authenticated", False)
        memo = self.__dict__.setdefault("_outline", {})
        key = user.pk if signed_in else None
        if key in memo:
            return memo[key]
        items = self.outline_items()
        if signed_in:
            done = done_item_ids(user, [item.pk for item in items if not item.is_module])
            for item in items:
                item.done = item.pk in done
        memo[key] = items
        return items

    def outline_items(self) -> list["OutlineItem"]:
        """The outline's structure, shared by everyone (no ``done``), from the cache."""
        from cms.pages import shell

        return shell.cached(None, "course-outline", self.pk, compute=self._outline_items)

    def _outline_items(self) -> list["OutlineItem"]:
        from django.contrib.contenttypes.models import ContentType
        from django.db.models import F, Q, Value
        from django.db.models.functions import Coalesce

        types = ContentType.objects.get_for_models(ModulePage, LessonPage, QuizPage)
        rows = (
            Page.objects.descendant_of(self).live()
            .filter(
                Q(depth=self.depth + 1, content_type=types[ModulePage])
                | Q(depth=self.depth + 2,
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

    def syllabus(self, user=None) -> list[OutlineItem]:
        """Modules, each with ``items``: its live lessons and quizzes (see ``outline``)."""
        modules = {}
        for row in self.outline(user):
            if row.is_module:
                row.items = []
                modules[row.path] = row
            elif row.path[: -Page.steplen] in modules:
                modules[row.path[: -Page.steplen]].items.append(row)
        return list(modules.values())

    def first_lesson_id(self) -> int | None:
        """The public preview lesson, from whichever outline this instance already holds."""
        cached = self.__dict__.get("_outline")
        rows = next(iter(cached.values())) if cached else self.outline()
        return next((row.pk for row in rows if not (row.is_module or row.is_quiz)), None)

    def first_lesson(self):
        return LessonPage.objects.descendant_of(self).live().order_by("path").first()

    def get_context(self, request, *args, **kwargs):
        from . import permissions, services

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        cohorts = services.cohorts_for(user=user, course=self)
        enrolment = permissions.active_enrolment(user, self)
        outline = self.outline(user)
        context.update(
            cohorts=cohorts,
            syllabus=self.syllabus(user),
            enrolment=enrolment,
            progress=services.outline_progress(outline) if enrolment else None,
            # "Continue where you left off": the lesson's row in the outline (no extra query).
            continue_lesson=continue_item(outline, enrolment),
        )
        return context


class CourseInstructorGroup(models.Model):
    """The admin group that lets a course's instructors, and only them, edit the course.

    Its members and page permissions are kept in step with ``CoursePage.instructors`` by
    ``services.course_instructors_sync``; nobody edits it by hand.
    """

    course = models.OneToOneField(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE,
        related_name="instructor_group",
    )
    group = models.OneToOneField(
        "auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("course instructors' group")
        verbose_name_plural = _("course instructors' groups")

    def __str__(self) -> str:
        return self.group.name


class ModulePage(Page):
    """A group of lessons and quizzes inside a course."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage", "courses.QuizPage"]

    class Meta:
        verbose_name = _("module")

    def serve(self, request, *args, **kwargs):
        # A module is a heading of the syllabus; its address leads there.
        return HttpResponseRedirect(f"{self.get_parent().get_url(request)}#module-{self.pk}")

    @property
    def course(self):
        return CoursePage.objects.ancestor_of(self).first()


class LessonPage(Page):
    """A lesson: its content is for enrolled learners, except the course's first lesson."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=20)
    required = models.BooleanField(
        _("required for completion"), default=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("estimated_minutes"), FieldPanel("required")]),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")

    @property
    def course(self):
        if not hasattr(self, "_course"):
            self._course = CoursePage.objects.ancestor_of(self).first()
        return self._course

    def get_context(self, request, *args, **kwargs):
        from . import permissions, services

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        course = self.course
        # One query gives the previous and next items, the public preview and "done".
        items = [row for row in course.outline(user) if not row.is_module]
        here = next((i for i, row in enumerate(items) if row.pk == self.pk), None)
        may_read = permissions.may_read_lesson(user, self, course=course)
        context.update(course=course, may_read=may_read, done=False)
        if may_read and user.is_authenticated:
            enrolment = permissions.active_enrolment(user, course)
            if enrolment is not None:
                services.enrolment_touch(enrolment=enrolment, lesson=self)
                context["done"] = here is not None and items[here].done
            context["can_mark_done"] = enrolment is not None
        if here is not None:
            context["previous_item"] = items[here - 1] if here > 0 else None
            context["next_item"] = items[here + 1] if here + 1 < len(items) else None
        return context


class QuizPage(Page):
    """A graded quiz. Correct answers stay on the server until the learner has passed or has
    no attempt left."""

    is_quiz = True

    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), default=70)
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0 means no limit.")
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True
    )
    required = models.BooleanField(_("required for completion"), default=True)
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel(
            [FieldPanel("pass_mark"), FieldPanel("max_attempts"), FieldPanel("time_limit_minutes")]
        ),
        FieldPanel("required"),
        FieldPanel("questions"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("quiz")

    @property
    def course(self):
        if not hasattr(self, "_course"):
            self._course = CoursePage.objects.ancestor_of(self).first()
        return self._course

    def question_list(self):
        """Questions as plain data for the form: ids, kinds, texts and answer texts only."""
        return [
            {
                "id": block.id,
                "kind": block.value["kind"],
                "text": block.value["text"],
                "explanation": block.value["explanation"],
                "choices": [
                    {"index": i, "text": choice["text"], "correct": choice["correct"]}
                    for i, choice in enumerate(block.value["choices"])
                ],
            }
            for block in self.questions
        ]

    def get_context(self, request, *args, **kwargs):
        from . import permissions

        context = super().get_context(request, *args, **kwargs)
        course = self.course
        user = request.user
        enrolment = permissions.active_enrolment(user, course)
        attempts = (
            list(Attempt.objects.filter(user=user, quiz=self).order_by("number"))
            if user.is_authenticated else []
        )
        open_attempt = next((a for a in attempts if a.submitted_at is None), None)
        graded = [a for a in attempts if a.submitted_at is not None]
        context.update(
            course=course,
            enrolment=enrolment,
            open_attempt=open_attempt,
            graded_attempts=graded,
            attempts_left=(
                None if not self.max_attempts else max(self.max_attempts - len(attempts), 0)
            ),
        )
        if open_attempt is not None:
            # The form: texts only. ``correct`` is dropped before reaching the template.
            context["questions"] = [
                {**q, "choices": [{"index": c["index"], "text": c["text"]} for c in q["choices"]]}
                for q in self.question_list()
            ]
        last = graded[-1] if graded else None
        context["last_attempt"] = last
        if last is not None and (last.passed or context["attempts_left"] == 0):
            context["review"] = self.question_list()
        return context


class Cohort(models.Model):
    """A run of a course: dates, capacity, waitlist and who may enrol."""

    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), on_delete=models.CASCADE, related_name="cohorts"
    )
    title = models.CharField(_("title"), max_length=200)
    enrolment_opens_at = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrolment_closes_at = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    starts_at = models.DateTimeField(_("starts"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    waitlist_enabled = models.BooleanField(_("waitlist when full"), default=True)
    requires_approval = models.BooleanField(_("enrolment needs approval"), default=False)
    eligible_countries = models.ManyToManyField(
        "directory.Country", verbose_name=_("eligible countries"), blank=True, related_name="+"
    )
    eligible_networks = models.ManyToManyField(
        "directory.Network", verbose_name=_("eligible networks"), blank=True, related_name="+",
        help_text=_("People whose agency belongs to one of these networks."),
    )
    eligible_agencies = models.ManyToManyField(
        "directory.Agency", verbose_name=_("eligible agencies"), blank=True, related_name="+"
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("enrolment_opens_at"), FieldPanel("enrolment_closes_at")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel(
            [FieldPanel("capacity"), FieldPanel("waitlist_enabled"),
             FieldPanel("requires_approval")]
        ),
        MultiFieldPanel(
            [
                FieldPanel("eligible_countries"),
                FieldPanel("eligible_networks"),
                FieldPanel("eligible_agencies"),
            ],
            heading=_("Eligibility (empty: everyone)"),
        ),
    ]

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return f"{self.course.title} — {self.title}"

    def clean(self):
        if self.enrolment_opens_at and self.enrolment_closes_at and (
            self.enrolment_closes_at <= self.enrolment_opens_at
        ):
            raise ValidationError(
                {"enrolment_closes_at": _("Enrolment must close after it opens.")}
            )
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The cohort must end after it starts.")})

    def enrolment_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return (self.enrolment_opens_at is None or self.enrolment_opens_at <= now) and (
            self.enrolment_closes_at is None or now < self.enrolment_closes_at
        )

    def active_count(self) -> int:
        return self.enrolments.filter(status=Enrolment.Status.ACTIVE).count()


class Enrolment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        WAITLISTED = "waitlisted", _("On the waitlist")
        ACTIVE = "active", _("Enrolled")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Not approved")

    OPEN_STATUSES = (Status.PENDING, Status.WAITLISTED, Status.ACTIVE)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE,
        related_name="enrolments",
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(
        _("average quiz score (%)"), null=True, blank=True,
        help_text=_("The average of the best score in each required quiz, kept for reports."),
    )
    last_lesson = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("last lesson"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cohort"],
                condition=models.Q(status__in=["pending", "waitlisted", "active"]),
                name="enrolment_one_open_per_cohort",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.cohort}"


class LessonProgress(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(LessonPage, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="lesson_progress_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.lesson_id}"


class Attempt(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="attempts")
    number = models.PositiveSmallIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True)
    answers = models.JSONField(default=dict, blank=True)
    expired = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="attempt_number"),
            models.UniqueConstraint(
                fields=["user", "quiz"], condition=models.Q(submitted_at__isnull=True),
                name="attempt_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.quiz_id} #{self.number}"

    def deadline(self):
        limit = self.quiz.time_limit_minutes
        return self.started_at + timedelta(minutes=limit) if limit else None


def new_certificate_code() -> str:
    # 16 characters from an alphabet without look-alikes: about 80 bits, unguessable.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class Certificate(models.Model):
    """A verifiable certificate of completion (a course) or attendance (a webinar)."""

    class Kind(models.TextChoices):
        COMPLETION = "completion", _("Certificate of completion")
        ATTENDANCE = "attendance", _("Certificate of attendance")

    code = models.CharField(_("code"), max_length=19, unique=True, default=new_certificate_code)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT,
        related_name="certificates",
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="certificates",
    )
    webinar = models.ForeignKey(
        "courses.WebinarPage", verbose_name=_("webinar"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="certificates",
    )
    # Snapshots: what was certified stays true if a name or a title is edited later.
    holder_name = models.CharField(_("holder's name"), max_length=300)
    title = models.CharField(_("title"), max_length=300)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("revoked by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=models.Q(course__isnull=False),
                name="certificate_once_per_course",
            ),
            models.UniqueConstraint(
                fields=["user", "webinar"], condition=models.Q(webinar__isnull=False),
                name="certificate_once_per_webinar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.holder_name}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None


class WebinarIndexPage(Page):
    """/<lang>/webinars/: upcoming and past webinars."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["courses.WebinarPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("webinar list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        webinars = WebinarPage.objects.live().public().child_of(self)
        now = timezone.now()
        context["upcoming"] = webinars.filter(starts_at__gte=now).order_by("starts_at")[:50]
        context["past"] = webinars.filter(starts_at__lt=now).order_by("-starts_at")[:50]
        return context


class WebinarPage(Page):
    """A live session: registration with a waitlist, a join link revealed shortly before it."""

    JOIN_WINDOW = timedelta(minutes=15)

    summary = models.TextField(_("summary"))
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    time_zone = models.CharField(
        _("organiser's time zone"), max_length=64, choices=TIME_ZONE_CHOICES,
        default="America/New_York",
    )
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    speakers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("speakers"), blank=True,
        related_name="webinars_spoken",
    )
    speaker_names = models.CharField(
        _("speakers as shown"), max_length=300, blank=True,
        help_text=_("Names and roles as they should appear on the page."),
    )
    join_url = models.URLField(
        _("join link"), blank=True,
        help_text=_("Shown only to registered people from 15 minutes before the start."),
    )
    recording_url = models.URLField(_("recording"), blank=True)
    slides = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("slides"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    attendance_threshold = models.PositiveSmallIntegerField(
        _("attendance needed for a certificate (%)"), default=75
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("time_zone")]),
                FieldRowPanel(
                    [FieldPanel("duration_minutes"), FieldPanel("language"),
                     FieldPanel("capacity")]
                ),
            ],
            heading=_("When"),
        ),
        FieldPanel("speakers"),
        FieldPanel("speaker_names"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("join_url"),
                FieldPanel("recording_url"),
                FieldPanel("slides"),
                FieldPanel("attendance_threshold"),
            ],
            heading=_("Links and attendance"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["courses.WebinarIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("webinar")

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def get_context(self, request, *args, **kwargs):
        from . import permissions

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        registration = None
        if user.is_authenticated:
            registration = (
                Registration.objects.filter(user=user, webinar=self)
                .exclude(status=Registration.Status.CANCELLED).first()
            )
        now = timezone.now()
        context.update(
            registration=registration,
            may_join=permissions.may_join_webinar(user, self, now=now),
            join_opens_at=self.starts_at - self.JOIN_WINDOW,
            is_past=self.ends_at < now,
            local_start=timezone.localtime(self.starts_at, self.zone),
        )
        return context


class Registration(models.Model):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="webinar_registrations",
    )
    webinar = models.ForeignKey(
        WebinarPage, verbose_name=_("webinar"), on_delete=models.CASCADE,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    reminder_24h_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_1h_sent_at = models.DateTimeField(null=True, blank=True)
    attended_minutes = models.PositiveSmallIntegerField(
        _("minutes attended"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("webinar registration")
        verbose_name_plural = _("webinar registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "webinar"],
                condition=~models.Q(status="cancelled"),
                name="registration_one_open_per_webinar",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.webinar.title}"


class CalendarFeed(models.Model):
    """A secret address for a person's calendar: their webinars and cohort dates."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("calendar feed")

    def __str__(self) -> str:
        return str(self.user)

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)
