"""Filters of the public list of completed exchanges."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

import django_filters

from cms.directory.models import Country, Theme
from cms.inputs import YEAR_MAX, YEAR_MIN, bounded_int
from cms.widgets import FastSelect

from .models import ExchangeRequest, Modality


class PublicExchangeFilter(django_filters.FilterSet):
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), queryset=Country.objects.all(), method="filter_country",
        widget=FastSelect(directory_options="exchanges-country"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=Theme.objects.all(), field_name="themes",
        widget=FastSelect(directory_options="exchanges-theme"),
    )
    modality = django_filters.ChoiceFilter(
        label=_("Modality"), choices=Modality.choices, method="filter_modality",
        widget=FastSelect,
    )
    year = django_filters.NumberFilter(
        label=_("Year"), field_name="completed_at", lookup_expr="year",
        **bounded_int(min_value=YEAR_MIN, max_value=YEAR_MAX),
    )

    class Meta:
        model = ExchangeRequest
        fields: list[str] = []

    def filter_country(self, queryset, name, value):
        """Either side: the requesting or the providing agency's country."""
        return queryset.filter(
            Q(requesting_agency__country=value) | Q(provider_agency__country=value)
        )

    def filter_modality(self, queryset, name, value):
        return queryset.filter(activities__modality=value).distinct()
