"""The sections of a country profile, each given by the domain that owns the data.

The profile page (``/<lang>/countries/<iso2>/``) imports no domain: each app registers what it
knows about a country in its ``AppConfig.ready()``, as rooms' parents do::

    from countries import sections
    sections.register(sections.Section(
        key="exchanges", title=_("Peer exchanges"), order=30,
        template="exchanges/country_section.html", context=exchange_section,
    ))

``context(country, request)`` returns the template's context, or None to leave the section out.
It must cost a fixed number of queries whatever the country's volume (the profile page holds
≤ 15 in all), and must never return personal data: people only as aggregated counts, and a
count below :data:`MIN_COUNT` is shown as "fewer than 5" (:func:`small_count`).
``headline(countries)`` (optional) gives ``{country_id: number}`` for the country index's table,
in one query for all countries.

``version()`` (optional) returns the current version of the data the section reads beyond the
page tree and the directory (e.g. ``FRAMEWORKS.current``, see ``cms/versions.py``): with it, the
rendered section and the headline figures are kept in the shared cache under that version, the
tree and directory versions, the language and the host, and built again on the next request
after a change. Give one only when every write to that data replaces the version and the
section shows the same to every reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: Counts of people below this are never shown as such.
MIN_COUNT = 5


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    order: int
    template: str
    context: Callable  # (country, request) -> dict | None
    headline: Callable | None = None  # (countries) -> {country_id: int}
    headline_label: str = ""
    version: Callable | None = None  # () -> str


_sections: dict[str, Section] = {}


def register(section: Section) -> None:
    _sections[section.key] = section


def registered() -> list[Section]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def small_count(n: int | None) -> int | None:
    """``n`` when it may be shown, None when it counts fewer than MIN_COUNT people."""
    return n if n is not None and n >= MIN_COUNT else None
