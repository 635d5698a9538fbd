"""Each member State's standing towards a binding instrument, and the history of every change.

Only :func:`frameworks.services.country_status_save` writes these rows (admin form, CSV import
and API alike); it validates the dates with :func:`frameworks.validation.check_status`, derives
:attr:`CountryStatus.standing` and writes one :class:`CountryStatusChange` per change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Country

from .instruments import Framework, translated


class Consent(models.TextChoices):
    """How a State expressed its consent to be bound (the OAS column “RA/AC/AD”)."""

    RATIFICATION = "ratification", _("Ratification")
    ACCESSION = "accession", _("Accession")
    ACCEPTANCE = "acceptance", _("Acceptance")


class Standing(models.TextChoices):
    """Derived from the row, never typed: one place decides it (the service)."""

    PARTY = "party", _("State Party")
    PENDING_DEPOSIT = "pending", _("Pending deposit")
    SIGNATORY = "signatory", _("Signatory")
    NONE = "none", _("No action")


class CountryStatus(models.Model):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="statuses",
        verbose_name=_("legal framework"), limit_choices_to={"binding": True},
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="framework_statuses",
        verbose_name=_("country"),
    )
    signed = models.BooleanField(
        _("signed"), default=False, help_text=_("Ticked by itself when a signature date is given.")
    )
    signature_date = models.DateField(_("signature date"), null=True, blank=True)
    consent = models.CharField(
        _("consent to be bound"), max_length=12, choices=Consent.choices, blank=True
    )
    consent_date = models.DateField(
        _("date of ratification, accession or acceptance"), null=True, blank=True
    )
    deposited = models.BooleanField(
        _("instrument deposited"), default=False,
        help_text=_("Ticked by itself when a deposit date is given."),
    )
    deposit_date = models.DateField(_("deposit date"), null=True, blank=True)
    entry_into_force_date = models.DateField(
        _("entry into force for this State"), null=True, blank=True,
        help_text=_("Leave empty to compute it from the framework's rule."),
    )
    reservations_en = models.TextField(_("reservations and declarations (English)"), blank=True)
    reservations_es = models.TextField(_("reservations and declarations (Spanish)"), blank=True)
    reservations_fr = models.TextField(_("reservations and declarations (French)"), blank=True)
    reservations_pt = models.TextField(
        _("reservations and declarations (Portuguese)"), blank=True
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    standing = models.CharField(
        _("standing"), max_length=10, choices=Standing.choices, default=Standing.NONE,
        editable=False,
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("country status")
        verbose_name_plural = _("country statuses")
        ordering = ["framework", "country__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "country"], name="frameworks_status_per_country"
            )
        ]
        indexes = [models.Index(fields=["framework", "standing"])]

    def __str__(self) -> str:
        return f"{self.framework.code} · {self.country.code}"

    @property
    def reservations(self) -> tuple[str, str]:
        """(text, language) in the reader's language, else English."""
        return translated(self, "reservations")


class CountryStatusChange(models.Model):
    """Who changed what on a status row, when, and through which door."""

    class Via(models.TextChoices):
        ADMIN = "admin", _("Admin form")
        CSV = "csv", _("CSV import")
        API = "api", _("API")
        SEED = "seed", _("Demo data")

    status = models.ForeignKey(
        CountryStatus, on_delete=models.CASCADE, related_name="changes"
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("changed by"),
    )
    via = models.CharField(_("via"), max_length=8, choices=Via.choices)
    #: {field: [before, after]} as strings (ISO dates), created rows have before = "".
    changes = models.JSONField(_("changes"), default=dict)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.status} · {self.changed_at:%Y-%m-%d %H:%M}"
