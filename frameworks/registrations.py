"""What this app gives the registries of other domains (called from AppConfig.ready()):
a country-profile section and the open-data dataset of status rows."""

from __future__ import annotations

from django.db.models import Max
from django.utils.translation import gettext_lazy as _


def country_section(country, request) -> dict | None:
    """Each binding instrument with the country's standing, in one query (the full legal
    profile, one link away, says the rest)."""
    from django.db.models import OuterRef, Subquery

    from .models import CountryStatus, Framework, Standing

    standing = CountryStatus.objects.filter(framework=OuterRef("pk"), country=country)
    frameworks = (
        Framework.objects.filter(binding=True)
        .annotate(standing=Subquery(standing.values("standing")[:1]))
        .order_by("code")
    )
    rows = [
        {
            "framework": f,
            "standing": f.standing or Standing.NONE,
            "standing_label": str(Standing(f.standing or Standing.NONE).label),
        }
        for f in frameworks
    ]
    return {"country": country, "rows": rows} if rows else None


def party_headline(countries) -> dict[int, int]:
    from django.db.models import Count

    from .models import CountryStatus, Standing

    return dict(
        CountryStatus.objects.filter(standing=Standing.PARTY, country__in=countries)
        .values("country_id").annotate(n=Count("pk")).values_list("country_id", "n")
    )


def status_rows():
    from .models import CountryStatus

    return (
        CountryStatus.objects.order_by("framework__code", "country__code")
        .values_list(
            "framework__code", "country__code", "standing", "signed", "signature_date",
            "consent", "consent_date", "deposited", "deposit_date", "entry_into_force_date",
            "source_url",
        )
        .iterator()
    )


def status_last_updated():
    from .models import CountryStatus

    return CountryStatus.objects.aggregate(last=Max("updated_at"))["last"]


def register() -> None:
    from countries import sections
    from opendata import datasets

    from .versions import FRAMEWORKS

    sections.register(sections.Section(
        key="frameworks", title=_("Legal frameworks"), order=50,
        template="frameworks/country_section.html", context=country_section,
        headline=party_headline, headline_label=_("Conventions ratified"),
        version=FRAMEWORKS.current,
    ))
    column = datasets.Column
    datasets.register(datasets.Dataset(
        slug="framework-status",
        title=_("Status of the inter-American conventions"),
        description=_("Signature, ratification, accession and deposit of each member State, "
                      "per convention, as recorded by the secretariat."),
        columns=(
            column("framework", _("Convention code")),
            column("country", _("Country (ISO 3166-1 alpha-2)")),
            column("standing", _("Standing: party, pending, signatory or none")),
            column("signed", _("Signed"), "boolean"),
            column("signature_date", _("Signature date"), "date"),
            column("consent", _("Ratification, accession or acceptance")),
            column("consent_date", _("Date of ratification, accession or acceptance"), "date"),
            column("deposited", _("Instrument deposited"), "boolean"),
            column("deposit_date", _("Deposit date"), "date"),
            column("entry_into_force_date", _("Entry into force for the State, when given"),
                   "date"),
            column("source_url", _("Source")),
        ),
        rows=status_rows, last_updated=status_last_updated,
        keywords=("treaties", "human rights", "inclusion"),
    ))
