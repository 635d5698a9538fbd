"""Experiences: good practices agencies share, and the library of each language."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from cms import permissions
from cms.directory.models import Agency, Country, PopulationGroup, Theme

# An experience nobody has re-verified for this long is flagged "may be out of date".
OUTDATED_AFTER_MONTHS = 24
RICH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def outdated_before(today: datetime.date | None = None) -> datetime.date:
    """The verification date before which an experience counts as possibly out of date."""
    today = today or timezone.localdate()
    months = today.year * 12 + today.month - 1 - OUTDATED_AFTER_MONTHS
    year, month = divmod(months, 12)
    day = min(today.day, 28) if month + 1 == 2 else min(today.day, 30)
    return datetime.date(year, month + 1, day)


class ExperienceIndexPage(Page):
    """The library of experiences of one language: a faceted search page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["experiences.ExperiencePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("experience library")

    def serve(self, request, *args, **kwargs):
        from .views import experience_search

        return experience_search(request, self)


class ExperiencePageForm(WagtailAdminPageForm):
    """Focal points may only choose, and only keep, an agency they act for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is not None and not permissions.is_editor(user) and "agency" in self.fields:
            self.fields["agency"].queryset = Agency.objects.filter(
                pk__in=permissions.represented_agency_ids(user)
            )
            self.fields["agency"].required = True

    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        agency = cleaned.get("agency")
        if user is not None and not permissions.is_editor(user):
            if agency is None or not permissions.may_act_for(user, agency):
                self.add_error("agency", _("You may only share experiences of your own agency."))
        if agency is not None and cleaned.get("country") and agency.country_id != cleaned[
            "country"
        ].pk:
            self.add_error("agency", _("This agency belongs to another country."))
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The end year cannot be before the start year."))
        return cleaned


class ExperiencePage(Page):
    """A good practice or case study one agency shares with the others."""

    summary = models.TextField(_("summary"), max_length=1000)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="experiences"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="experiences",
        null=True,
        blank=True,
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    population_groups = ParentalManyToManyField(
        PopulationGroup, verbose_name=_("population groups"), blank=True
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("Leave empty while the experience is ongoing."),
    )
    original_language = models.CharField(
        _("language of the original"), max_length=2, choices=settings.LANGUAGES
    )
    problem = RichTextField(_("problem addressed"), features=RICH_FEATURES)
    actions = RichTextField(_("what was done"), features=RICH_FEATURES)
    results = RichTextField(_("results and evidence"), features=RICH_FEATURES, blank=True)
    lessons = RichTextField(_("lessons learned"), features=RICH_FEATURES, blank=True)
    enabling_factors = RichTextField(_("enabling factors"), features=RICH_FEATURES, blank=True)
    replicability = RichTextField(_("replicability"), features=RICH_FEATURES, blank=True)
    contacts = RichTextField(_("contacts"), features=["bold", "link"], blank=True)
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("Document")))],
        verbose_name=_("attachments"),
        blank=True,
    )
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Course, webinar or page")))],
        verbose_name=_("related courses and webinars"),
        blank=True,
    )
    related_exchange_url = models.URLField(
        _("related exchange"),
        blank=True,
        help_text=_("Link to the peer exchange this experience came from, if any."),
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When the agency last confirmed this information is current."),
    )

    base_form_class = ExperiencePageForm
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("agency")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldRowPanel([FieldPanel("original_language"), FieldPanel("last_verified")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("population_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who, where and when"),
        ),
        FieldPanel("problem"),
        FieldPanel("actions"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("enabling_factors"),
        FieldPanel("replicability"),
        FieldPanel("contacts"),
        FieldPanel("attachments"),
        FieldPanel("related_pages"),
        FieldPanel("related_exchange_url"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("problem"),
        index.SearchField("actions"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.FilterField("country"),
        index.FilterField("agency"),
    ]
    parent_page_types = ["experiences.ExperienceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")

    def clean(self):
        super().clean()
        if self.end_year and self.start_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def may_be_outdated(self) -> bool:
        return self.last_verified is None or self.last_verified < outdated_before()

    def get_context(self, request, *args, **kwargs):
        from .selectors import related_experiences

        context = super().get_context(request, *args, **kwargs)
        if self.agency_id:
            # One query for the agency and its country, which is the experience's country.
            self.agency = Agency.objects.select_related("country").get(pk=self.agency_id)
            if self.agency.country_id == self.country_id:
                self.country = self.agency.country
        context["themes"] = list(self.themes.all())
        context["groups"] = list(self.population_groups.all())
        context["related"] = related_experiences(
            self,
            themes=context["themes"],
            groups=context["groups"],
            cached=not getattr(request, "is_preview", False),
        )
        return context
