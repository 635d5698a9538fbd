"""Reads of the country profiles: a country by its lower-case ISO code, its sections from the
registry (``countries/sections.py``) and the headline figures of every country."""

from __future__ import annotations

from django.http import Http404
from django.template.loader import render_to_string

from cms.directory.models import Country

from . import sections


def country_by_code(code: str) -> Country:
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise Http404("No such country")
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise Http404("No such country")
    return country


def rendered_sections(country: Country, request) -> list[dict]:
    """Each registered section that has something to say, rendered with its own template."""
    out = []
    for section in sections.registered():
        context = section.context(country, request)
        if context is None:
            continue
        html = render_to_string(
            section.template, {**context, "country": country, "section": section}, request
        )
        # render_to_string gives a SafeString: the section's template did the escaping.
        out.append({"key": section.key, "title": section.title, "html": html})
    return out


def headline_sections() -> list[sections.Section]:
    return [s for s in sections.registered() if s.headline is not None]


def headline_table(countries: list[Country]) -> tuple[list[sections.Section], list[dict]]:
    """One query per section for all countries: [{"country", "values": [...]}, …]."""
    columns = headline_sections()
    figures = [section.headline(countries) for section in columns]
    rows = [
        {"country": country, "values": [f.get(country.pk, 0) for f in figures]}
        for country in countries
    ]
    return columns, rows
