"""The catalogue: its index page, course pages and each course's instructors' admin group.

What a course page shows is read by ``courses/selectors.py``; its outline (modules, lessons,
quizzes) by ``courses/outline.py``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField


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
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.catalogue_context(self, request))
        return context


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

    def first_lesson(self):
        from .pages import LessonPage

        return LessonPage.objects.descendant_of(self).live().order_by("path").first()

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.course_page_context(self, request))
        return context


class CourseInstructorGroup(models.Model):
    """The admin group that lets a course's instructors, and only them, edit the course.

    Its members and page permissions are kept in step with ``CoursePage.instructors`` by
    ``courses.services.instructors.course_instructors_sync``; nobody edits it by hand.
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
