"""The kinds of things a project can list as "what it produced", registered by label so that
projects imports no other domain: exchanges, courses, cohorts, webinars, forum meetings.

``registrations.py`` registers the kinds whose apps are installed; another app may register
its own in its ``AppConfig.ready()``::

    from projects import activities
    activities.register(activities.ActivityKind(
        "forums.Meeting", _("Forum meeting"), public=lambda qs: qs.filter(published=True)))

``public(queryset)`` narrows to what anyone may see (a project page is public); ``url(obj)``
gives its address or "" when it has none; ``visible(user, queryset)``, when given, narrows to
what ``user`` may open in its own app (who may link which item is decided in
``projects/permissions.py``, with it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


def _page_url(obj) -> str:
    return obj.url or ""


@dataclass(frozen=True)
class ActivityKind:
    label: str  # "app_label.ModelName"
    name: str
    public: Callable = field(default=lambda queryset: queryset)
    url: Callable = field(default=_page_url)
    title: Callable = field(default=str)
    visible: Callable | None = None
    related: tuple = ()  # select_related for ``title`` and ``url`` (a cohort's course)

    def objects(self):
        manager = self.model._default_manager
        return manager.select_related(*self.related) if self.related else manager.all()

    @property
    def model(self):
        return apps.get_model(self.label)


_kinds: dict[str, ActivityKind] = {}


def register(kind: ActivityKind) -> None:
    _kinds[kind.label.lower()] = kind


def kind_for_model(model) -> ActivityKind | None:
    return _kinds.get(model._meta.label_lower)


def kind_for_label(label: str) -> ActivityKind | None:
    return _kinds.get(label.lower())


def registered() -> list[ActivityKind]:
    return list(_kinds.values())
