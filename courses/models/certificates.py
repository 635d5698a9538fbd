"""Verifiable certificates of completion (courses) and attendance (webinars)."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .catalogue import CoursePage


def new_certificate_code() -> str:
    # 16 characters from an alphabet without look-alikes: about 80 bits, unguessable.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class Certificate(models.Model):
    """A verifiable certificate of completion (a course) or attendance (a webinar)."""

    class Kind(models.TextChoices):
        COMPLETION = "completion", _("Certificate of completion")
        ATTENDANCE = "attendance", _("Certificate of attendance")

    code = models.CharField(_("code"), max_length=19, unique=True, default=new_certificate_code)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("holder"), on_delete=models.PROTECT,
        related_name="certificates",
    )
    course = models.ForeignKey(
        CoursePage, verbose_name=_("course"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="certificates",
    )
    webinar = models.ForeignKey(
        "courses.WebinarPage", verbose_name=_("webinar"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="certificates",
    )
    # Snapshots: what was certified stays true if a name or a title is edited later.
    holder_name = models.CharField(_("holder's name"), max_length=300)
    title = models.CharField(_("title"), max_length=300)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("revoked by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    revocation_reason = models.TextField(_("reason for revocation"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], condition=models.Q(course__isnull=False),
                name="certificate_once_per_course",
            ),
            models.UniqueConstraint(
                fields=["user", "webinar"], condition=models.Q(webinar__isnull=False),
                name="certificate_once_per_webinar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.holder_name}"

    @property
    def hours_display(self) -> str:
        """The hours in the reader's number format, without a useless ".0" ("16", "1,5")."""
        hours = Decimal(str(self.hours))
        whole = hours == hours.to_integral_value()
        return formats.number_format(hours, decimal_pos=0 if whole else 1)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
