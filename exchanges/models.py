"""Peer exchanges: a request for technical cooperation, its activities and attachments, the offers
other agencies make, the audit trail of its workflow, the rubric of its review, the reports and
evaluations after it, and the notifications it sends.

The state changes live in ``exchanges/workflow.py``; who may see or do what in
``exchanges/permissions.py``.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from cms.files import PrivateStorage


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    REJECTED = "rejected", _("Rejected")
    APPROVED = "approved", _("Approved")
    PROVIDER_MATCHED = "provider_matched", _("Provider matched")
    SCHEDULED = "scheduled", _("Scheduled")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    REPORTS_SUBMITTED = "reports_submitted", _("Reports submitted")
    CLOSED = "closed", _("Closed")
    # With a context: "Withdrawn" of a request is feminine in Spanish and Portuguese.
    WITHDRAWN = "withdrawn", pgettext_lazy("state of an exchange request", "Withdrawn")


#: States from approval on, in the order an exchange goes through them.
APPROVED_AND_LATER = (
    State.APPROVED,
    State.PROVIDER_MATCHED,
    State.SCHEDULED,
    State.IN_PROGRESS,
    State.COMPLETED,
    State.REPORTS_SUBMITTED,
    State.CLOSED,
)
FINISHED = (State.COMPLETED, State.REPORTS_SUBMITTED, State.CLOSED)
#: States from which the requesting agency may still withdraw its request: up to the match, as
#: long as no date has been confirmed (from "scheduled" on, travel and budgets are committed).
WITHDRAWABLE = (
    State.DRAFT,
    State.SUBMITTED,
    State.UNDER_REVIEW,
    State.CHANGES_REQUESTED,
    State.APPROVED,
    State.PROVIDER_MATCHED,
)


class Modality(models.TextChoices):
    EXPERT_MISSION = "expert_mission", _("Expert mission")
    STUDY_VISIT = "study_visit", _("Study visit")
    VIRTUAL = "virtual", _("Virtual exchange")
    WORKSHOP = "workshop", _("Workshop")


class ExchangeRequestQuerySet(models.QuerySet):
    def published(self):
        """Finished exchanges whose requester agreed to publish a summary."""
        return self.filter(state__in=FINISHED, publish_summary=True)


class ExchangeRequest(models.Model):
    """An agency's request for technical cooperation from a peer agency in another country."""

    requesting_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("requesting agency"),
        on_delete=models.PROTECT,
        related_name="exchange_requests",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    title = models.CharField(_("title"), max_length=200)
    themes = models.ManyToManyField("directory.Theme", verbose_name=_("themes"), blank=True)
    population_groups = models.ManyToManyField(
        "directory.PopulationGroup", verbose_name=_("population groups"), blank=True
    )
    problem = models.TextField(_("the problem"), max_length=5000)
    need = models.TextField(_("what you need"), max_length=5000)
    objectives = models.TextField(_("objectives"), max_length=3000)
    expected_results = models.TextField(_("expected results"), max_length=3000)
    preferred_country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("preferred provider country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    preferred_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("preferred provider agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    period_start = models.DateField(_("proposed start"), null=True, blank=True)
    period_end = models.DateField(_("proposed end"), null=True, blank=True)
    participants = models.PositiveSmallIntegerField(
        _("number of participants"), null=True, blank=True, validators=[MaxValueValidator(500)]
    )
    budget_travel = models.DecimalField(
        _("estimated travel budget (USD)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    budget_per_diem = models.DecimalField(
        _("estimated per diem budget (USD)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    publish_summary = models.BooleanField(
        _("a summary may be published once the exchange is completed"), default=False
    )
    summary = models.TextField(
        _("public summary"),
        max_length=1500,
        blank=True,
        help_text=_("Shown in the public list of completed exchanges if publication is agreed."),
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, editable=False
    )
    #: Raised by every transition; a form carries the version it was shown, so a stale form fails.
    version = models.PositiveIntegerField(default=0, editable=False)
    open_to_offers = models.BooleanField(_("open to offers"), default=False, editable=False)
    provider_agency = models.ForeignKey(
        "directory.Agency",
        verbose_name=_("provider agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="provided_exchanges",
        editable=False,
    )
    experience_page = models.ForeignKey(
        "experiences.ExperiencePage",
        verbose_name=_("experience page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True, editable=False)

    objects = ExchangeRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("exchange request")
        verbose_name_plural = _("exchange requests")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["state", "publish_summary"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchanges:detail", args=[self.pk])

    def language_names(self) -> list[str]:
        """The working languages by name in the reader's language ("Spanish", not "es")."""
        known = dict(settings.LANGUAGES)
        return [
            str(translation.get_language_info(code)["name_translated"]) if code in known else code
            for code in self.languages
        ]

    @property
    def party_agency_ids(self) -> set[int]:
        return {i for i in (self.requesting_agency_id, self.provider_agency_id) if i}

    @property
    def budget_total(self):
        return (self.budget_travel or 0) + (self.budget_per_diem or 0)


class Activity(models.Model):
    """One step of an exchange; a request may chain several (a virtual meeting, then a visit…)."""

    request = models.ForeignKey(
        ExchangeRequest, on_delete=models.CASCADE, related_name="activities"
    )
    order = models.PositiveSmallIntegerField(default=0)
    modality = models.CharField(_("modality"), max_length=20, choices=Modality.choices)
    description = models.CharField(_("description"), max_length=500, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.get_modality_display()


private_storage = PrivateStorage("EXCHANGES_ATTACHMENT_ROOT")


def _private_storage():
    return private_storage


class Attachment(models.Model):
    """A document joined to a request; never served by URL, only by the download view."""

    request = models.ForeignKey(
        ExchangeRequest, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to="%Y/%m/", storage=_private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name

    def get_absolute_url(self) -> str:
        return reverse("exchanges:attachment", args=[self.request_id, self.pk])


class Transition(models.Model):
    """One line of the audit trail: who moved the request from which state to which, and why."""

    request = models.ForeignKey(
        ExchangeRequest, on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("action"), max_length=30)
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class Review(models.Model):
    """The secretariat's rubric for a request: four scores from 1 to 5 and comments."""

    request = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    relevance = models.PositiveSmallIntegerField(_("relevance"), validators=SCORE)
    clarity = models.PositiveSmallIntegerField(_("clarity"), validators=SCORE)
    commitment = models.PositiveSmallIntegerField(_("commitment of both parties"), validators=SCORE)
    feasibility = models.PositiveSmallIntegerField(_("feasibility"), validators=SCORE)
    comments = models.TextField(_("comments"), max_length=3000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request} ({self.total}/20)"

    @property
    def total(self) -> int:
        return self.relevance + self.clarity + self.commitment + self.feasibility


class Offer(models.Model):
    """Another agency's offer to provide the cooperation an approved request asks for."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not selected")

    request = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="offers")
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("what you can offer"), max_length=3000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "agency"], name="offer_one_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.agency} → {self.request}"


class Report(models.Model):
    """A party's final report on the exchange (one per side)."""

    request = models.ForeignKey(ExchangeRequest, on_delete=models.CASCADE, related_name="reports")
    agency = models.ForeignKey(
        "directory.Agency", verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    activities = models.TextField(_("activities carried out"), max_length=5000)
    participants = models.TextField(_("participants"), max_length=3000)
    results = models.TextField(_("results"), max_length=5000)
    next_steps = models.TextField(_("next steps"), max_length=3000)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("final report")
        verbose_name_plural = _("final reports")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "agency"], name="report_one_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.request}"


class Evaluation(models.Model):
    """Ratings and a narrative: a party's evaluation, a participant's, or the 90-day follow-up."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Evaluation by a party")
        PARTICIPANT = "participant", _("Participant's evaluation")
        FOLLOW_UP = "follow_up", _("Follow-up survey")

    request = models.ForeignKey(
        ExchangeRequest, on_delete=models.CASCADE, related_name="evaluations"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    satisfaction = models.PositiveSmallIntegerField(_("overall satisfaction"), validators=SCORE)
    usefulness = models.PositiveSmallIntegerField(_("usefulness for your work"), validators=SCORE)
    narrative = models.TextField(_("comments"), max_length=3000, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "kind", "by"], name="evaluation_once")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.request}"


class Notification(models.Model):
    """An in-app notice to one person about an exchange (also sent by email)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_notifications"
    )
    request = models.ForeignKey(
        ExchangeRequest, on_delete=models.CASCADE, related_name="notifications"
    )
    text = models.CharField(_("text"), max_length=300)
    # The untranslated message and its values, so each reader sees it in their language of the
    # moment (``text`` keeps the wording of when it was sent, for the record).
    message = models.CharField(_("message"), max_length=300, blank=True)
    params = models.JSONField(_("values"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.text

    TRANSLATE = "_translate"  # params key listing the values that are themselves msgids

    def display_text(self) -> str:
        """The notice in the active language (falls back to the stored text)."""
        if not self.message:
            return self.text
        translate = set(self.params.get(self.TRANSLATE, []))
        values = {
            key: gettext(value) if key in translate else value
            for key, value in self.params.items() if key != self.TRANSLATE
        }
        try:
            return (gettext(self.message) % values)[:300]
        except (KeyError, TypeError, ValueError):
            return self.text
