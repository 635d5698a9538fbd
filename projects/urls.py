"""Working pages under /<lang>/projects/ (before Wagtail's pages: these slugs are reserved)."""

from django.urls import path

from . import views

app_name = "projects"

urlpatterns = [
    path("projects/proposals/", views.proposal_list, name="proposals"),
    path("projects/proposals/new/", views.proposal_new, name="proposal_new"),
    path("projects/proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("projects/proposals/<int:pk>/edit/", views.proposal_edit, name="proposal_edit"),
    path("projects/proposals/<int:pk>/transition/", views.proposal_fire, name="proposal_fire"),
    path("projects/proposals/<int:pk>/review/", views.proposal_review, name="proposal_review"),
    path("projects/workspace/<slug:code>/", views.workspace, name="workspace"),
    path("projects/workspace/<slug:code>/transition/", views.project_fire, name="project_fire"),
    path("projects/workspace/<slug:code>/activities/", views.project_activities,
         name="activities"),
    path("projects/workspace/<slug:code>/activities/<int:link_id>/unlink/",
         views.project_activity_unlink, name="activity_unlink"),
    path("projects/workspace/<slug:code>/reports/new/", views.report_new, name="report_new"),
    path("projects/reports/<int:pk>/", views.report_detail, name="report"),
    path("projects/reports/<int:pk>/transition/", views.report_fire, name="report_fire"),
]
