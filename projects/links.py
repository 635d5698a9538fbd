"""What a concept note may point to (a commitment of a forum, an article of a legal framework),
given by the apps that own those things. Kept generic: projects imports neither app.

An app registers a provider in its ``AppConfig.ready()``::

    from projects import links
    links.register(links.LinkProvider("forums.Commitment", _("Commitment"), choices=…))

``choices()`` returns ``[(pk, label), …]`` (bounded, e.g. the current commitments). With no
provider registered, the concept-note form has no link field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class LinkProvider:
    label: str  # "app_label.ModelName"
    name: str
    choices: Callable  # () -> list[(pk, label)]


_providers: dict[str, LinkProvider] = {}


def register(provider: LinkProvider) -> None:
    _providers[provider.label.lower()] = provider


def registered() -> list[LinkProvider]:
    return list(_providers.values())


def choices() -> list[tuple[str, str]]:
    """``("<content type id>:<pk>", "Kind: label")`` for every registered provider."""
    options = []
    for provider in registered():
        content_type = ContentType.objects.get_for_model(apps.get_model(provider.label))
        options += [(f"{content_type.pk}:{pk}", f"{provider.name}: {label}")
                    for pk, label in provider.choices()]
    return options


def resolve(value: str):
    """The object a choice names, or None (unknown or not registered)."""
    try:
        type_id, pk = (int(part) for part in value.split(":"))
        content_type = ContentType.objects.get_for_id(type_id)
    except (ValueError, ContentType.DoesNotExist):
        return None
    model = content_type.model_class()
    if model is None or model._meta.label_lower not in _providers:
        return None
    return model._default_manager.filter(pk=pk).first()
