"""The public list's facets: modality, status, country, theme, population group, organisation,
year (a project counts in every year its planned period touches)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

import django_filters

from cms.directory.models import Country, PopulationGroup, Theme
from cms.widgets import FastSelect

from .enums import Modality, Status
from .models import Organisation, ProjectPage


class ProjectFilter(django_filters.FilterSet):
    modality = django_filters.ChoiceFilter(
        label=_("Modality"), field_name="project__modality", choices=Modality.choices,
        empty_label=_("All modalities"), widget=FastSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="project__status", choices=Status.choices,
        empty_label=_("Any status"), widget=FastSelect,
    )
    country = django_filters.ModelChoiceFilter(
        label=_("Country"), field_name="project__countries", queryset=Country.objects.all(),
        to_field_name="code", empty_label=_("All countries"),
        widget=FastSelect(directory_options="projects-country"),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="project__themes", queryset=Theme.objects.all(),
        to_field_name="slug", empty_label=_("All themes"),
        widget=FastSelect(directory_options="projects-theme"),
    )
    population = django_filters.ModelChoiceFilter(
        label=_("Population group"), field_name="project__population_groups",
        queryset=PopulationGroup.objects.all(), to_field_name="slug",
        empty_label=_("All population groups"),
        widget=FastSelect(directory_options="projects-population"),
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), field_name="project__participations__organisation",
        queryset=Organisation.objects.all(), empty_label=_("All organisations"),
        widget=FastSelect, distinct=True,
    )
    year = django_filters.NumberFilter(label=_("Year"), method="filter_year", min_value=2000,
                                       max_value=2100)

    class Meta:
        model = ProjectPage
        fields: list[str] = []

    def filter_year(self, queryset, name, value):
        year = int(value)
        return queryset.filter(
            Q(project__planned_start__year__lte=year) & Q(project__planned_end__year__gte=year)
        )
