"""A network's governance, its agencies' membership with history, the consent of focal points to
be named, and the announcements it sends to its members.

The directory's :class:`~cms.directory.models.Network` says which networks exist and
``Network.members`` which agencies belong now; :mod:`networks.services` keeps that field in step
with the :class:`Membership` rows (it is its only writer).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from cms.directory.models import Agency, Network, current_language


class NetworkProfile(models.Model):
    """What a network is for and who runs it, in each site language."""

    network = models.OneToOneField(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="profile"
    )
    purpose_en = models.TextField(_("purpose (English)"), max_length=3000)
    purpose_es = models.TextField(_("purpose (Spanish)"), max_length=3000, blank=True)
    purpose_fr = models.TextField(_("purpose (French)"), max_length=3000, blank=True)
    purpose_pt = models.TextField(_("purpose (Portuguese)"), max_length=3000, blank=True)
    chair = models.ForeignKey(
        Agency, verbose_name=_("chair"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    technical_secretariat_en = models.CharField(
        _("technical secretariat (English)"), max_length=300
    )
    technical_secretariat_es = models.CharField(
        _("technical secretariat (Spanish)"), max_length=300, blank=True
    )
    technical_secretariat_fr = models.CharField(
        _("technical secretariat (French)"), max_length=300, blank=True
    )
    technical_secretariat_pt = models.CharField(
        _("technical secretariat (Portuguese)"), max_length=300, blank=True
    )
    term_start = models.DateField(_("chair's term starts"), null=True, blank=True)
    term_end = models.DateField(_("chair's term ends"), null=True, blank=True)
    founded = models.PositiveSmallIntegerField(_("founded (year)"), null=True, blank=True)

    panels = [
        FieldPanel("network"),
        MultiFieldPanel(
            [FieldPanel(f"purpose_{code}") for code in ("en", "es", "fr", "pt")],
            heading=_("Purpose"),
        ),
        FieldRowPanel([FieldPanel("chair"), FieldPanel("founded")]),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
        MultiFieldPanel(
            [FieldPanel(f"technical_secretariat_{code}") for code in ("en", "es", "fr", "pt")],
            heading=_("Technical secretariat"),
        ),
    ]

    class Meta:
        verbose_name = _("network governance")
        verbose_name_plural = _("network governance")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_start__isnull=True)
                | models.Q(term_end__isnull=True)
                | models.Q(term_end__gt=models.F("term_start")),
                name="network_profile_term_in_order",
            )
        ]

    def __str__(self) -> str:
        return str(self.network)

    def _translated(self, field: str) -> str:
        return getattr(self, f"{field}_{current_language()}") or getattr(self, f"{field}_en")

    @property
    def purpose(self) -> str:
        return self._translated("purpose")

    @property
    def technical_secretariat(self) -> str:
        return self._translated("technical_secretariat")


class MembershipState(models.TextChoices):
    REQUESTED = "requested", _("Asked to join")
    MEMBER = "member", _("Member")
    DECLINED = "declined", _("Declined")
    LEFT = "left", _("Left")


OPEN_STATES = (MembershipState.REQUESTED, MembershipState.MEMBER)


class Membership(models.Model):
    """One agency's time in one network: from its request to its decision, and to its leaving.

    An agency that left and joins again gets a new row, so the history keeps every period."""

    network = models.ForeignKey(
        Network, verbose_name=_("network"), on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE,
        related_name="network_memberships",
    )
    state = models.CharField(
        _("state"), max_length=12, choices=MembershipState.choices, editable=False
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    statement = models.TextField(_("why the agency wants to join"), max_length=2000, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, editable=False)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    reason = models.TextField(_("reason"), max_length=2000, blank=True, editable=False)

    class Meta:
        verbose_name = _("network membership")
        verbose_name_plural = _("network memberships")
        ordering = ["network", "agency__country__name_en", "agency__name", "-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "agency"],
                condition=models.Q(state__in=["requested", "member"]),
                name="membership_one_open_per_agency",
            ),
            models.CheckConstraint(
                condition=models.Q(joined_on__isnull=True)
                | models.Q(left_on__isnull=True)
                | models.Q(left_on__gte=models.F("joined_on")),
                name="membership_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.network} ({self.get_state_display()})"


class MembershipTransition(models.Model):
    """The audit trail of a membership: who asked, approved, declined or left, when and why."""

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField(_("action"), max_length=20)
    from_state = models.CharField(_("from"), max_length=12, blank=True)
    to_state = models.CharField(_("to"), max_length=12, choices=MembershipState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.membership_id}: {self.from_state} → {self.to_state}"


class ContactConsent(models.Model):
    """A person's own choice to be named (with their position) as a focal point on the pages of
    the networks their agency belongs to. Without it, only the agency is shown."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_contact_consent"
    )
    show_name = models.BooleanField(_("show my name and position"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("focal point's consent")
        verbose_name_plural = _("focal points' consent")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.show_name}"


class Announcement(models.Model):
    """A message of the secretariat to a network's members, sent by email and kept on the
    network's working page."""

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="announcements"
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), max_length=5000)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title
