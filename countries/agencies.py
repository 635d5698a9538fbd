"""The country profile's own section from the shared directory: the country's agencies; and the
open-data table of every country's headline figures (one column per registered section)."""

from __future__ import annotations

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from cms.directory.models import Agency, Country
from opendata import datasets

from . import sections


def agencies_section(country, request) -> dict:
    return {"agencies": list(Agency.objects.filter(country=country).order_by("name"))}


def agencies_headline(countries) -> dict[int, int]:
    rows = Agency.objects.values("country_id").annotate(n=Count("pk"))
    return {row["country_id"]: row["n"] for row in rows}


def indicator_columns() -> tuple[datasets.Column, ...]:
    return (
        datasets.Column("country", _("Country (ISO 3166-1 alpha-2)")),
        datasets.Column("name_en", _("Name (English)")),
        *(
            datasets.Column(section.key, section.headline_label or section.title, "integer")
            for section in sections.registered()
            if section.headline is not None
        ),
    )


def indicator_rows():
    countries = list(Country.objects.order_by("code"))
    headlines = [s for s in sections.registered() if s.headline is not None]
    figures = [section.headline(countries) for section in headlines]
    for country in countries:
        yield (country.code, country.name_en, *(f.get(country.pk, 0) for f in figures))


def register() -> None:
    sections.register(sections.Section(
        key="agencies", title=_("Agencies"), order=10,
        template="countries/agencies_section.html", context=agencies_section,
        headline=agencies_headline, headline_label=_("Agencies"),
        version=lambda: "",  # directory rows only: the directory version is in the key
    ))
    datasets.register(datasets.Dataset(
        slug="country-indicators",
        title=_("Country indicators"),
        description=_("The headline figures of each member state's profile: agencies, networks, "
                      "exchanges, experiences and participation, one column per figure."),
        columns=indicator_columns,
        rows=indicator_rows,
        last_updated=lambda: None,
        keywords=("countries", "indicators"),
    ))
