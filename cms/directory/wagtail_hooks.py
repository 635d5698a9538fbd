"""The directory in the Wagtail admin: one snippet viewset per model, grouped in one menu."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Agency, Country, Network, PopulationGroup, Theme


class CountryFilterSet(WagtailFilterSet):
    class Meta:
        model = Country
        fields = ["participating"]


class AgencyFilterSet(WagtailFilterSet):
    class Meta:
        model = Agency
        fields = ["country", "sector"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["code", "name_en", "name_es", "name_fr", "name_pt", "participating"]
    filterset_class = CountryFilterSet
    search_fields = ["name_en", "name_es", "name_fr", "name_pt", "code"]
    ordering = ["name_en"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    list_display = ["name", "acronym", "country", "sector"]
    filterset_class = AgencyFilterSet
    search_fields = ["name", "acronym"]

    def get_queryset(self, request):
        return Agency.objects.select_related("country")


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name_en", "name_es", "name_fr", "name_pt", "slug"]
    search_fields = ["name_en", "name_es", "name_fr", "name_pt"]


class PopulationGroupViewSet(SnippetViewSet):
    model = PopulationGroup
    icon = "group"
    list_display = ["name_en", "name_es", "name_fr", "name_pt", "slug"]
    search_fields = ["name_en", "name_es", "name_fr", "name_pt"]


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "link"
    list_display = ["name_en", "acronym"]
    search_fields = ["name_en", "name_es", "name_fr", "name_pt", "acronym"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (CountryViewSet, AgencyViewSet, ThemeViewSet, PopulationGroupViewSet, NetworkViewSet)


register_snippet(DirectoryViewSetGroup)
