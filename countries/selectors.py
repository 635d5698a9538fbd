"""Reads of the country profiles: a country by its lower-case ISO code, its sections from the
registry (``countries/sections.py``) and the headline figures of every country."""

from __future__ import annotations

from django.http import Http404
from django.template.loader import render_to_string
from django.utils.translation import get_language

from cms.directory.models import Country
from cms.directory.versions import DIRECTORY
from cms.pages.shell import tree_version
from cms.versions import kept

from . import sections


def country_by_code(code: str) -> Country:
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise Http404("No such country")
    country = Country.objects.filter(code=code.upper()).first()
    if country is None:
        raise Http404("No such country")
    return country


def _key(section: sections.Section, request, *parts) -> tuple:
    return ("puente:countries", section.key, section.version(), DIRECTORY.current(),
            tree_version(request), *parts)


def rendered_sections(country: Country, request) -> list[dict]:
    """Each registered section that has something to say, rendered with its own template
    (kept, for a section that gives its data's version)."""
    out = []
    for section in sections.registered():

        def render(section=section):
            context = section.context(country, request)
            if context is None:
                return ""
            # render_to_string gives a SafeString: the section's template did the escaping.
            return render_to_string(
                section.template, {**context, "country": country, "section": section}, request
            )

        if section.version is None:
            html = render()
        else:
            html = kept(_key(section, request, get_language() or "en", request.get_host(),
                             country.pk), render)
        if html:
            out.append({"key": section.key, "title": section.title, "html": html})
    return out


def headline_sections() -> list[sections.Section]:
    return [s for s in sections.registered() if s.headline is not None]


def headline_table(countries: list[Country], request=None) -> tuple[list[sections.Section],
                                                                    list[dict]]:
    """One query per section for all countries: [{"country", "values": [...]}, …]."""
    columns = headline_sections()
    figures = [
        section.headline(countries) if section.version is None
        else kept(_key(section, request, "headline"), lambda s=section: s.headline(countries))
        for section in columns
    ]
    rows = [
        {"country": country, "values": [f.get(country.pk, 0) for f in figures]}
        for country in countries
    ]
    return columns, rows
