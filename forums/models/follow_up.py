"""Commitments and their follow-up: reporting cycles, country reports (one row per commitment),
the audit of every change, reminders sent, and what helps to fulfil a commitment."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.directory.models import current_language


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Commitment(models.Model):
    """One commitment adopted at a meeting, numbered as in its declaration or plan of action."""

    class Responsible(models.TextChoices):
        ALL_MEMBERS = "all_members", _("All member states")
        NAMED_COUNTRIES = "named_countries", _("Named countries")
        FORUM_BODIES = "forum_bodies", _("The forum's bodies")
        SECRETARIAT = "secretariat", _("The technical secretariat")

    forum = models.ForeignKey(
        "forums.ForumPage", verbose_name=_("forum"), on_delete=models.PROTECT,
        related_name="commitments",
    )
    meeting = models.ForeignKey(
        "forums.MeetingPage", verbose_name=_("adopted at"), on_delete=models.PROTECT,
        related_name="commitments",
    )
    number = models.CharField(
        _("number"), max_length=20, help_text=_("As in the source, e.g. 12 or 3.b")
    )
    text_en = models.TextField(_("text (English)"))
    text_es = models.TextField(_("text (Spanish)"), blank=True)
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_pt = models.TextField(_("text (Portuguese)"), blank=True)
    themes = models.ManyToManyField("directory.Theme", verbose_name=_("themes"), blank=True,
                                    related_name="commitments")
    population_groups = models.ManyToManyField(
        "directory.PopulationGroup", verbose_name=_("population groups"), blank=True,
        related_name="commitments",
    )
    responsible = models.CharField(_("responsible"), max_length=20, choices=Responsible.choices,
                                   default=Responsible.ALL_MEMBERS)
    responsible_countries = models.ManyToManyField(
        "directory.Country", verbose_name=_("named countries"), blank=True, related_name="+"
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    sort_key = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["forum_id", "meeting_id", "sort_key", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="forums_commitment_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:80]}"

    @property
    def text(self) -> str:
        return getattr(self, f"text_{current_language()}") or self.text_en

    @property
    def text_language(self) -> str:
        return current_language() if getattr(self, f"text_{current_language()}") else "en"

    def clean(self):
        if self.meeting_id and self.forum_id and self.meeting.get_parent().pk != self.forum_id:
            raise ValidationError({"meeting": _("This meeting belongs to another forum.")})


class ReportingCycle(models.Model):
    """A period in which member states report on a forum's commitments."""

    forum = models.ForeignKey(
        "forums.ForumPage", verbose_name=_("forum"), on_delete=models.PROTECT,
        related_name="cycles",
    )
    title = models.CharField(_("title"), max_length=200)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))

    class Meta:
        verbose_name = _("reporting cycle")
        verbose_name_plural = _("reporting cycles")
        ordering = ["-opens_on"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on <= self.opens_on:
            raise ValidationError({"closes_on": _("The cycle closes before it opens.")})


class CountryReport(models.Model):
    """One country's report in one cycle; its state changes only in ``forums/workflow.py``."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        ACCEPTED = "accepted", _("Accepted")

    cycle = models.ForeignKey(ReportingCycle, verbose_name=_("cycle"), on_delete=models.PROTECT,
                              related_name="reports")
    country = models.ForeignKey("directory.Country", verbose_name=_("country"),
                                on_delete=models.PROTECT, related_name="forum_reports")
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.DRAFT, editable=False)
    version = models.PositiveIntegerField(default=0, editable=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True, editable=False)
    illustrative = models.BooleanField(_("illustrative (demo data)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("country report")
        verbose_name_plural = _("country reports")
        ordering = ["-cycle__opens_on", "country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "country"], name="forums_one_report_a_cycle")
        ]

    def __str__(self) -> str:
        return f"{self.cycle} — {self.country}"


class CommitmentStatus(models.Model):
    """A country's status on one commitment in one report."""

    report = models.ForeignKey(CountryReport, on_delete=models.CASCADE, related_name="rows")
    commitment = models.ForeignKey(Commitment, on_delete=models.PROTECT, related_name="statuses")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.NOT_STARTED)
    narrative = models.TextField(_("narrative"), blank=True, max_length=4000)
    evidence_links = models.TextField(
        _("evidence links"), blank=True, max_length=2000, help_text=_("One address per line.")
    )
    agency = models.ForeignKey("directory.Agency", verbose_name=_("agency responsible"),
                               null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("commitment status")
        ordering = ["commitment__sort_key", "commitment_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "commitment"], name="forums_one_row_a_commitment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report_id}/{self.commitment_id}: {self.status}"

    @property
    def links(self) -> list[str]:
        return [line.strip() for line in self.evidence_links.splitlines() if line.strip()]


class StatusChange(models.Model):
    """Who changed a row, when, and what it said after the change."""

    row = models.ForeignKey(CommitmentStatus, on_delete=models.CASCADE, related_name="changes")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=Status.choices)
    narrative = models.TextField(blank=True)
    evidence_links = models.TextField(blank=True)
    agency_id_then = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.row_id}: {self.status} ({self.at:%Y-%m-%d %H:%M})"


class ReportTransition(models.Model):
    """The audit row of each change of a country report's state."""

    report = models.ForeignKey(CountryReport, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(max_length=20)
    from_state = models.CharField(max_length=12, choices=CountryReport.State.choices)
    to_state = models.CharField(max_length=12, choices=CountryReport.State.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.from_state} → {self.to_state}"


class ReminderSent(models.Model):
    """A reminder already sent: ``key`` names it (kind, cycle or transition, person)."""

    key = models.CharField(max_length=100, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.key


class CommitmentTag(models.Model):
    """Content that helps to fulfil a commitment: an experience, course, webinar or completed
    exchange. A generic relation, so those apps never import forums."""

    commitment = models.ForeignKey(Commitment, verbose_name=_("commitment"),
                                   on_delete=models.CASCADE, related_name="tags")
    content_type = models.ForeignKey(ContentType, verbose_name=_("kind of content"),
                                     on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(_("content id"))
    content_object = GenericForeignKey("content_type", "object_id")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="+", editable=False)
    from_suggestion = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("commitment tag")
        verbose_name_plural = _("commitment tags")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "content_type", "object_id"],
                                    name="forums_one_tag_a_content")
        ]

    def __str__(self) -> str:
        return f"{self.commitment.number} ← {self.content_type.model} {self.object_id}"
