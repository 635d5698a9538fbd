"""The catalogue's filters: text, theme, language, format, status and network."""

from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

import django_filters

from cms.directory.models import Network, Theme
from cms.widgets import FastSelect

from .models import Cohort, CoursePage


class CourseFilter(django_filters.FilterSet):
    OPEN = "open"
    UPCOMING = "upcoming"
    IN_PROGRESS = "in_progress"
    ARCHIVED = "archived"

    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), field_name="themes", queryset=Theme.objects.all(),
        empty_label=_("All themes"), widget=FastSelect(directory_options="courses-theme"),
    )
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All languages"),
        widget=FastSelect,
    )
    course_format = django_filters.ChoiceFilter(
        label=_("Format"), choices=CoursePage.Format.choices, empty_label=_("All formats"),
        widget=FastSelect,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        empty_label=_("Any status"), widget=FastSelect,
        choices=[
            (OPEN, _("Open for enrolment")),
            (UPCOMING, _("Upcoming")),
            (IN_PROGRESS, _("In progress")),
            (ARCHIVED, _("Archived")),
        ],
    )
    network = django_filters.ModelChoiceFilter(
        label=_("Network"), field_name="networks", queryset=Network.objects.all(),
        empty_label=_("All networks"), widget=FastSelect(directory_options="courses-network"),
    )

    class Meta:
        model = CoursePage
        fields: list[str] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget = forms.TextInput(attrs={"type": "search"})

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value) | Q(summary__icontains=value)
            | Q(audience__icontains=value)
        )

    def filter_status(self, queryset, name, value):
        now = timezone.now()
        cohorts = Cohort.objects.filter(course=OuterRef("pk"))
        if value == self.ARCHIVED:
            return queryset.filter(archived=True)
        queryset = queryset.filter(archived=False)
        if value == self.OPEN:
            return queryset.filter(
                Exists(Cohort.objects.open_for_enrolment(now).filter(course=OuterRef("pk")))
            )
        if value == self.UPCOMING:
            condition = Q(starts_at__gt=now)
        else:
            condition = Q(starts_at__lte=now) & (Q(ends_at__isnull=True) | Q(ends_at__gt=now))
        return queryset.filter(Exists(cohorts.filter(condition)))
