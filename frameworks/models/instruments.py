"""An instrument (convention, charter, declaration) and its articles: the facts every language
shares. The texts a reader sees in one language (summary, depositary, mechanism, documents) live
on the instrument's :class:`~frameworks.models.pages.FrameworkPage` in each language tree."""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from cms.directory.models import TranslatedNameMixin

LANGUAGES = ("en", "es", "fr", "pt")


def translated(obj, field: str) -> tuple[str, str]:
    """(text, language) of ``obj.<field>_<active language>``, falling back to English.

    The language is returned so templates can mark a fallback with ``lang`` (WCAG 3.1.2)."""
    language = (translation.get_language() or "en")[:2]
    if language in LANGUAGES:
        value = getattr(obj, f"{field}_{language}", "") or ""
        if value:
            return value, language
    return getattr(obj, f"{field}_en", "") or "", "en"


class Framework(TranslatedNameMixin, ClusterableModel):
    """One instrument. ``binding`` instruments have a status table; charters do not."""

    code = models.CharField(
        _("code"), max_length=20, unique=True, help_text=_("The depositary's code, e.g. A-70.")
    )
    slug = models.SlugField(_("slug"), max_length=20, unique=True, editable=False)
    binding = models.BooleanField(
        _("binding treaty"),
        default=True,
        help_text=_(
            "Open to signature and ratification, with a status per State. Untick for a "
            "charter or declaration."
        ),
    )
    adoption_date = models.DateField(_("adoption date"), null=True, blank=True)
    entry_into_force_date = models.DateField(
        _("entry into force"),
        null=True,
        blank=True,
        help_text=_("Leave empty to compute it from the rule below and the deposits."),
    )
    entry_into_force_deposits = models.PositiveSmallIntegerField(
        _("deposits needed for entry into force"),
        null=True,
        blank=True,
        help_text=_("N in “the 30th day after the deposit of the Nth instrument”."),
    )
    entry_into_force_days = models.PositiveSmallIntegerField(
        _("days after deposit"),
        default=30,
        help_text=_("The Convention enters into force for each State this many days after its "
                    "deposit (30 in the inter-American conventions)."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("position")]),
        *TranslatedNameMixin.name_panels,
        FieldPanel("binding"),
        FieldRowPanel([FieldPanel("adoption_date"), FieldPanel("entry_into_force_date")]),
        FieldRowPanel([FieldPanel("entry_into_force_deposits"),
                       FieldPanel("entry_into_force_days")]),
        InlinePanel("articles", heading=_("Articles"), label=_("Article")),
    ]

    class Meta:
        verbose_name = _("legal framework")
        verbose_name_plural = _("legal frameworks")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def save(self, *args, **kwargs):
        self.slug = slugify(self.code)
        super().save(*args, **kwargs)

    def general_entry_into_force(self, deposit_dates: list[datetime.date]) -> datetime.date | None:
        """The date the instrument entered into force: given, or the rule applied to the
        sorted ``deposit_dates`` (None while too few instruments are deposited)."""
        if self.entry_into_force_date:
            return self.entry_into_force_date
        needed = self.entry_into_force_deposits
        if not self.binding or not needed or len(deposit_dates) < needed:
            return None
        return sorted(deposit_dates)[needed - 1] + datetime.timedelta(
            days=self.entry_into_force_days
        )

    def entry_into_force_for(
        self, deposit_date: datetime.date | None, general: datetime.date | None
    ) -> datetime.date | None:
        """The rule for one State: the later of the general entry into force and its own
        deposit plus the days (an early depositor waits for the general date)."""
        if deposit_date is None or general is None:
            return None
        return max(general, deposit_date + datetime.timedelta(days=self.entry_into_force_days))


class Article(models.Model):
    """An article of an instrument; content is tagged with the articles it serves."""

    framework = ParentalKey(
        Framework, on_delete=models.CASCADE, related_name="articles",
        verbose_name=_("legal framework"),
    )
    number = models.CharField(_("number"), max_length=12, help_text=_("e.g. 12 or IV."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading_en = models.CharField(_("heading (English)"), max_length=255)
    heading_es = models.CharField(_("heading (Spanish)"), max_length=255, blank=True)
    heading_fr = models.CharField(_("heading (French)"), max_length=255, blank=True)
    heading_pt = models.CharField(_("heading (Portuguese)"), max_length=255, blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    text_es = models.TextField(_("text (Spanish)"), blank=True)
    text_fr = models.TextField(_("text (French)"), blank=True)
    text_pt = models.TextField(_("text (Portuguese)"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("position")]),
        MultiFieldPanel([FieldPanel(f"heading_{code}") for code in LANGUAGES],
                        heading=_("Heading")),
        MultiFieldPanel([FieldPanel(f"text_{code}") for code in LANGUAGES], heading=_("Text")),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["framework", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="frameworks_article_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.framework.code} art. {self.number} — {self.heading}"

    @property
    def heading(self) -> str:
        return translated(self, "heading")[0]
