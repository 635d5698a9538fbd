"""THE rules of a status row's dates, in one place: the admin form, the CSV import and the API
all go through :func:`check_status` (via the service), so they can never disagree.

- no date in the future;
- a ratification or acceptance follows a signature (a State that did not sign accedes);
- ratification/accession/acceptance not before the signature, deposit not before either;
- a deposit is of an instrument: its kind must be given;
- entry into force for the State only once deposited, and not before the deposit;
- the source is a web address.

A given date implies its flag (a signature date means "signed"). The standing (party, pending
deposit, signatory, no action) is derived here too, never typed.
"""

from __future__ import annotations

import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cms.refusals import Refusal

from .models import Consent, Standing

DATE_FIELDS = ("signature_date", "consent_date", "deposit_date", "entry_into_force_date")


class StatusInvalid(Refusal):
    """The row breaks a rule: ``errors`` maps each field to its messages. Nothing was saved."""

    default_code = "invalid_status"
    status = 400

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(" ".join(m for messages in errors.values() for m in messages))

    def as_dict(self) -> dict:
        return {**super().as_dict(), "errors": self.errors}


def _d(value: datetime.date) -> str:
    return formats.date_format(value, "DATE_FORMAT")


def check_status(values: dict, *, today: datetime.date | None = None) -> dict:
    """Return ``values`` completed (flags from dates, ``standing``) or raise StatusInvalid."""
    today = today or timezone.localdate()
    v = dict(values)
    errors: dict[str, list[str]] = {}

    def error(field, message):
        errors.setdefault(field, []).append(message)

    labels = {
        "signature_date": _("The signature date"),
        "consent_date": _("The date of ratification, accession or acceptance"),
        "deposit_date": _("The deposit date"),
        "entry_into_force_date": _("The entry into force"),
    }
    for field in DATE_FIELDS:
        value = v.get(field)
        if value and value > today:
            error(field, _("%(what)s (%(date)s) is in the future.")
                  % {"what": labels[field], "date": _d(value)})

    signature, consent_date = v.get("signature_date"), v.get("consent_date")
    deposit, in_force = v.get("deposit_date"), v.get("entry_into_force_date")
    v["signed"] = bool(v.get("signed") or signature)
    v["deposited"] = bool(v.get("deposited") or deposit)
    consent = v.get("consent") or ""
    v["consent"] = consent

    if consent and consent not in Consent.values:
        error("consent", _("Unknown kind of consent “%(value)s”.") % {"value": consent})
    if consent_date and not consent:
        error("consent", _("Say whether this date is of a ratification, an accession or an "
                           "acceptance."))
    if consent in (Consent.RATIFICATION, Consent.ACCEPTANCE) and not v["signed"]:
        error("signed", _("A ratification or acceptance follows a signature: tick “signed” "
                          "(or give its date), or record an accession."))
    if consent_date and signature and consent_date < signature:
        error("consent_date", _("The ratification, accession or acceptance (%(consent)s) cannot "
                                "come before the signature (%(signature)s).")
              % {"consent": _d(consent_date), "signature": _d(signature)})
    if v["deposited"] and not consent:
        error("consent", _("A deposit is of an instrument of ratification, accession or "
                           "acceptance: say which."))
    if deposit and consent_date and deposit < consent_date:
        error("deposit_date", _("The deposit (%(deposit)s) cannot come before the ratification, "
                                "accession or acceptance (%(consent)s).")
              % {"deposit": _d(deposit), "consent": _d(consent_date)})
    if deposit and signature and deposit < signature:
        error("deposit_date", _("The deposit (%(deposit)s) cannot come before the signature "
                                "(%(signature)s).")
              % {"deposit": _d(deposit), "signature": _d(signature)})
    if in_force and not v["deposited"]:
        error("entry_into_force_date", _("A State's entry into force follows its deposit: record "
                                         "the deposit first."))
    if in_force and deposit and in_force < deposit:
        error("entry_into_force_date", _("The entry into force (%(in_force)s) cannot come before "
                                         "the deposit (%(deposit)s).")
              % {"in_force": _d(in_force), "deposit": _d(deposit)})
    source = v.get("source_url") or ""
    if source and not source.lower().startswith(("https://", "http://")):
        error("source_url", _("The source must be a web address (http:// or https://)."))
    if errors:
        raise StatusInvalid(errors)

    if v["deposited"]:
        v["standing"] = Standing.PARTY
    elif consent:
        v["standing"] = Standing.PENDING_DEPOSIT
    elif v["signed"]:
        v["standing"] = Standing.SIGNATORY
    else:
        v["standing"] = Standing.NONE
    return v
