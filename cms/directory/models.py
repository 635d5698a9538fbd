"""The shared directory: countries, agencies, themes, population groups and networks.

Names that users read in their own language are stored once per site language
(``name_en``, ``name_es``…) so that filters and facets work on one row per thing.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def current_language() -> str:
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


class TranslatedNameMixin(models.Model):
    """A name in each site language; ``name`` reads the active one, falling back to English."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_pt = models.CharField(_("name (Portuguese)"), max_length=200, blank=True)

    name_panels = [
        MultiFieldPanel(
            [
                FieldPanel("name_en"),
                FieldPanel("name_es"),
                FieldPanel("name_fr"),
                FieldPanel("name_pt"),
            ],
            heading=_("Name"),
        )
    ]

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return getattr(self, f"name_{current_language()}") or self.name_en


class Country(TranslatedNameMixin, models.Model):
    """A member state of the Organization of American States."""

    code = models.CharField(
        _("ISO 3166 code"),
        max_length=2,
        unique=True,
        help_text=_("Two capital letters, e.g. BR."),
    )
    official_languages = models.JSONField(
        _("official languages"), default=list, blank=True, help_text=_("ISO 639-1 codes.")
    )
    time_zones = models.JSONField(
        _("time zones"), default=list, blank=True, help_text=_("IANA names, e.g. America/Lima.")
    )
    participating = models.BooleanField(
        _("participating"),
        default=True,
        help_text=_("Unticked for states that do not currently take part in the OAS."),
    )

    panels = [
        FieldPanel("code"),
        *TranslatedNameMixin.name_panels,
        FieldRowPanel([FieldPanel("official_languages"), FieldPanel("time_zones")]),
        FieldPanel("participating"),
    ]
    search_fields = [
        index.SearchField("name_en"),
        index.SearchField("name_es"),
        index.SearchField("name_fr"),
        index.SearchField("name_pt"),
        index.FilterField("participating"),
    ]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name_en"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{2}$"), name="country_code_iso_alpha2"
            )
        ]

    @property
    def site_language(self) -> str:
        """The first of its official languages that the site speaks (Haiti: French), else the
        site's default language (Suriname's Dutch is not one of the four)."""
        spoken = dict(settings.LANGUAGES)
        return next(
            (code for code in self.official_languages or () if code in spoken),
            settings.LANGUAGE_CODE,
        )


class Agency(models.Model):
    """A national institution: a ministry, institute or service of one country."""

    class Sector(models.TextChoices):
        LABOUR = "labour", _("Labour and employment")
        SOCIAL_DEVELOPMENT = "social_development", _("Social development")
        MIGRATION = "migration", _("Migration")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="agencies"
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    website = models.URLField(_("website"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent ministry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("country")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("parent")]),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.FilterField("country"),
        index.FilterField("sector"),
    ]

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["country__name_en", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="agency_unique_name"),
            models.UniqueConstraint(
                fields=["country", "acronym"],
                condition=~models.Q(acronym=""),
                name="agency_unique_acronym",
            ),
        ]

    def __str__(self) -> str:
        label = f"{self.name} ({self.acronym})" if self.acronym else self.name
        return f"{label} — {self.country.code}"


class Theme(TranslatedNameMixin, models.Model):
    """A policy theme (social protection, labour inspection…)."""

    slug = models.SlugField(_("slug"), unique=True)
    panels = [FieldPanel("slug"), *TranslatedNameMixin.name_panels]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name_en"]


class PopulationGroup(TranslatedNameMixin, models.Model):
    """A population group a policy serves (older persons, migrants…)."""

    slug = models.SlugField(_("slug"), unique=True)
    panels = [FieldPanel("slug"), *TranslatedNameMixin.name_panels]

    class Meta:
        verbose_name = _("population group")
        verbose_name_plural = _("population groups")
        ordering = ["name_en"]


class Network(TranslatedNameMixin, models.Model):
    """A cooperation network of agencies, run by the secretariat."""

    slug = models.SlugField(_("slug"), unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    description = models.TextField(_("description"), blank=True)
    members = models.ManyToManyField(
        Agency, verbose_name=_("member agencies"), related_name="networks", blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("slug"), FieldPanel("acronym")]),
        *TranslatedNameMixin.name_panels,
        FieldPanel("description"),
        # Members change only through networks.services (membership requests and decisions).
    ]

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["name_en"]
