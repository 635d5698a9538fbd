from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/my-data.json", views.personal_data_download, name="personal_data_download"),
    path("profile/delete/", views.account_delete, name="account_delete"),
]
