"""The results framework: outcomes and outputs, their indicators, and the actual values each
progress report (one reporting period) gives."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from cms.directory.models import Agency, TranslatedNameMixin

from ..enums import Measure, ReportState, ResultKind, Sex
from .records import Project

VALUE = {"max_digits": 14, "decimal_places": 2}


class Result(TranslatedNameMixin, Orderable):
    """An outcome or an output; its name in each language is its IATI result title."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="results")
    kind = models.CharField(_("kind"), max_length=1, choices=ResultKind.choices)

    panels = [FieldPanel("kind"), *TranslatedNameMixin.name_panels]

    class Meta(Orderable.Meta):
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self) -> str:
        return f"{self.project} · {self.name}"


class Indicator(TranslatedNameMixin, models.Model):
    result = models.ForeignKey(
        Result, models.CASCADE, related_name="indicators", verbose_name=_("result")
    )
    measure = models.CharField(
        _("measure"), max_length=1, choices=Measure.choices, default=Measure.UNIT
    )
    unit = models.CharField(
        _("unit"), max_length=60, blank=True,
        help_text=_("Shown after the numbers, e.g. % (leave empty when the name says it)."),
    )
    ascending = models.BooleanField(_("higher is better"), default=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    baseline_value = models.DecimalField(_("baseline"), **VALUE, default=0)
    target_value = models.DecimalField(_("target"), **VALUE)
    by_sex = models.BooleanField(_("disaggregated by sex"), default=False)
    by_population_group = models.BooleanField(
        _("disaggregated by population group"), default=False
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = [
        FieldPanel("result"),
        *TranslatedNameMixin.name_panels,
        FieldRowPanel([FieldPanel("measure"), FieldPanel("unit"), FieldPanel("ascending")]),
        FieldRowPanel(
            [FieldPanel("baseline_year"), FieldPanel("baseline_value"), FieldPanel("target_value")]
        ),
        MultiFieldPanel(
            [FieldPanel("by_sex"), FieldPanel("by_population_group")], heading=_("Disaggregation")
        ),
    ]

    class Meta:
        ordering = ["result__sort_order", "sort_order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(target_value__gte=0) & models.Q(baseline_value__gte=0),
                name="projects_indicator_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ProgressReport(models.Model):
    """One reporting period of a project, written by one of its agencies and accepted by the
    secretariat (projects/workflow.py owns ``state``)."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="reports")
    agency = models.ForeignKey(Agency, models.PROTECT, related_name="project_reports")
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    narrative = models.TextField(_("progress in the period"), max_length=10000)
    state = models.CharField(
        max_length=20, choices=ReportState.choices, default=ReportState.DRAFT, editable=False
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_by = models.ForeignKey(
        "accounts.User", models.SET_NULL, null=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["project", "period_start"]
        verbose_name = _("progress report")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="projects_report_period_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.period_start:%Y-%m-%d}–{self.period_end:%Y-%m-%d}"


class IndicatorActual(models.Model):
    """The value an indicator reached in a report's period; total, or one slice by sex and/or
    population group. A value always belongs to a period (its report)."""

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="actuals")
    report = models.ForeignKey(ProgressReport, models.CASCADE, related_name="actuals")
    value = models.DecimalField(_("value"), **VALUE, validators=[MinValueValidator(0)])
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True, default="")
    population_group = models.ForeignKey(
        "directory.PopulationGroup", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("population group"),
    )

    class Meta:
        ordering = ["indicator", "report__period_start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(value__gte=0), name="projects_actual_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.report_id}: {self.value}"

    @property
    def is_total(self) -> bool:
        return not self.sex and self.population_group_id is None
