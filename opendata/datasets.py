"""The open-data catalogue: each domain registers its tables in its ``AppConfig.ready()``::

    from opendata import datasets
    datasets.register(datasets.Dataset(
        slug="exchanges", title=_("Peer exchanges"), description=_("…"),
        columns=(datasets.Column("id", _("Identifier")), …),
        rows=exchange_rows, last_updated=exchanges_last_updated, keywords=("cooperation",),
    ))

``rows()`` yields tuples in column order and must stream (``.values_list(...).iterator()``), so
a 100 000-row table never sits in memory. Never personal data: no names or email addresses of
people (a test walks every dataset looking for them); people only as aggregated counts.
The catalogue page, the CSV/JSON downloads, the API and the DCAT catalogue read this registry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    type: str = "string"  # string | integer | number | date | boolean


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    columns: tuple[Column, ...] | Callable[[], tuple[Column, ...]]
    rows: Callable[[], Iterator[tuple]]
    last_updated: Callable[[], object]  # -> date | datetime | None
    keywords: tuple[str, ...] = field(default_factory=tuple)

    def column_list(self) -> tuple[Column, ...]:
        """The columns; ``columns`` may be a callable for a table whose columns other apps
        give (the country indicators have one per registered profile section)."""
        return tuple(self.columns() if callable(self.columns) else self.columns)


_datasets: dict[str, Dataset] = {}


def register(dataset: Dataset) -> None:
    _datasets[dataset.slug] = dataset


def registered() -> list[Dataset]:
    return sorted(_datasets.values(), key=lambda d: d.slug)


def get(slug: str) -> Dataset | None:
    return _datasets.get(slug)
