"""The project record: what every language's page of a project shares (its state, agencies,
organisations, countries, period, budget, results, activities). Translated texts live on the
pages (``ProjectPage``), one per language, each pointing to this record."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from cms.directory.models import Agency

from ..currencies import CHOICES as CURRENCY_CHOICES
from ..currencies import validate_currency
from ..enums import Modality, OrganisationRole, Status
from .organisations import Organisation


def check_period(start, end, message) -> None:
    """The one rule for dates in order (project periods, report periods)."""
    if start and end and end < start:
        raise ValidationError(message, code="end_before_start")


class Project(ClusterableModel):
    code = models.SlugField(
        _("code"), max_length=40, unique=True,
        help_text=_("Short and permanent, e.g. 2026-care-systems; it ends the IATI identifier."),
    )
    title = models.CharField(_("working title"), max_length=250)
    modality = models.CharField(_("modality"), max_length=24, choices=Modality.choices)
    # Written only by projects/workflow.py.
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT, editable=False
    )
    status_reason = models.TextField(_("reason for the status"), blank=True, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    lead_agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="led_projects", verbose_name=_("lead agency")
    )
    partner_agencies = ParentalManyToManyField(
        Agency, blank=True, related_name="partner_projects", verbose_name=_("partner agencies")
    )
    countries = ParentalManyToManyField(
        "directory.Country", related_name="projects", verbose_name=_("beneficiary countries")
    )
    themes = ParentalManyToManyField(
        "directory.Theme", blank=True, related_name="projects", verbose_name=_("themes")
    )
    population_groups = ParentalManyToManyField(
        "directory.PopulationGroup", blank=True, related_name="projects",
        verbose_name=_("population groups"),
    )
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    contact_email = models.EmailField(
        _("contact address"), blank=True, help_text=_("A team mailbox, not a person's address.")
    )
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demonstration data, not a real project.")
    )
    proposal = models.OneToOneField(
        "projects.Proposal", models.SET_NULL, null=True, blank=True, editable=False,
        related_name="project",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("modality")]),
        FieldPanel("title"),
        MultiFieldPanel(
            [FieldPanel("lead_agency"), FieldPanel("partner_agencies")], heading=_("Agencies")
        ),
        InlinePanel("participations", label=_("Organisations and their roles")),
        FieldPanel("countries"),
        FieldRowPanel([FieldPanel("themes"), FieldPanel("population_groups")]),
        FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
        FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
        InlinePanel("budget_lines", label=_("Budget lines")),
        InlinePanel("results", label=_("Outcomes and outputs")),
        FieldPanel("contact_email"),
        FieldPanel("illustrative"),
    ]

    class Meta:
        ordering = ["-planned_start", "code"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("planned_start")),
                name="projects_project_planned_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(actual_end__isnull=True)
                | models.Q(actual_start__isnull=True)
                | models.Q(actual_end__gte=models.F("actual_start")),
                name="projects_project_actual_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        check_period(self.planned_start, self.planned_end,
                     {"planned_end": _("The planned end is before the planned start.")})
        check_period(self.actual_start, self.actual_end,
                     {"actual_end": _("The actual end is before the actual start.")})

    @property
    def agency_ids(self) -> set[int]:
        """The lead and partner agencies: the project's implementing agencies."""
        return {self.lead_agency_id, *(a.pk for a in self.partner_agencies.all())}


class Participation(Orderable):
    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="participations")
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, related_name="participations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=1, choices=OrganisationRole.choices)

    panels = [FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("participating organisation")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation", "role"], name="projects_participation_once"
            )
        ]


class BudgetLine(Orderable):
    """An amount by source, year and currency, in integer minor units (cents for USD)."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    source = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="budget_lines",
        verbose_name=_("source (organisation)"),
    )
    source_agency = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, related_name="budget_lines",
        verbose_name=_("source (national agency)"),
        help_text=_("For counterpart funds; choose an organisation or an agency, not both."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, validators=[validate_currency]
    )
    amount_minor = models.BigIntegerField(
        _("amount in minor units"), validators=[MinValueValidator(0)],
        help_text=_("In the currency's smallest unit: 1,500.00 USD is 150000."),
    )

    panels = [
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_agency")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("currency"), FieldPanel("amount_minor")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("budget line")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_minor__gte=0), name="projects_budget_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(source__isnull=True, source_agency__isnull=False)
                | models.Q(source__isnull=False, source_agency__isnull=True),
                name="projects_budget_one_source",
            ),
        ]

    def clean(self):
        super().clean()
        if bool(self.source_id) == bool(self.source_agency_id):
            raise ValidationError(
                _("Choose the source: an organisation or a national agency (one of them).")
            )

    @property
    def source_name(self) -> str:
        return str(self.source or self.source_agency)


class ActivityLink(models.Model):
    """Something the project produced (an exchange, a course, a cohort, a webinar, a forum
    meeting), linked without the other app knowing: content type + object id."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="activity_links")
    content_type = models.ForeignKey(ContentType, models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("project activity")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "content_type", "object_id"], name="projects_activity_once"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.content_type_id}/{self.object_id}"
