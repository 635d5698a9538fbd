"""Concept notes: what a national agency proposes, and the secretariat's review rubric."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Agency

from ..currencies import CHOICES as CURRENCY_CHOICES
from ..currencies import validate_currency
from ..enums import Modality, ProposalState


class Proposal(models.Model):
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="project_proposals")
    created_by = models.ForeignKey(
        "accounts.User", models.SET_NULL, null=True, related_name="project_proposals"
    )
    title = models.CharField(_("title"), max_length=200)
    modality = models.CharField(_("modality"), max_length=24, choices=Modality.choices)
    problem = models.TextField(_("problem to solve"), max_length=5000)
    objectives = models.TextField(_("objectives"), max_length=5000)
    countries = models.ManyToManyField(
        "directory.Country", related_name="project_proposals", verbose_name=_("countries")
    )
    partners = models.TextField(
        _("partners"), max_length=2000, blank=True,
        help_text=_("Agencies and organisations you would work with."),
    )
    estimated_budget_minor = models.BigIntegerField(
        _("estimated budget (minor units)"), validators=[MinValueValidator(0)]
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, validators=[validate_currency]
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration in months"), validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    language = models.CharField(max_length=5, default="en", editable=False)
    # An optional link to a commitment or a framework article (apps that own those).
    link_type = models.ForeignKey(
        ContentType, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    link_id = models.PositiveBigIntegerField(null=True, blank=True)
    link = GenericForeignKey("link_type", "link_id")
    state = models.CharField(
        max_length=20, choices=ProposalState.choices, default=ProposalState.DRAFT, editable=False
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("concept note")
        verbose_name_plural = _("concept notes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_budget_minor__gte=0),
                name="projects_proposal_budget_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.title


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class ProposalReview(models.Model):
    """The secretariat's rubric: four criteria scored 1 (weak) to 5 (strong)."""

    proposal = models.ForeignKey(Proposal, models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey("accounts.User", models.SET_NULL, null=True, related_name="+")
    relevance = models.PositiveSmallIntegerField(_("relevance to the region"), validators=SCORE)
    feasibility = models.PositiveSmallIntegerField(_("feasibility"), validators=SCORE)
    sustainability = models.PositiveSmallIntegerField(_("sustainability"), validators=SCORE)
    inclusion = models.PositiveSmallIntegerField(
        _("inclusion of groups in vulnerable situations"), validators=SCORE
    )
    comment = models.TextField(_("comment"), max_length=5000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(relevance__range=(1, 5), feasibility__range=(1, 5),
                                   sustainability__range=(1, 5), inclusion__range=(1, 5)),
                name="projects_review_scores_1_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.total}/20"

    @property
    def total(self) -> int:
        return self.relevance + self.feasibility + self.sustainability + self.inclusion
