"""A country's delegation to a meeting: head, members and alternates, registered by the
country's focal point and confirmed (or returned) by the secretariat."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Delegation(models.Model):
    """One country's delegation to one meeting; its state changes only in forums/workflow.py."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        CONFIRMED = "confirmed", _("Confirmed")

    meeting = models.ForeignKey("forums.MeetingPage", verbose_name=_("meeting"),
                                on_delete=models.CASCADE, related_name="delegations")
    country = models.ForeignKey("directory.Country", verbose_name=_("country"),
                                on_delete=models.PROTECT, related_name="+")
    state = models.CharField(_("state"), max_length=12, choices=State.choices,
                             default=State.DRAFT, editable=False)
    version = models.PositiveIntegerField(default=0, editable=False)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+")
    illustrative = models.BooleanField(_("illustrative (demo data)"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["country__name_en"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "country"],
                                    name="forums_one_delegation_a_country")
        ]

    def __str__(self) -> str:
        return f"{self.country} — {self.meeting}"


class Delegate(models.Model):
    class Role(models.TextChoices):
        HEAD = "head", _("Head of delegation")
        MEMBER = "member", _("Member")
        ALTERNATE = "alternate", _("Alternate")

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="delegates")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title or position"), max_length=200, blank=True)
    agency = models.CharField(_("agency"), max_length=255, blank=True)
    email = models.EmailField(_("email"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delegate")
        ordering = ["delegation_id", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["delegation", "email"],
                                    name="forums_delegate_once"),
            models.UniqueConstraint(fields=["delegation"], condition=models.Q(role="head"),
                                    name="forums_one_head"),
        ]

    def __str__(self) -> str:
        return self.name


class DelegationTransition(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE,
                                   related_name="transitions")
    action = models.CharField(max_length=20)
    from_state = models.CharField(max_length=12, choices=Delegation.State.choices)
    to_state = models.CharField(max_length=12, choices=Delegation.State.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.delegation_id}: {self.from_state} → {self.to_state}"
