from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from cms.directory.models import TranslatedNameMixin

from ..enums import OrganisationType

iso_country = RegexValidator(r"^[A-Z]{2}$", _("Two capital letters (ISO 3166-1), e.g. ES."))
#: IATI organisation identifiers: a registration-agency prefix, a hyphen, the number there.
iati_org_id = RegexValidator(
    r"^[A-Za-z0-9]+(-[A-Za-z0-9._]+)+$",
    _("An IATI organisation identifier, e.g. XM-DAC-41114 or ES-DIR3-E04585801."),
)


class Organisation(TranslatedNameMixin, index.Indexed, models.Model):
    """A donor or partner that is not a national agency of the directory: an international
    organisation, a development bank, a foundation, a government's cooperation agency."""

    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    org_type = models.CharField(
        _("type"), max_length=2, choices=OrganisationType.choices,
        help_text=_("The IATI organisation type."),
    )
    country_code = models.CharField(
        _("country"), max_length=2, blank=True, validators=[iso_country],
        help_text=_("Where it is based: ISO 3166-1 code, e.g. ES; empty for international "
                    "organisations."),
    )
    iati_identifier = models.CharField(
        _("IATI organisation identifier"), max_length=100, blank=True, validators=[iati_org_id],
        help_text=_("Only where one exists in the IATI organisation registry."),
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        *TranslatedNameMixin.name_panels,
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("org_type")]),
        FieldRowPanel([FieldPanel("country_code"), FieldPanel("iati_identifier")]),
        FieldPanel("website"),
    ]
    search_fields = [
        index.SearchField("name_en"), index.SearchField("acronym"),
        index.AutocompleteField("name_en"), index.FilterField("org_type"),
    ]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["iati_identifier"], condition=~models.Q(iati_identifier=""),
                name="projects_organisation_iati_identifier_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
