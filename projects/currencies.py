"""ISO 4217 currencies in use, with their minor units (the exponent that turns a stored integer
amount in minor units into the currency's decimal amount). Amounts are never floats."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_TABLE = """
AED2 AFN2 ALL2 AMD2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0 BMD2 BND2 BOB2
BRL2 BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHF2 CLP0 CNY2 COP2 CRC2 CUP2 CVE2 CZK2 DJF0 DKK2
DOP2 DZD2 EGP2 ERN2 ETB2 EUR2 FJD2 FKP2 GBP2 GEL2 GHS2 GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2
HTG2 HUF2 IDR2 ILS2 INR2 IQD3 IRR2 ISK0 JMD2 JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3
KYD2 KZT2 LAK2 LBP2 LKR2 LRD2 LSL2 LYD3 MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2
MWK2 MXN2 MYR2 MZN2 NAD2 NGN2 NIO2 NOK2 NPR2 NZD2 OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0
QAR2 RON2 RSD2 RUB2 RWF0 SAR2 SBD2 SCR2 SDG2 SEK2 SGD2 SHP2 SLE2 SOS2 SRD2 SSP2 STN2 SVC2
SYP2 SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 TTD2 TWD2 TZS2 UAH2 UGX0 USD2 UYU2 UYW4 UZS2 VED2
VES2 VND0 VUV0 WST2 XAF0 XCD2 XCG2 XOF0 XPF0 YER2 ZAR2 ZMW2 ZWG2
"""

#: code → number of minor-unit digits.
MINOR_UNITS: dict[str, int] = {item[:3]: int(item[3:]) for item in _TABLE.split()}
CHOICES = [(code, code) for code in sorted(MINOR_UNITS)]


def validate_currency(value: str) -> None:
    if value not in MINOR_UNITS:
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code (three capital letters, e.g. USD)."),
            code="unknown_currency",
            params={"value": value},
        )


def to_decimal(amount_minor: int, currency: str) -> Decimal:
    """The amount in the currency's major unit, exactly (e.g. 1234567 USD → 12345.67)."""
    return Decimal(amount_minor).scaleb(-MINOR_UNITS[currency])


def to_minor(amount: Decimal | str, currency: str) -> int:
    """A decimal amount typed by a person → integer minor units; more decimals than the
    currency has, or a negative amount, is an error."""
    value = Decimal(str(amount))
    digits = MINOR_UNITS[currency]
    scaled = value.scaleb(digits)
    if scaled != scaled.to_integral_value():
        raise ValidationError(
            _("%(currency)s amounts have at most %(digits)s decimals."),
            code="too_many_decimals",
            params={"currency": currency, "digits": digits},
        )
    if value < 0:
        raise ValidationError(_("Amounts cannot be negative."), code="negative_amount")
    return int(scaled)


def format_amount(amount_minor: int, currency: str) -> str:
    """``12,345.67 USD`` — grouped digits, the currency's own number of decimals."""
    digits = MINOR_UNITS[currency]
    return f"{to_decimal(amount_minor, currency):,.{digits}f} {currency}"
