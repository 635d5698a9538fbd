"""Network governance in the Wagtail admin (model permissions: the secretariat). Memberships are
decided on the network's member page, through the workflow, never edited here."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import NetworkProfile


class NetworkProfileViewSet(SnippetViewSet):
    model = NetworkProfile
    icon = "link"
    menu_label = _("Network governance")
    list_display = ["network", "chair", "term_start", "term_end"]

    def get_queryset(self, request):
        return NetworkProfile.objects.select_related("network", "chair__country")


register_snippet(NetworkProfileViewSet)
