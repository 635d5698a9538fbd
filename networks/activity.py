"""A network's activity, pulled from every domain with no manual upkeep.

Each domain registers a source in its ``AppConfig.ready()``::

    from networks import activity
    activity.register(activity.Source(
        key="exchanges", label=_("Peer exchanges"), order=20,
        items=exchange_items, yearly=exchange_yearly,
    ))

``items(network, agency_ids, limit)`` returns at most ``limit`` recent items, each a dict with
``title``, ``url`` and ``date`` (one query); ``yearly(network, agency_ids)`` returns the
unevaluated rows query of the network's yearly summary — ``.values("year").annotate(n=...)``
— which the network page reads together with every other source's in one UNION query (a plain
``{year: count}`` dict is accepted too, at its own cost). ``agency_ids`` are the
network's current member agencies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    order: int
    items: Callable  # (network, agency_ids, limit) -> list[dict]
    yearly: Callable  # (network, agency_ids) -> rows query (year, n) | dict[int, int]


_sources: dict[str, Source] = {}


def register(source: Source) -> None:
    _sources[source.key] = source


def registered() -> list[Source]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.key))
