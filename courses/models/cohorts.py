"""Cohorts (runs of a course), enrolments and lesson progress.

The enrolment window is coded once, in ``CohortQuerySet``; seats and the waitlist in
``courses/seats.py``; the rules that change these rows in ``courses/services/``.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .catalogue import CoursePage
from .pages import LessonPage

WINDOW_OPEN, WINDOW_NOT_OPEN, WINDOW_CLOSED = "open", "not_open", "closed"


class CohortQuerySet(models.QuerySet):
    """The one home of the enrolment window: opens at ``enrolment_opens_at`` (inclusive),
    closes at ``enrolment_closes_at`` (exclusive); an empty bound does not limit."""

    def with_enrolment_window(self, now=None):
        """Annotate ``enrolment_window``: ``"open"``, ``"not_open"`` (not yet) or ``"closed"``."""
        now = now or timezone.now()
        return self.annotate(
            enrolment_window=models.Case(
                models.When(enrolment_opens_at__gt=now, then=models.Value(WINDOW_NOT_OPEN)),
                models.When(enrolment_closes_at__lte=now, then=models.Value(WINDOW_CLOSED)),
                default=models.Value(WINDOW_OPEN),
                output_field=models.CharField(),
            )
        )

    def open_for_enrolment(self, now=None):
        return self.with_enrolment_window(now).filter(enrolment_window=WINDOW_OPEN)


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

    objects = CohortQuerySet.as_manager()

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
