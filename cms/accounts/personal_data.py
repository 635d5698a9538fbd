"""Everything Puente holds about a person: downloaded by them (JSON), erased with their account
(issue 16, point 9).

A registry the domains fill in their ``AppConfig.ready()`` (never import another domain's
internals), as ``rooms/parents.py`` does for room parents::

    personal_data.register("rooms", exporter=rooms_export, eraser=rooms_erase)

``exporter(user) -> dict | list`` returns JSON-safe data (``DjangoJSONEncoder`` handles dates and
decimals); ``eraser(user) -> None`` removes or anonymises what the domain holds about the person,
keeping what others rely on: room messages stay without a name, certificates stay verifiable
without the holder's name, exchange records keep their agencies.

Erasing an account (:func:`account_erase`) runs every eraser, then turns the account row into a
tombstone (no name, no address, no password, inactive): rows that must survive keep a foreign
key to a person nobody can identify.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

FORMAT = "puente-personal-data/1"


@dataclass(frozen=True)
class Section:
    exporter: Callable
    eraser: Callable


_registry: dict[str, Section] = {}


def register(name: str, *, exporter: Callable, eraser: Callable) -> None:
    """Add (or replace) a domain's section."""
    _registry[name] = Section(exporter=exporter, eraser=eraser)


def registered() -> list[str]:
    return sorted(_registry)


def rows_of(user, model, field: str, *values: str) -> list[dict]:
    """A section's export: the rows of ``model`` whose ``field`` is the person, as ``values``."""
    return list(model.objects.filter(**{field: user}).values("pk", *values))


def forget_author(user, authored) -> None:
    """A section's erasure of records that stay (they belong to an agency, a country, a
    meeting): each ``(model, person field)`` of ``authored`` no longer points to the person."""
    for model, field in authored:
        model.objects.filter(**{field: user}).update(**{field: None})


def personal_data_export(*, user) -> dict:
    """Everything Puente holds about ``user``, one section per domain."""
    return {
        "format": FORMAT,
        "exported_at": timezone.now(),
        "sections": {name: _registry[name].exporter(user) for name in registered()},
    }


def account_erase(*, user) -> None:
    """Erase the person: every domain's eraser, then the account row made a tombstone. One
    transaction: nothing is half erased."""
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        for name in registered():
            _registry[name].eraser(user)
        audit_log_forget(user)
        user.first_name = user.last_name = user.position = ""
        user.email = f"erased-{user.pk}@invalid.example"
        user.agency = None
        user.country = None
        user.is_active = user.is_staff = user.is_superuser = False
        user.set_unusable_password()
        user.save()
        user.groups.clear()
        user.user_permissions.clear()


def audit_log_forget(user) -> None:
    """The admin's audit log (Wagtail's log entries) keeps each entry about the person, with its
    action, time and author, but its label and data, snapshots written when the action was
    logged ("Rosalind Díaz — Course — Cohort"), no longer hold the person's name or address:
    they say ``#<account id>`` instead."""
    from wagtail.models import ModelLogEntry

    names = sorted(
        {text for text in (user.get_full_name().strip(), user.email) if len(text) > 2},
        key=len, reverse=True,
    )
    if not names:
        return
    pattern = re.compile("|".join(re.escape(name) for name in names), re.IGNORECASE)
    mentions = Q()
    for name in names:
        mentions |= Q(label__icontains=name) | Q(data__icontains=name)
    replacement = f"#{user.pk}"
    for entry in ModelLogEntry.objects.filter(mentions).only("pk", "label", "data").iterator():
        entry.label = pattern.sub(replacement, entry.label)
        entry.data = json.loads(pattern.sub(replacement, json.dumps(entry.data)))
        entry.save(update_fields=["label", "data"])


# The accounts' own section (registered in AccountsConfig.ready).


def account_export(user) -> dict:
    from allauth.account.models import EmailAddress

    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "position": user.position,
        "country": user.country.name if user.country_id else None,
        "agency": user.agency.name if user.agency_id else None,
        "preferred_language": user.preferred_language,
        "time_zone": user.time_zone,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": list(
            EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
        ),
        "agency_claims": [
            {
                "agency": claim.agency.name,
                "status": claim.status,
                "statement": claim.statement,
                "created_at": claim.created_at,
            }
            for claim in user.agency_claims.select_related("agency")
        ],
    }


def account_data_erase(user) -> None:
    """Addresses, second factors and claims go with the person."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.agency_claims.all().delete()
