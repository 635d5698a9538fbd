"""The projects domain in the Wagtail admin: organisations, project records (with their
organisations, budget lines and results inline) and indicators. States are never edited here:
they change through projects/workflow.py on the site's working pages."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Indicator, Organisation, Project


class OrganisationFilterSet(WagtailFilterSet):
    class Meta:
        model = Organisation
        fields = ["org_type", "country_code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = _("Organisations")
    list_display = ["name_en", "acronym", "org_type", "country_code", "iati_identifier"]
    filterset_class = OrganisationFilterSet
    search_fields = ["name_en", "name_es", "name_fr", "name_pt", "acronym", "iati_identifier"]
    ordering = ["name_en"]


class ProjectFilterSet(WagtailFilterSet):
    class Meta:
        model = Project
        fields = ["modality", "status", "lead_agency__country", "illustrative"]


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "clipboard-list"
    menu_label = _("Project records")
    list_display = ["code", "title", "modality", "status", "lead_agency", "planned_start"]
    filterset_class = ProjectFilterSet
    search_fields = ["code", "title"]

    def get_queryset(self, request):
        return Project.objects.select_related("lead_agency")


class IndicatorFilterSet(WagtailFilterSet):
    class Meta:
        model = Indicator
        fields = ["result__project", "measure"]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "pick"
    menu_label = _("Indicators")
    list_display = ["name_en", "result", "unit", "baseline_value", "target_value"]
    filterset_class = IndicatorFilterSet
    search_fields = ["name_en"]

    def get_queryset(self, request):
        return Indicator.objects.select_related("result")


class ProjectsGroup(SnippetViewSetGroup):
    menu_label = _("Projects")
    menu_icon = "clipboard-list"
    menu_order = 260
    items = (ProjectViewSet, IndicatorViewSet, OrganisationViewSet)
