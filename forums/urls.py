"""Language-prefixed addresses of political dialogue (included under /<lang>/ by cms/urls.py).

Forum and meeting pages are Wagtail pages (/<lang>/forums/<forum>/<meeting>/); the slugs
``documents``, ``meetings``, ``reports`` and ``delegations`` under
/<lang>/forums/ are taken by these views.
"""

from django.urls import path, re_path

from .views import public, workspace

app_name = "forums"

urlpatterns = [
    path("commitments/", public.commitments, name="tracker"),
    path("commitments/<int:pk>/", public.commitment, name="commitment"),
    path("commitments/<int:pk>/tags/", public.commitment_tag, name="commitment_tag"),
    re_path(r"^commitments/countries/(?P<iso2>[A-Za-z]{2})/$", public.country_matrix,
            name="country"),
    re_path(r"^commitments/countries/(?P<iso2>[A-Za-z]{2})\.(?P<fmt>csv|xlsx)$",
            public.country_matrix, name="country_export"),
    path("forums/calendar.ics", public.meetings_ics, name="calendar"),
    path("forums/meetings/<int:pk>/calendar.ics", public.meeting_ics, name="meeting_ics"),
    path("forums/documents/<int:pk>/<str:language>/", public.document, name="document"),
    path("forums/reports/", workspace.workspace, name="workspace"),
    re_path(r"^forums/reports/start/(?P<cycle_pk>\d+)/(?P<iso2>[A-Za-z]{2})/$",
            workspace.report_start, name="report_start"),
    path("forums/reports/<int:pk>/", workspace.report, name="report"),
    path("forums/reports/<int:pk>/transition/", workspace.report_transition,
         name="report_transition"),
    re_path(r"^forums/meetings/(?P<meeting_pk>\d+)/delegations/(?P<iso2>[A-Za-z]{2})/$",
            workspace.delegation_start, name="delegation_start"),
    re_path(r"^forums/meetings/(?P<pk>\d+)/participants\.(?P<fmt>csv|pdf)$",
            workspace.participants, name="participants"),
    path("forums/delegations/<int:pk>/", workspace.delegation, name="delegation"),
    path("forums/delegations/<int:pk>/delegates/<int:delegate_pk>/remove/",
         workspace.delegate_remove, name="delegate_remove"),
    path("forums/delegations/<int:pk>/transition/", workspace.delegation_transition,
         name="delegation_transition"),
]
