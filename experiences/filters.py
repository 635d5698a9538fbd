"""The search parameters as a django-filter FilterSet: one validation for the page and the API."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

import django_filters

from cms.directory.models import Country, PopulationGroup, Theme
from search.engines import SORTS, SearchQuery
from search.engines.base import MAX_PAGE
from search.forms import MAX_QUERY_LENGTH
from search.models import SearchDocument

CHOICES_TTL = 300  # seconds; the directory changes rarely


def _cached_values(name: str, values) -> list[tuple[str, str]]:
    # Only the values are validated here (the engine labels facets), so one cached list
    # serves every language and saves a query per request.
    codes = cache.get_or_set(f"puente_search:choices:{name}", lambda: list(values()), CHOICES_TTL)
    return [(code, code) for code in codes]


def _countries():
    return _cached_values("countries", lambda: Country.objects.values_list("code", flat=True))


def _themes():
    return _cached_values("themes", lambda: Theme.objects.values_list("slug", flat=True))


def _populations():
    return _cached_values(
        "populations", lambda: PopulationGroup.objects.values_list("slug", flat=True)
    )


class ExperienceFilterSet(django_filters.FilterSet):
    """Validates ``?q=…&country=BR&theme=…&population=…&year_from=…&language=es&page=2``.

    The engine does the searching; this set only turns the query string into a ``SearchQuery``
    (unknown values and out-of-range numbers are errors, not silently ignored).
    """

    q = django_filters.CharFilter(
        label=_("Search experiences"), max_length=MAX_QUERY_LENGTH, method="_engine"
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), choices=_countries, method="_engine"
    )
    theme = django_filters.MultipleChoiceFilter(
        label=_("Theme"), choices=_themes, method="_engine"
    )
    population = django_filters.MultipleChoiceFilter(
        label=_("Population group"), choices=_populations, method="_engine"
    )
    language = django_filters.MultipleChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, method="_engine"
    )
    year_from = django_filters.NumberFilter(
        label=_("From year"), min_value=1900, max_value=2100, method="_engine"
    )
    year_to = django_filters.NumberFilter(
        label=_("To year"), min_value=1900, max_value=2100, method="_engine"
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("relevance", _("Relevance")), ("newest", _("Newest"))],
        empty_label=None,
        method="_engine",
    )
    page = django_filters.NumberFilter(
        label=_("Page"), min_value=1, max_value=MAX_PAGE, method="_engine",
        widget=forms.HiddenInput,
    )

    class Meta:
        model = SearchDocument
        fields: list[str] = []

    def _engine(self, queryset, name, value):
        return queryset

    def search_query(self, **overrides) -> SearchQuery:
        """The valid part of the request as a ``SearchQuery`` (call ``is_valid()`` first)."""
        data = getattr(self.form, "cleaned_data", {})
        year_from, year_to = data.get("year_from"), data.get("year_to")
        if year_from is not None and year_to is not None and year_from > year_to:
            year_from, year_to = year_to, year_from
        sort = data.get("sort") or "relevance"
        return SearchQuery(
            text=(data.get("q") or "").strip(),
            countries=tuple(data.get("country") or ()),
            themes=tuple(data.get("theme") or ()),
            populations=tuple(data.get("population") or ()),
            languages=tuple(data.get("language") or ()),
            year_from=int(year_from) if year_from is not None else None,
            year_to=int(year_to) if year_to is not None else None,
            sort=sort if sort in SORTS else "relevance",
            page=int(data.get("page") or 1),
            **overrides,
        )

    def error_message(self) -> str:
        return " ".join(
            f"{name}: {' '.join(str(e) for e in errors)}"
            for name, errors in self.form.errors.items()
        )
