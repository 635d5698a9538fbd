"""The pages inside a course: modules, lessons and quizzes.

What a lesson or quiz page shows is read by ``courses/selectors.py``.
"""

from django.db import models
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import LessonStreamBlock, QuestionStreamBlock

from .catalogue import CoursePage


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
        from courses import selectors
        from courses.services.enrolment import enrolment_touch

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.lesson_page_context(self, request.user))
        enrolment = context.pop("enrolment", None)
        if enrolment is not None:
            # "Continue where you left off" remembers the lesson opened last.
            enrolment_touch(enrolment=enrolment, lesson=self)
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
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.quiz_page_context(self, request.user))
        # Questions left unanswered by the last refused submission (courses.views).
        context["unanswered"] = set(request.session.pop(f"quiz-{self.pk}-unanswered", []))
        return context

