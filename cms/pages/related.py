"""Content that other apps show beside a page's own (e.g. "Part of these projects" on a course,
webinar, exchange, experience or forum meeting), so those pages never name the app that owns it.

An app registers a slot in ``AppConfig.ready()``::

    register_related("projects", render_linked_projects, order=10)

``render(context, obj) -> str`` returns safe HTML ("" when it has nothing to show) and runs at
most one query whatever the data. Templates show every slot with
``{% load related_tags %}{% related_content obj %}``; with no slot registered, nothing is asked
of the database.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class RelatedSlot:
    key: str
    render: Callable  # (template context, obj) -> safe HTML
    order: int = 100


_slots: dict[str, RelatedSlot] = {}


def register_related(key: str, render: Callable, *, order: int = 100) -> None:
    _slots[key] = RelatedSlot(key, render, order)


def unregister_related(key: str) -> None:
    _slots.pop(key, None)


def related_slots() -> list[RelatedSlot]:
    return sorted(_slots.values(), key=lambda slot: (slot.order, slot.key))
